import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { GraphQLSchema } from "graphql";
import { Kpi } from "@needlework/core";
import { Keys, type Db } from "@needlework/store";
import { toGlobalId } from "@needlework/api";
import { RollupAttr } from "../../packages/store/src/clinical/rollups";
import { median, type Figures } from "../figures";
import { generate, type GeneratedGroup } from "../generate";
import type { Progress } from "../progress";
import { principalOf, type BenchStack } from "../stack";
import { hasField } from "./requests";

/**
 * The outcome summary by concern over N generated sessions, two ways, on the same data:
 * - from the rollups: the API's outcomeSummary query when the schema has it (else a Query of the
 *   CONCERN rollup items, labelled so), timed warm, median of several;
 * - recomputed from the raw records: every session of the group, read from the patients' item
 *   collections, summed per concern in this process.
 * Both answers are compared, so the speed-up is between two ways of getting the same numbers. The
 * same again for a summary over a six-month range at one site (the month items of the range: one
 * Query), against the sessions of those months at that site from the same raw read.
 */
interface PerConcern {
  sessions: number;
  adverseEvents: number;
}

const SUMMARY = `query($groupBy: OutcomeDimension!, $filter: OutcomeFilter) { outcomeSummary(groupBy: $groupBy, filter: $filter) { rows { key sessions adverseEvents adverseEventsPer100Sessions } } }`;

/** What the recomputation keeps of a session: its concerns, month, site and counted events. */
interface RawSession {
  indications: string[];
  month: string;
  siteId: string;
  events: number;
}

/** Sessions and adverse events per concern of the raw sessions `keep` selects. */
function perConcern(sessions: readonly RawSession[], keep: (s: RawSession) => boolean = () => true) {
  const out = new Map<string, PerConcern>();
  for (const s of sessions) {
    if (!keep(s)) continue;
    for (const indication of s.indications) {
      const row = out.get(indication) ?? { sessions: 0, adverseEvents: 0 };
      row.sessions += 1;
      row.adverseEvents += s.events;
      out.set(indication, row);
    }
  }
  return out;
}

async function fromRollupsDirect(db: Db, groupId: string): Promise<Map<string, PerConcern>> {
  const items = await queryAll(db, {
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :a)",
    ExpressionAttributeValues: { ":pk": Keys.rollupPk(groupId, "CONCERN"), ":a": "A#" },
  });
  const out = new Map<string, PerConcern>();
  for (const it of items) {
    const row = out.get(String(it.value)) ?? { sessions: 0, adverseEvents: 0 };
    row.sessions += Number(it[RollupAttr.sessions] ?? 0);
    row.adverseEvents += Number(it[RollupAttr.adverseEvents] ?? 0);
    out.set(String(it.value), row);
  }
  return out;
}

