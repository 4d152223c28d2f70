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
 * Analytics rollups: sharded counters written in the same transaction as the session or assessment
 * they count, so an outcome summary is a handful of GetItems whatever the volume, and one busy group
 * spreads its writes over SHARDS items per dimension value. Layout: docs/STORAGE.md "Rollups".
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
  "CONCERN_DEPTH_BAND",
] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

export interface RollupRef {
  dimension: RollupDimension;
  value: string;
}

/** The value of the combined CONCERN × DEPTH_BAND dimension. */
export const concernDepthValue = (indication: string, band: string): string => `${indication}|${band}`;

/** The shard a record's counters go to: stable for the record, spread across records. */
export function shardOf(recordId: string): number {
  return createHash("sha256").update(recordId).digest().readUInt32BE(0) % ROLLUP_SHARDS;
}

/** Counter attribute names. Improvement is kept per scale: points on different scales never mix. */
export const RollupAttr = {
  sessions: "sessions",
  adverseEvents: "adverseEvents",
  adverseEventsRecorded: "adverseEventsRecorded",
  improvementSum: (scale: ScaleId) => `improvementSum_${scale}`,
  improvementCount: (scale: ScaleId) => `improvementCount_${scale}`,
  improvementPercentSum: (scale: ScaleId) => `improvementPercentSum_${scale}`,
  improvementPercentCount: (scale: ScaleId) => `improvementPercentCount_${scale}`,
  improvedCount: (scale: ScaleId) => `improvedCount_${scale}`,
};

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

function refs(dimension: RollupDimension, values: readonly (string | null | undefined)[]): RollupRef[] {
  return uniq(values.filter((v): v is string => !!v)).map((value) => ({ dimension, value }));
}

function crossConcernDepth(indications: readonly string[], bands: readonly string[]): RollupRef[] {
  return uniq(indications).flatMap((i) =>
    uniq(bands).map((b) => ({ dimension: "CONCERN_DEPTH_BAND" as const, value: concernDepthValue(i, b) })),
  );
}

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
  const bands = s.zones.map((z) => Schedule.depthBand(z.depthMm));
  return [
    ...refs("CONCERN", s.indications),
    ...refs("DEPTH_BAND", bands),
    ...refs("SERUM", s.serumIds),
    ...refs("DEVICE", [s.device]),
    ...refs("FITZPATRICK", [s.fitzpatrick]),
    ...refs("SITE", [s.siteId]),
    ...refs("PRACTITIONER", [s.practitionerId]),
    ...crossConcernDepth(s.indications, bands),
  ];
}

/** A session as far as the outcome of one concern is concerned. */
export interface TreatmentFacts {
  zones: readonly { zone: Zone; depthMm: number }[];
  serums: readonly { serumId: string; zone: Zone }[];
  device: Device;
  practitionerId: string;
}

/**
 * What a concern's outcome is counted under: its indication, the patient's Fitzpatrick type and site,
 * and what was done for it so far (sessions of plans that include the concern). Depth bands and serums
 * come from the zones matching the concern's body area when any were treated, otherwise from every
 * zone of those sessions.
 */
export function outcomeRefs(o: {
  indication: Indication;
  bodyArea: Zone;
  fitzpatrick?: FitzpatrickType | null | undefined;
  siteId: string;
  treatments: readonly TreatmentFacts[];
}): RollupRef[] {
  const inArea = o.treatments.some((t) => t.zones.some((z) => z.zone === o.bodyArea));
  const zoneOk = (zone: Zone): boolean => !inArea || zone === o.bodyArea;
  const bands = o.treatments.flatMap((t) =>
    t.zones.filter((z) => zoneOk(z.zone)).map((z) => Schedule.depthBand(z.depthMm)),
  );
  const serums = o.treatments.flatMap((t) => t.serums.filter((s) => zoneOk(s.zone)).map((s) => s.serumId));
  return [
    ...refs("CONCERN", [o.indication]),
    ...refs("DEPTH_BAND", bands),
    ...refs("SERUM", serums),
    ...refs(
      "DEVICE",
      o.treatments.map((t) => t.device),
    ),
    ...refs("FITZPATRICK", [o.fitzpatrick]),
    ...refs("SITE", [o.siteId]),
    ...refs(
      "PRACTITIONER",
      o.treatments.map((t) => t.practitionerId),
    ),
    ...crossConcernDepth([o.indication], bands),
  ];
}

