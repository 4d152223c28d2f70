import { createHash } from "node:crypto";
import {
  Kpi,
  Schedule,
  type AdverseEvent,
  type Device,
  type FitzpatrickType,
  type Improvement,
  type Indication,
  type ScaleId,
  type Zone,
} from "@needlework/core";
import { Keys } from "../keys";
import type { Tx } from "../tx";

/**
 * Analytics rollups: sharded counters written in the same transaction as what they count, so an
 * outcome summary is one Query (or a BatchGetItem) whatever the volume. Layout, and which month a
 * counter goes to: docs/STORAGE.md "Rollups".
 *
 * What is counted comes in UNITS: a treatment session (sessions and adverse events, under the
 * session's own values, in the month it was performed) and a course (one outcome record: a patient's
 * concern; its improvement per scale under the course's values, in the month the course started).
 * A unit adds its counters to one item per value it has per dimension, twice: the all-time bucket
 * and its month's bucket. Each item also keeps the unit's counters per value of the PREFIX
 * dimensions (concern, site, device, depth band) the unit has, so a summary grouped by one dimension
 * can be filtered by one of those. A write takes the unit as it was back and adds the unit as it is
 * now (`RollupDeltas`): counters move by `ADD` only, merged into one update per item.
 */
export const ROLLUP_SHARDS = 8;

export const ROLLUP_DIMENSIONS = [
  "CONCERN",
  "DEPTH_BAND",
  "SERUM",
  "DEVICE",
  "FITZPATRICK",
  "SITE",
  "PRACTITIONER",
] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

export interface RollupRef {
  dimension: RollupDimension;
  value: string;
}

/** The all-time bucket; months are `YYYY-MM`. */
export const ALL_TIME = "ALL";

/**
 * Dimensions every item also counts by (besides its own): what a summary can be filtered by. They
 * are the ones whose values a unit has few of and keeps (a concern and a site per course; at most 3
 * devices and 5 depth bands), so an item's update stays small; a serum or a Fitzpatrick type
 * narrows only its own dimension's summary.
 */
export const PREFIX_DIMENSIONS = ["CONCERN", "SITE", "DEVICE", "DEPTH_BAND"] as const;
export type PrefixDimension = (typeof PREFIX_DIMENSIONS)[number];

/**
 * Pairs kept by the DEPTH_BAND items only, for the concern × depth band matrix filtered by site or
 * by device (the matrix is the DEPTH_BAND items' counters per concern).
 */
export const MATRIX_PAIRS = [
  ["CONCERN", "SITE"],
  ["CONCERN", "DEVICE"],
] as const satisfies readonly (readonly [PrefixDimension, PrefixDimension])[];

const PREFIX_CODE: Record<PrefixDimension, string> = {
  CONCERN: "C",
  SITE: "L",
  DEVICE: "D",
  DEPTH_BAND: "B",
};

/** The value of the combined CONCERN × DEPTH_BAND cell (labels, tests). */
export const concernDepthValue = (indication: string, band: string): string => `${indication}|${band}`;

/** The shard a patient's counters go to: stable for the patient, spread across patients. */
export function shardOf(id: string): number {
  return createHash("sha256").update(id).digest().readUInt32BE(0) % ROLLUP_SHARDS;
}

/** Short scale codes keep attribute names (and so items and update expressions) small. */
const SCALE_CODE: Record<ScaleId, string> = {
  GOODMAN_BARON_QUALITATIVE: "GBL",
  GOODMAN_BARON_QUANTITATIVE: "GBN",
  GAIS: "GAIS",
  MMASI: "MMASI",
  HAIR_COUNT: "HAIR",
  LEMPERLE: "LEMP",
  SATISFACTION: "SAT",
};

/** Counter attribute names. Improvement is kept per scale: points on different scales never mix. */
export const RollupAttr = {
  sessions: "s",
  adverseEvents: "e",
  adverseEventsRecorded: "r",
  improvementSum: (scale: ScaleId) => `${SCALE_CODE[scale]}.t`,
  improvementCount: (scale: ScaleId) => `${SCALE_CODE[scale]}.n`,
  improvementPercentSum: (scale: ScaleId) => `${SCALE_CODE[scale]}.p`,
  improvementPercentCount: (scale: ScaleId) => `${SCALE_CODE[scale]}.q`,
  improvedCount: (scale: ScaleId) => `${SCALE_CODE[scale]}.i`,
};