/** Every item of a key condition, following LastEvaluatedKey. */
async function queryAll(
  db: Db,
  input: Omit<QueryCommandInput, "TableName" | "ExclusiveStartKey">,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await db.doc.send(
      new QueryCommand({ ...input, TableName: db.tableName, ExclusiveStartKey: start }),
    );
    out.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * Every session of the group, read from the patients' collections (the patients listed from the
 * sites' patient index), 8 Queries in flight, summed per concern here. The sites' session index would
 * be the natural path, but DynamoDB Local pages a large index partition in time that grows with the
 * partition, which would measure the emulator, not the design.
 */
async function recompute(db: Db, g: GeneratedGroup, prog: Progress, total: number): Promise<RawSession[]> {
  const out: RawSession[] = [];
  const patients: string[] = [];
  for (const site of g.sites) {
    const rows = await queryAll(db, {
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :pk",
      ExpressionAttributeValues: { ":pk": Keys.sitePatientsGsi(g.group.id, site.id) },
    });
    patients.push(...rows.map((r) => String(r.id)));
  }
  let read = 0;
  let next = 0;
  const worker = async () => {
    while (next < patients.length) {
      const id = patients[next++]!;
      const items = await queryAll(db, {
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :t)",
        ExpressionAttributeValues: { ":pk": Keys.patientPk(g.group.id, id), ":t": "T#" },
      });
      for (const s of items) {
        if (s.type !== "TreatmentSession") continue;
        const events =
          (s.adverseEvents as Parameters<typeof Kpi.countsAsAdverseEvent>[0][] | undefined) ?? [];
        out.push({
          indications: [...new Set((s.indications as string[] | undefined) ?? [])],
          month: String(s.performedOn).slice(0, 7),
          siteId: String(s.siteId),
          events: events.filter((e) => Kpi.countsAsAdverseEvent(e)).length,
        });
        read++;
      }
      prog.update(read, total, "sessions read back");
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return out;
}

const same = (a: Map<string, PerConcern>, b: Map<string, PerConcern>): boolean =>
  a.size === b.size &&
  [...a].every(([k, v]) => b.get(k)?.sessions === v.sessions && b.get(k)?.adverseEvents === v.adverseEvents);

export async function measureAnalytics(
  stack: BenchStack,
  schema: GraphQLSchema,
  figures: Figures,
  opts: { patients: number; sessionsPerPatient: number; runs: number },
  prog: Progress,
): Promise<void> {
  const total = opts.patients * opts.sessionsPerPatient;
  const section = `Outcome summary over ${total.toLocaleString("en-GB")} sessions: rollups vs recomputation`;
  const gen = await generate(stack.tooling, {
    groups: 1,
    patients: opts.patients,
    sessions: opts.sessionsPerPatient,
    prefix: "scale",
    progress: prog,
  });
  const g = gen.groups[0]!;
  figures.add(
    section,
    "analytics.generate.seconds",
    `generated ${gen.items.toLocaleString("en-GB")} items (BatchWriteItem ×${gen.writeRequests.toLocaleString("en-GB")})`,
    gen.seconds,
    "s",
  );

  // From the rollups: the API's summary (as the group's analyst) when it exists.
  const viaApi = hasField(schema, "Query.outcomeSummary");
  const analyst = principalOf(g.analyst);
  const rollupOnce = async (): Promise<{ ms: number; rows: Map<string, PerConcern> }> => {
    const t0 = performance.now();
    if (!viaApi) {
      const rows = await fromRollupsDirect(stack.tooling, g.group.id);
      return { ms: performance.now() - t0, rows };
    }
    const res = await stack.gql(SUMMARY, { groupBy: "CONCERN" }, analyst);
    if (res.errors?.length)
      throw new Error(
        `outcomeSummary answered ${String(res.errors[0]!.extensions?.code)}: ${res.errors[0]!.message}`,
      );
    const rows = new Map<string, PerConcern>();
    for (const r of (res.data?.outcomeSummary as { rows: (PerConcern & { key: string })[] }).rows)
      if (r.sessions > 0) rows.set(r.key, { sessions: r.sessions, adverseEvents: r.adverseEvents });
    return { ms: res.ms, rows };
  };
  prog.step("summary from the rollups");
  await rollupOnce();
  const toolingBefore = stack.tooling.counter.total;
  const counted = await stack.count(rollupOnce);
  const rollupRequests = viaApi ? counted.total : stack.tooling.counter.total - toolingBefore;
  const rollupTimes: number[] = [];
  for (let i = 0; i < opts.runs; i++) rollupTimes.push((await rollupOnce()).ms);
  const rollupMs = median(rollupTimes);

  // Recomputed from every session.
  prog.step("recomputing from the raw sessions");
  const before = stack.tooling.counter.total;
  const t0 = performance.now();
  const sessions = await recompute(stack.tooling, g, prog, total);
  const raw = perConcern(sessions);
  const rawMs = performance.now() - t0;
  const rawRequests = stack.tooling.counter.total - before;

  const measured = viaApi
    ? "the API's outcomeSummary(groupBy: CONCERN) over HTTP, as the group's analyst"
    : "a Query of the CONCERN rollup items (the API has no outcomeSummary yet)";
  figures.add(section, "analytics.rollup.ms", `from rollups (median of ${opts.runs})`, rollupMs, "ms", {
    note: measured,
  });
  figures.add(section, "analytics.rollup.requests", "from rollups: requests", rollupRequests, "");
  figures.add(section, "analytics.raw.ms", "recomputed from raw sessions", rawMs, "ms", {
    note: "every patient's collection (Query, 8 in flight; patients from the sites' patient index), sessions and adverse events summed per concern in the bench process",
  });
  figures.add(section, "analytics.raw.requests", "recomputed: requests", rawRequests, "");
  figures.add(section, "analytics.speedup", "rollups faster by", rawMs / rollupMs, "×", {
    target: { op: ">=", value: 100 },
  });
  figures.add(
    section,
    "analytics.agree",
    "both give the same sessions and adverse events per concern (1 = yes)",
    same(raw, counted.result.rows) ? 1 : 0,
    "",
    {
      target: { op: "==", value: 1 },
    },
  );

  // A six-month range at one site: the month items of the range (one Query), against the sessions
  // of those months at that site, from the raw read above.
  const months = [...new Set(sessions.map((s) => s.month))].sort();
  const from = months[Math.max(0, Math.floor(months.length / 2) - 3)]!;
  const to = months[Math.min(months.length - 1, months.indexOf(from) + 5)]!;
  const site = g.sites[0]!;
  const filter = { from: `${from}-01`, to: `${to}-01`, siteId: toGlobalId("Site", site.id) };
  const rangeOnce = async (): Promise<{ ms: number; rows: Map<string, PerConcern> }> => {
    const res = await stack.gql(SUMMARY, { groupBy: "CONCERN", filter }, analyst);
    if (res.errors?.length)
      throw new Error(
        `outcomeSummary over a range answered ${String(res.errors[0]!.extensions?.code)}: ${res.errors[0]!.message}`,
      );
    const rows = new Map<string, PerConcern>();
    for (const r of (res.data?.outcomeSummary as { rows: (PerConcern & { key: string })[] }).rows)
      if (r.sessions > 0) rows.set(r.key, { sessions: r.sessions, adverseEvents: r.adverseEvents });
    return { ms: res.ms, rows };
  };
  const rangeSection = `Outcome summary over a range of months at one site (${from} to ${to}, ${site.name})`;
  // (An API without outcomeSummary has no range to ask for.)
  if (!viaApi) return;
  prog.step("summary over a range of months from the rollups");
  await rangeOnce();
  const rangeCounted = await stack.count(rangeOnce);
  const rangeTimes: number[] = [];
  for (let i = 0; i < opts.runs; i++) rangeTimes.push((await rangeOnce()).ms);
  const rangeMs = median(rangeTimes);
  const rawRange = perConcern(sessions, (s) => s.siteId === site.id && s.month >= from && s.month <= to);
  figures.add(rangeSection, "analytics.range.ms", `from rollups (median of ${opts.runs})`, rangeMs, "ms", {
    note: "outcomeSummary(groupBy: CONCERN, filter: { from, to, siteId }) over HTTP: one Query of the CONCERN month items of the range",
  });
  figures.add(rangeSection, "analytics.range.requests", "from rollups: requests", rangeCounted.total, "", {
    note: "including the caller's user check",
  });
  figures.add(
    rangeSection,
    "analytics.range.speedup",
    "rollups faster than the recomputation by",
    rawMs / rangeMs,
    "×",
    {
      target: { op: ">=", value: 100 },
    },
  );
  figures.add(
    rangeSection,
    "analytics.range.agree",
    "both give the same sessions and adverse events per concern for the range at the site (1 = yes)",
    same(rawRange, rangeCounted.result.rows) && rawRange.size > 0 ? 1 : 0,
    "",
    { target: { op: "==", value: 1 } },
  );
}
