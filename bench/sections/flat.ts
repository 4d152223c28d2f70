import type { GraphQLSchema } from "graphql";
import { median, type Figures } from "../figures";
import { generatedPatient, sessionsFor, writeItems } from "../generate";
import { SCREENS, type ScreenContext } from "../screens";
import { principalOf, type BenchStack } from "../stack";
import { groupItem, siteItem, userItem, type User } from "../../packages/store/src/groups";
import { patientItem } from "../../packages/store/src/patients";
import { resolveScreen, visit } from "./requests";

/**
 * The patient page for a patient with 5 sessions and for one with 200, side by side: requests per
 * visit and round-trip time (median of alternating visits). Flat means the page reads a page of the
 * timeline, not the whole history.
 */
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
  const groupId = "flat";
  const siteId = "site-1";
  const practitioner: User = {
    id: "u-flat",
    groupId,
    email: "flat@bench.example",
    name: "Flat Bench",
    role: "PRACTITIONER",
    siteIds: [siteId],
    active: true,
    version: 1,
  };
  let seed = 1;
  const r = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const patients = [opts.small, opts.large].map((n) => generatedPatient(groupId, siteId, `flat-${n}`, r));
  onStep(`writing two patients with ${opts.small} and ${opts.large} sessions`);
  const items = [
    groupItem({ id: groupId, name: "Flat Bench Clinic", createdAt: "2025-01-01T00:00:00.000Z" }),
    siteItem({ id: siteId, groupId, name: "Bench Site", archived: false, version: 1 }),
    userItem(practitioner),
    ...patients.flatMap((p, i) => [patientItem(p), ...sessionsFor(p, i === 0 ? opts.small : opts.large, [practitioner], r)]),
  ];
  await writeItems(stack.tooling, items);

  const page = SCREENS.find((s) => s.id === "patientPage")!;
  const as = principalOf(practitioner);
  const resolved = await Promise.all(
    patients.map((p) => resolveScreen(page, schema, { ...ctx, users: { ...ctx.users, ava: as }, ids: { ...ctx.ids, site: siteId, patient: p.id } })),
  );
  const [small, large] = resolved;
  if (!small || !large || "skip" in small || "skip" in large) {
    skipped.flat = (small && "skip" in small && small.skip) || (large && "skip" in large && large.skip) || "the patient page cannot be sent";
    return;
  }
  const note = `operations: ${small.map((o) => o.name).join(" + ")}`;
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
  const [ms5, ms200] = [median(times[0]), median(times[1])];
  figures.add(section, "flat.requests.small", `requests, ${opts.small} sessions`, counts[0]!, "", { note });
  figures.add(section, "flat.requests.large", `requests, ${opts.large} sessions`, counts[1]!, "");
  figures.add(section, "flat.requests.ratio", `requests ${opts.large} / ${opts.small}`, counts[1]! / counts[0]!, "×", {
    target: { op: "<=", value: 1.2 },
  });
  figures.add(section, "flat.ms.small", `time, ${opts.small} sessions (median of ${opts.visits})`, ms5, "ms", { note });
  figures.add(section, "flat.ms.large", `time, ${opts.large} sessions (median of ${opts.visits})`, ms200, "ms");
  figures.add(section, "flat.ms.ratio", `time ${opts.large} / ${opts.small}`, ms200 / ms5, "×", { target: { op: "<=", value: 1.2 } });
}