/** A filter as the items know it: one prefix value, or a matrix pair (DEPTH_BAND items). */
export type PrefixFilter =
  | { dimension: PrefixDimension; value: string }
  | { pair: readonly [PrefixDimension, PrefixDimension]; values: readonly [string, string] };

/** The attribute name prefix of a filter ("" = the item's own counters). */
export function prefixOf(f: PrefixFilter | null | undefined): string {
  if (!f) return "";
  if ("dimension" in f) return `${PREFIX_CODE[f.dimension]}=${f.value}/`;
  return `${PREFIX_CODE[f.pair[0]]}${PREFIX_CODE[f.pair[1]]}=${f.values[0]}|${f.values[1]}/`;
}

/** The counter `name` under a filter's prefix. */
export const prefixed = (f: PrefixFilter | null | undefined, name: string): string => `${prefixOf(f)}${name}`;

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** What is counted together: values per dimension, a month, a shard, counters. */
export interface RollupUnit {
  refs: readonly RollupRef[];
  /** `YYYY-MM`. */
  month: string;
  shard: number;
  counters: Readonly<Record<string, number>>;
}

const valuesOf = (refs: readonly RollupRef[], d: RollupDimension): string[] =>
  uniq(refs.filter((r) => r.dimension === d).map((r) => r.value));

/** The prefixes an item of dimension `d` keeps for a unit with these refs. */
function prefixesFor(d: RollupDimension, refs: readonly RollupRef[]): PrefixFilter[] {
  const out: PrefixFilter[] = [];
  for (const p of PREFIX_DIMENSIONS) {
    if (p === d) continue;
    for (const value of valuesOf(refs, p)) out.push({ dimension: p, value });
  }
  if (d === "DEPTH_BAND")
    for (const pair of MATRIX_PAIRS)
      for (const a of valuesOf(refs, pair[0]))
        for (const b of valuesOf(refs, pair[1])) out.push({ pair, values: [a, b] });
  return out;
}

function refs(dimension: RollupDimension, values: readonly (string | null | undefined)[]): RollupRef[] {
  return uniq(values.filter((v): v is string => !!v)).map((value) => ({ dimension, value }));
}

/** Keeps the dimensions counted today (older stored refs may name others). */
export const knownRefs = (rs: readonly { dimension: string; value: string }[]): RollupRef[] =>
  rs.filter((r): r is RollupRef => (ROLLUP_DIMENSIONS as readonly string[]).includes(r.dimension));

// ---- Sessions --------------------------------------------------------------------------------------

/** What a session is counted under: one ref per distinct value of each dimension. */
export interface SessionFacts {
  indications: readonly Indication[];
  zones: readonly { zone: Zone; depthMm: number }[];
  serumIds: readonly string[];
  device: Device;
  fitzpatrick?: FitzpatrickType | null | undefined;
  siteId: string;
  practitionerId: string;
}

export function sessionRefs(s: SessionFacts): RollupRef[] {
  return [
    ...refs("CONCERN", s.indications),
    ...refs(
      "DEPTH_BAND",
      s.zones.map((z) => Schedule.depthBand(z.depthMm)),
    ),
    ...refs("SERUM", s.serumIds),
    ...refs("DEVICE", [s.device]),
    ...refs("FITZPATRICK", [s.fitzpatrick]),
    ...refs("SITE", [s.siteId]),
    ...refs("PRACTITIONER", [s.practitionerId]),
  ];
}

/** The adverse-event counters of events: every event is recorded; the KPI counts core's way. */
export function adverseEventCounts(
  events: readonly Pick<AdverseEvent, "type" | "onsetOn" | "durationDays">[],
): {
  adverseEvents: number;
  adverseEventsRecorded: number;
} {
  return {
    adverseEvents: events.filter((e) => Kpi.countsAsAdverseEvent(e)).length,
    adverseEventsRecorded: events.length,
  };
}

/**
 * A session as a unit: `sessions` 1 and its adverse events, under its refs, in the month it was
 * performed, on its stored shard. `fitzpatrick` (the patient's current type, clinical/patient-facts.ts)
 * replaces the FITZPATRICK ref stored on the session.
 */
export function sessionUnit(
  s: {
    performedOn: string;
    rollup: { shard: number; refs: readonly { dimension: string; value: string }[] };
    adverseEvents: readonly Pick<AdverseEvent, "type" | "onsetOn" | "durationDays">[];
  },
  fitzpatrick: FitzpatrickType | null | undefined,
): RollupUnit {
  const rest = knownRefs(s.rollup.refs).filter((r) => r.dimension !== "FITZPATRICK");
  const ae = adverseEventCounts(s.adverseEvents);
  return {
    refs: fitzpatrick ? [...rest, { dimension: "FITZPATRICK", value: fitzpatrick }] : rest,
    month: s.performedOn.slice(0, 7),
    shard: s.rollup.shard,
    counters: {
      [RollupAttr.sessions]: 1,
      [RollupAttr.adverseEvents]: ae.adverseEvents,
      [RollupAttr.adverseEventsRecorded]: ae.adverseEventsRecorded,
    },
  };
}

