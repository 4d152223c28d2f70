import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { GraphQLSchema } from "graphql";
import { parseGlobalId } from "@needlework/api";
import { Keys } from "@needlework/store";
import {
  lotTraceItem,
  sessionFromItem,
  sessionItem,
  type TreatmentSession,
} from "../../packages/store/src/sessions";
import { median, type Figures } from "../figures";
import { writeItems } from "../generate";
import { recordJourney } from "../journey";
import { SCREENS, type ScreenContext } from "../screens";
import type { BenchStack } from "../stack";
import { resolveScreen, visit } from "./requests";

/**
 * The patient page (the portal's query) for a patient with 5 sessions and for one with 200, side by
 * side: requests per visit and round-trip time (median of alternating visits). Flat means the page
 * reads one page of the timeline, not the whole history.
 */
/** The sessions of a patient's collection, as the store reads them. */
async function sessionsOf(
  stack: BenchStack,
  groupId: string,
  patientId: string,
): Promise<TreatmentSession[]> {
  const res = await stack.tooling.doc.send(
    new QueryCommand({
      TableName: stack.tableName,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :t)",
      ExpressionAttributeValues: { ":pk": Keys.patientPk(groupId, patientId), ":t": "T#" },
    }),
  );
  return (res.Items ?? []).filter((it) => it.type === "TreatmentSession").map(sessionFromItem);
}

/** `n` copies of a recorded session on earlier days, through the store's item builders. */
function copiesOf(s: TreatmentSession, n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, k) => {
    const day = new Date(Date.parse(`${s.performedOn}T00:00:00Z`) - (k + 1) * 7 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const copy: TreatmentSession = { ...s, id: `${s.id}x${String(k).padStart(4, "0")}`, performedOn: day };
    return [sessionItem(copy), ...copy.serums.map((a) => lotTraceItem(copy, a))];
  }).flat();
}

export async function measureFlat(
  stack: BenchStack,
  schema: GraphQLSchema,
  ctx: ScreenContext,
  figures: Figures,
  skipped: Record<string, string>,
  opts: { visits: number; small: number; large: number },
  onStep: (msg: string) => void,
): Promise<void> {
  const section = `Patient page: ${opts.small} vs ${opts.large} sessions`;
  const as = ctx.users.ava!;
  const siteId = ctx.ids.site;
  // Two new patients, each with a consultation, a plan and one session recorded through the API;
  // then the session copied (store builders) to 5 and to 200 sessions.
  const patients: string[] = [];
  for (const n of [opts.small, opts.large]) {
    onStep(`a patient with ${n} sessions`);
    const created = await stack.gql(
      `mutation($input: PatientInput!) { createPatient(input: $input) { patient { id } } }`,
      {
        input: {
          siteId: ctx.ids.globalId("Site", siteId),
          givenName: "Flat",
          familyName: `Sessions${n}`,
          dateOfBirth: "1985-03-03",
        },
      },
      as,
    );
    const id = (created.data?.createPatient as { patient: { id: string } } | undefined)?.patient.id;
    if (!id) throw new Error(`createPatient failed: ${JSON.stringify(created.errors)}`);
    await recordJourney(stack, {
      as,
      patientId: id,
      siteId: ctx.ids.globalId("Site", siteId),
      today: ctx.today,
      sessions: 1,
      assessments: false,
    });
    const localId = parseGlobalId(id)!.localId;
    const [recorded] = await sessionsOf(stack, as.groupId, localId);
    if (!recorded) throw new Error("the recorded session is not in the patient's collection");
    await writeItems(stack.tooling, copiesOf(recorded, n - 1));
    const count = (await sessionsOf(stack, as.groupId, localId)).length;
    if (count !== n) throw new Error(`expected ${n} sessions, the collection holds ${count}`);
    patients.push(localId);
  }

  const page = SCREENS.find((s) => s.id === "patientPage")!;
  const resolved = await Promise.all(
    patients.map((p) => resolveScreen(page, schema, { ...ctx, ids: { ...ctx.ids, patient: p } })),
  );
  const [small, large] = resolved;
  if (!small || !large || "skip" in small || "skip" in large) {
    skipped.flat =
      (small && "skip" in small && small.skip) ||
      (large && "skip" in large && large.skip) ||
      "the patient page cannot be sent";
    return;
  }
  const note = `operations: ${small.map((o) => o.name).join(" + ")}; sessions: one recorded through the API, the rest copies of it (store item builders)`;
  const counts: number[] = [];
  for (const ops of [small, large]) {
    await visit(stack, ops, as);
    counts.push((await stack.count(() => visit(stack, ops, as))).total);
  }
  onStep(`${opts.visits} visits each, alternating`);
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < 5; i++) for (const ops of [small, large]) await visit(stack, ops, as);
  for (let i = 0; i < opts.visits; i++) {
    times[0].push(await visit(stack, small, as));
    times[1].push(await visit(stack, large, as));
  }
  const [msSmall, msLarge] = [median(times[0]), median(times[1])];
  figures.add(section, "flat.requests.small", `requests, ${opts.small} sessions`, counts[0]!, "", { note });
  figures.add(section, "flat.requests.large", `requests, ${opts.large} sessions`, counts[1]!, "");
  figures.add(
    section,
    "flat.requests.ratio",
    `requests ${opts.large} / ${opts.small}`,
    counts[1]! / counts[0]!,
    "×",
    {
      target: { op: "<=", value: 1.2 },
    },
  );
  figures.add(
    section,
    "flat.ms.small",
    `time, ${opts.small} sessions (median of ${opts.visits})`,
    msSmall,
    "ms",
    { note },
  );
  figures.add(
    section,
    "flat.ms.large",
    `time, ${opts.large} sessions (median of ${opts.visits})`,
    msLarge,
    "ms",
  );
  figures.add(section, "flat.ms.ratio", `time ${opts.large} / ${opts.small}`, msLarge / msSmall, "×", {
    target: { op: "<=", value: 1.2 },
  });
}