/** The adverse-event counters one event adds: every event is recorded; the KPI counts core's way. */
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

/** One concern's contribution to the improvement counters, kept so it can be taken back later. */
export interface Contribution {
  scale: ScaleId;
  assessmentId: string;
  on: string;
  absolute: number;
  percent: number | null;
  improved: boolean;
  shard: number;
  refs: RollupRef[];
}

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

/**
 * Collects counter deltas for one transaction and writes one UpdateItem per shard item: a
 * transaction may not touch an item twice, so taking back an old contribution and adding the new one
 * to the same item are merged into one net ADD.
 */
export class RollupDeltas {
  private readonly byKey = new Map<
    string,
    { ref: RollupRef; shard: number; counters: Record<string, number> }
  >();

  add(refs: readonly RollupRef[], shard: number, counters: Record<string, number>): this {
    for (const ref of refs) {
      const id = `${ref.dimension}#${ref.value}#${shard}`;
      let entry = this.byKey.get(id);
      if (!entry) {
        entry = { ref, shard, counters: {} };
        this.byKey.set(id, entry);
      }
      for (const [name, n] of Object.entries(counters))
        entry.counters[name] = (entry.counters[name] ?? 0) + n;
    }
    return this;
  }

  /** Items that will be written (net zero deltas are dropped). */
  get size(): number {
    return this.exported().length;
  }

  /** The net deltas per shard item, zero counters dropped. */
  exported(): ExportedDelta[] {
    return [...this.byKey.values()]
      .map((e) => ({
        ...e,
        counters: Object.fromEntries(Object.entries(e.counters).filter(([, n]) => round(n) !== 0)),
      }))
      .filter((e) => Object.keys(e.counters).length > 0);
  }

  writeTo(tx: Tx, groupId: string): void {
    for (const e of this.exported()) {
      // type, value and shard are DynamoDB reserved words.
      const names: Record<string, string> = {
        "#type": "type",
        "#dimension": "dimension",
        "#value": "value",
        "#shard": "shard",
      };
      const values: Record<string, unknown> = {
        ":type": "RollupShard",
        ":group": groupId,
        ":dimension": e.ref.dimension,
        ":value": e.ref.value,
        ":shard": e.shard,
      };
      const adds: string[] = [];
      Object.entries(e.counters).forEach(([name, n], i) => {
        names[`#c${i}`] = name;
        values[`:c${i}`] = round(n);
        adds.push(`#c${i} :c${i}`);
      });
      tx.update(Keys.rollup(groupId, e.ref.dimension, e.ref.value, e.shard), {
        update: `SET #type = :type, groupId = :group, #dimension = :dimension, #value = :value, #shard = :shard ADD ${adds.join(", ")}`,
        names,
        values,
      });
    }
  }
}

/** Counters are decimal in DynamoDB; keep JavaScript's binary float noise out of them. */
const round = (n: number): number => Math.round(n * 1e6) / 1e6;

export interface ExportedDelta {
  ref: RollupRef;
  shard: number;
  counters: Record<string, number>;
}

/** The rollup shard item as built by hand (the seed writes these directly). */
export function rollupItem(
  groupId: string,
  ref: RollupRef,
  shard: number,
  counters: Record<string, number>,
): Record<string, unknown> {
  return {
    ...Keys.rollup(groupId, ref.dimension, ref.value, shard),
    type: "RollupShard",
    groupId,
    dimension: ref.dimension,
    value: ref.value,
    shard,
    ...Object.fromEntries(Object.entries(counters).map(([k, v]) => [k, round(v)])),
  };
}

/** Folds deltas into rollup items in memory (the demo seed uses the same merge as a transaction). */
export function foldDeltas(groupId: string, all: readonly RollupDeltas[]): Record<string, unknown>[] {
  const merged = new RollupDeltas();
  for (const d of all) for (const e of d.exported()) merged.add([e.ref], e.shard, e.counters);
  return merged.exported().map((e) => rollupItem(groupId, e.ref, e.shard, e.counters));
}