// ---- Courses (outcome records) ---------------------------------------------------------------------

/** The improvement counters of one scale's outcome. */
export function improvementCounters(
  scale: ScaleId,
  imp: Pick<Improvement, "absolute" | "percent" | "improved">,
  sign: 1 | -1,
): Record<string, number> {
  const out: Record<string, number> = {
    [RollupAttr.improvementSum(scale)]: sign * imp.absolute,
    [RollupAttr.improvementCount(scale)]: sign,
    [RollupAttr.improvedCount(scale)]: imp.improved ? sign : 0,
  };
  if (imp.percent !== null) {
    out[RollupAttr.improvementPercentSum(scale)] = sign * imp.percent;
    out[RollupAttr.improvementPercentCount(scale)] = sign;
  }
  return out;
}

/** What a course unit needs from an outcome record (analytics/outcomes.ts). */
export interface CourseFacts {
  indication: Indication;
  siteId: string;
  fitzpatrick: FitzpatrickType | null;
  startMonth: string;
  depthBands: readonly string[];
  devices: readonly Device[];
  serumIds: readonly string[];
  practitionerIds: readonly string[];
  shard: number;
  /** Each scale's outcome; only those with a follow-up score count. */
  outcomes: readonly {
    scale: ScaleId;
    improvement: number | null;
    improvementPercent: number | null;
    improved: boolean | null;
  }[];
}

/**
 * A course as a unit: the improvement of each scale with a follow-up score, under the course's
 * values (its concern, the patient's site and Fitzpatrick type, and the depth bands, serums, devices
 * and practitioners of its sessions), in the month the course started. Null when nothing is measured.
 */
export function courseUnit(c: CourseFacts): RollupUnit | null {
  const counters: Record<string, number> = {};
  for (const o of c.outcomes) {
    if (o.improvement === null) continue;
    const add = improvementCounters(
      o.scale,
      { absolute: o.improvement, percent: o.improvementPercent, improved: o.improved === true },
      1,
    );
    for (const [k, n] of Object.entries(add)) counters[k] = (counters[k] ?? 0) + n;
  }
  if (Object.keys(counters).length === 0) return null;
  return {
    refs: [
      ...refs("CONCERN", [c.indication]),
      ...refs("DEPTH_BAND", c.depthBands),
      ...refs("SERUM", c.serumIds),
      ...refs("DEVICE", c.devices),
      ...refs("FITZPATRICK", [c.fitzpatrick]),
      ...refs("SITE", [c.siteId]),
      ...refs("PRACTITIONER", c.practitionerIds),
    ],
    month: c.startMonth,
    shard: c.shard,
    counters,
  };
}

// ---- Writing ---------------------------------------------------------------------------------------

/** One rollup item: a dimension's value in a bucket (all-time or a month) on a shard. */
export interface RollupItemId {
  dimension: RollupDimension;
  value: string;
  bucket: string;
  shard: number;
}

export interface ExportedDelta extends RollupItemId {
  counters: Record<string, number>;
}

const itemKey = (i: RollupItemId): string => `${i.dimension}#${i.bucket}#${i.value}#${i.shard}`;

/** DynamoDB's limit on an expression's length. */
const MAX_EXPRESSION = 4096;

/** Counters are decimal in DynamoDB; keep JavaScript's binary float noise out of them. */
const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * Collects counter deltas for one transaction and writes one UpdateItem per item: a transaction may
 * not touch an item twice, so everything a write takes back and adds (a session, the courses it
 * changes) is merged into one net ADD per item, and items whose net change is zero are left alone.
 */
export class RollupDeltas {
  private readonly byItem = new Map<string, ExportedDelta>();

