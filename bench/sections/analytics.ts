import { BatchGetCommand, QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { GraphQLSchema } from "graphql";
import { Concerns, Kpi } from "@needlework/core";
import { Keys, type Db } from "@needlework/store";
import { ROLLUP_SHARDS } from "../../packages/store/src/clinical/rollups";
import { median, type Figures } from "../figures";
import { generate, type GeneratedGroup } from "../generate";
import type { Progress } from "../progress";
import { principalOf, type BenchStack } from "../stack";
import { hasField } from "./requests";

/**
 * The outcome summary by concern over N generated sessions, two ways, on the same data:
 * - from the rollups: the API's outcomeSummary query when the schema has it (else a BatchGetItem of
 *   the rollup shard items, labelled so), timed warm, median of several;
 * - recomputed from the raw records: every session of the group, read from the patients' item
 *   collections, summed per concern in this process.
 * Both answers are compared, so the speed-up is between two ways of getting the same numbers.
 */
interface PerConcern {
  sessions: number;
  adverseEvents: number;
}

const SUMMARY = `query($groupBy: OutcomeDimension!) { outcomeSummary(groupBy: $groupBy) { rows { key sessions adverseEvents adverseEventsPer100Sessions } } }`;

async function fromRollupsDirect(db: Db, groupId: string): Promise<Map<string, PerConcern>> {
  const keys = Concerns.INDICATIONS.flatMap((i) =>
    Array.from({ length: ROLLUP_SHARDS }, (_, n) => Keys.rollup(groupId, "CONCERN", i, n)),
  );
  const out = new Map<string, PerConcern>();
  for (let i = 0; i < keys.length; i += 100) {
    const res = await db.doc.send(
      new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: keys.slice(i, i + 100) } } }),
    );
    for (const it of res.Responses?.[db.tableName] ?? []) {
      const row = out.get(String(it.value)) ?? { sessions: 0, adverseEvents: 0 };
      row.sessions += Number(it.sessions ?? 0);
      row.adverseEvents += Number(it.adverseEvents ?? 0);
      out.set(String(it.value), row);
    }
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
async function recompute(
  db: Db,
  g: GeneratedGroup,
  prog: Progress,
  total: number,
): Promise<Map<string, PerConcern>> {
  const out = new Map<string, PerConcern>();
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
        const counted = events.filter((e) => Kpi.countsAsAdverseEvent(e)).length;
        for (const indication of new Set((s.indications as string[] | undefined) ?? [])) {
          const row = out.get(indication) ?? { sessions: 0, adverseEvents: 0 };
          row.sessions += 1;
          row.adverseEvents += counted;
          out.set(indication, row);
        }
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
  const raw = await recompute(stack.tooling, g, prog, total);
  const rawMs = performance.now() - t0;
  const rawRequests = stack.tooling.counter.total - before;

  const measured = viaApi
    ? "the API's outcomeSummary(groupBy: CONCERN) over HTTP, as the group's analyst"
    : "a BatchGetItem of the CONCERN rollup shard items (the API has no outcomeSummary yet)";
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
}