  /** Adds (sign 1) or takes back (sign -1) a unit; null adds nothing. */
  addUnit(unit: RollupUnit | null | undefined, sign: 1 | -1 = 1): this {
    if (!unit) return this;
    const counters = Object.entries(unit.counters).filter(([, n]) => n !== 0);
    if (counters.length === 0) return this;
    for (const ref of unit.refs) {
      const names: [string, number][] = [];
      for (const p of [null, ...prefixesFor(ref.dimension, unit.refs)])
        for (const [name, n] of counters) names.push([prefixed(p, name), sign * n]);
      for (const bucket of [ALL_TIME, unit.month]) {
        const id = { dimension: ref.dimension, value: ref.value, bucket, shard: unit.shard };
        const k = itemKey(id);
        const entry = this.byItem.get(k) ?? { ...id, counters: {} };
        this.byItem.set(k, entry);
        for (const [name, n] of names) entry.counters[name] = (entry.counters[name] ?? 0) + n;
      }
    }
    return this;
  }

  /** Takes `before` back and adds `after`: the net change of a unit. */
  change(before: RollupUnit | null | undefined, after: RollupUnit | null | undefined): this {
    return this.addUnit(before, -1).addUnit(after, 1);
  }

  /** Adds another collection's deltas. */
  merge(other: RollupDeltas): this {
    for (const e of other.exported()) {
      const k = itemKey(e);
      const entry = this.byItem.get(k) ?? { ...e, counters: {} };
      this.byItem.set(k, entry);
      for (const [name, n] of Object.entries(e.counters))
        entry.counters[name] = (entry.counters[name] ?? 0) + n;
    }
    return this;
  }

  /** Items that will be written (net zero deltas are dropped). */
  get size(): number {
    return this.exported().length;
  }

  /** The net deltas per item, zero counters dropped. */
  exported(): ExportedDelta[] {
    return [...this.byItem.values()]
      .map((e) => ({
        ...e,
        counters: Object.fromEntries(Object.entries(e.counters).filter(([, n]) => round(n) !== 0)),
      }))
      .filter((e) => Object.keys(e.counters).length > 0);
  }

  writeTo(tx: Tx, groupId: string): void {
    for (const e of this.exported()) {
      // type, value and shard are DynamoDB reserved words. Placeholders stay short (an expression may
      // be 4 KB): upper case for the item's identity, base 36 for the counters.
      const names: Record<string, string> = {
        "#T": "type",
        "#D": "dimension",
        "#V": "value",
        "#B": "bucket",
        "#S": "shard",
      };
      const values: Record<string, unknown> = {
        ":T": "Rollup",
        ":G": groupId,
        ":D": e.dimension,
        ":V": e.value,
        ":B": e.bucket,
        ":S": e.shard,
      };
      const valueOf = new Map<number, string>();
      const adds: string[] = [];
      Object.entries(e.counters).forEach(([name, n], i) => {
        const v = round(n);
        let placeholder = valueOf.get(v);
        if (!placeholder) {
          placeholder = `:${valueOf.size.toString(36)}`;
          valueOf.set(v, placeholder);
          values[placeholder] = v;
        }
        names[`#${i.toString(36)}`] = name;
        adds.push(`#${i.toString(36)} ${placeholder}`);
      });
      const update = `SET #T = :T, groupId = :G, #D = :D, #V = :V, #B = :B, #S = :S ADD ${adds.join(", ")}`;
      if (update.length > MAX_EXPRESSION)
        throw new Error(
          `rollup update of ${e.dimension} ${e.value} is ${update.length} characters (DynamoDB: 4 KB)`,
        );
      tx.update(Keys.rollupItem(groupId, e.dimension, e.bucket, e.value, e.shard), { update, names, values });
    }
  }
}

/** The rollup item as built by hand (the demo seed and rebuilds write these directly). */
export function rollupItem(groupId: string, e: ExportedDelta): Record<string, unknown> {
  return {
    ...Keys.rollupItem(groupId, e.dimension, e.bucket, e.value, e.shard),
    type: "Rollup",
    groupId,
    dimension: e.dimension,
    value: e.value,
    bucket: e.bucket,
    shard: e.shard,
    ...Object.fromEntries(Object.entries(e.counters).map(([k, v]) => [k, round(v)])),
  };
}

/** Folds units into rollup items in memory: the same merge as the transactions (seed, rebuild). */
export function rollupItemsOf(
  groupId: string,
  units: readonly (RollupUnit | null)[],
): Record<string, unknown>[] {
  const d = new RollupDeltas();
  for (const u of units) d.addUnit(u);
  return d.exported().map((e) => rollupItem(groupId, e));
}

/** The counters of a stored rollup item (everything that is not an identity attribute). */
export function countersOf(item: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(item)) {
    if (typeof v !== "number" || IDENTITY.has(k)) continue;
    out[k] = v;
  }
  return out;
}
const IDENTITY = new Set(["shard", "version"]);
