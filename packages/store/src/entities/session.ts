import {
  Concerns,
  Devices,
  PatientRules,
  Sessions,
  type AdverseEvent,
  type CartridgeInput,
  type ContraindicationFinding,
  type DepthDeviation,
  type Device,
  type FitzpatrickType,
  type Indication,
  type RfSettings,
  type ScreeningAnswers,
  type SessionZone,
  type Zone,
} from "@needlework/core";
import { z } from "zod";
import { Keys } from "../keys";
import type { Item } from "../clinical/read";
import { formatRef, parseRef, type RecordRef } from "../clinical/refs";
import type { RollupRef } from "../clinical/rollups";
import {
  findingSchema,
  recordedOverrideSchema,
  screeningAnswersSchema,
  type RecordedOverride,
} from "./consultation";
import {
  decodeItem,
  listOf,
  oneOf,
  optional,
  shaped,
  versioned,
  withoutKeys,
  type ItemSchema,
} from "./decode";
import { serumOverrideSchema, type SerumOverrideRecord } from "./plan";

/**
 * A treatment session (in the patient collection and the site's session list, gsi1) and its lot
 * traces (one item per serum applied, in the lot's own partition).
 */

export interface SerumApplication {
  serumId: string;
  serumName: string;
  lotNumber: string;
  lotExpiresOn: string;
  zone: Zone;
  /** Findings of the check when applied (sensitivities stay visible even when not blocking). */
  findings: ContraindicationFinding[];
  override?: SerumOverrideRecord | undefined;
}

export interface SessionRescreen {
  answers: ScreeningAnswers;
  /** The screen on the session day. */
  findings: ContraindicationFinding[];
  /** Codes new since the consultation, changed since, and gone since. */
  added: string[];
  changed: string[];
  resolved: string[];
  /** Consultation overrides still standing (their findings are unchanged). */
  carried: RecordedOverride[];
  /** Overrides given at this session. */
  overrides: RecordedOverride[];
}

export interface RecordedAdverseEvent extends AdverseEvent {
  id: string;
  recordedAt: string;
  recordedBy: string;
}

export interface TreatmentSession {
  id: string;
  groupId: string;
  patientId: string;
  siteId: string;
  /** `<patientId>|<startDate>|<planId>`. */
  planRef: string;
  consultationRef: string;
  concernIds: string[];
  indications: Indication[];
  practitionerId: string;
  practitionerName: string;
  performedOn: string;
  device: Device;
  cartridge?: CartridgeInput | undefined;
  rf?: RfSettings | undefined;
  zones: SessionZone[];
  depthDeviationReason?: string | undefined;
  deviations: DepthDeviation[];
  serums: SerumApplication[];
  numbing?: { agent: string; minutes: number } | undefined;
  immediateReactions?: string | undefined;
  aftercare: { given: boolean; lines: string[] };
  adverseEvents: RecordedAdverseEvent[];
  rescreen: SessionRescreen;
  notes?: string | undefined;
  /** The patient's Fitzpatrick type on the day (a rollup dimension). */
  fitzpatrick?: FitzpatrickType | undefined;
  /** Where this session's counters went, so a later adverse event lands on the same items. */
  rollup: { shard: number; refs: RollupRef[] };
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export const sessionRef = (s: Pick<TreatmentSession, "patientId" | "performedOn" | "id">): RecordRef => ({
  patientId: s.patientId,
  date: s.performedOn,
  id: s.id,
});

export const sessionKey = (groupId: string, ref: RecordRef) =>
  Keys.session(groupId, ref.patientId, ref.date, ref.id);

const zoneSchema = oneOf(Concerns.ZONES);

const serumApplicationSchema: ItemSchema<SerumApplication> = z
  .object({
    serumId: z.string(),
    serumName: z.string(),
    lotNumber: z.string(),
    lotExpiresOn: z.string(),
    zone: zoneSchema,
    findings: listOf(findingSchema),
    override: optional(serumOverrideSchema),
  })
  .passthrough();

const adverseEventSchema: ItemSchema<RecordedAdverseEvent> = z
  .object({
    id: z.string(),
    type: oneOf(Sessions.ADVERSE_EVENT_TYPES),
    onsetOn: z.string(),
    durationDays: optional(z.number()),
    severity: oneOf(Sessions.SEVERITIES),
    serumId: optional(z.string()),
    lotNumber: optional(z.string()),
    notes: optional(z.string()),
    recordedAt: z.string(),
    recordedBy: z.string(),
  })
  .passthrough();

const sessionSchema: ItemSchema<TreatmentSession> = z
  .object({
    id: z.string(),
    groupId: z.string(),
    patientId: z.string(),
    siteId: z.string(),
    planRef: z.string(),
    consultationRef: z.string(),
    concernIds: listOf(z.string()),
    indications: listOf(oneOf(Concerns.INDICATIONS)),
    practitionerId: z.string(),
    practitionerName: z.string(),
    performedOn: z.string(),
    device: oneOf(Devices.DEVICES),
    cartridge: optional(z.object({ needleCount: z.number(), lotNumber: z.string() }).passthrough()),
    rf: optional(z.object({ energyLevel: z.number(), pulseDurationMs: z.number() }).passthrough()),
    zones: listOf(z.object({ zone: zoneSchema, depthMm: z.number(), passes: z.number() }).passthrough()),
    depthDeviationReason: optional(z.string()),
    deviations: listOf(shaped<DepthDeviation>("a depth deviation", ["zone", "depthMm", "reason"])),
    serums: listOf(serumApplicationSchema),
    numbing: optional(z.object({ agent: z.string(), minutes: z.number() }).passthrough()),
    immediateReactions: optional(z.string()),
    aftercare: z.object({ given: z.boolean(), lines: listOf(z.string()) }).passthrough(),
    adverseEvents: listOf(adverseEventSchema),
    rescreen: z
      .object({
        answers: screeningAnswersSchema,
        findings: listOf(findingSchema),
        added: listOf(z.string()),
        changed: listOf(z.string()),
        resolved: listOf(z.string()),
        carried: listOf(recordedOverrideSchema),
        overrides: listOf(recordedOverrideSchema),
      })
      .passthrough(),
    notes: optional(z.string()),
    fitzpatrick: optional(oneOf(PatientRules.FITZPATRICK_TYPES)),
    rollup: z
      .object({
        shard: z.number().int(),
        refs: listOf(shaped<RollupRef>("a rollup ref", ["dimension", "value"])),
      })
      .passthrough(),
    ...versioned,
  })
  .passthrough();

export function sessionFromItem(item: Item): TreatmentSession {
  return decodeItem("TreatmentSession", sessionSchema, withoutKeys(item));
}

export function sessionItem(s: TreatmentSession): Item {
  return {
    ...Keys.session(s.groupId, s.patientId, s.performedOn, s.id),
    gsi1pk: Keys.siteSessionsGsi(s.groupId, s.siteId),
    gsi1sk: Keys.siteSessionsSort(s.performedOn, s.id),
    type: "TreatmentSession",
    ...s,
  };
}

/** Who received which lot: one item per serum applied, in the lot's own partition. */
export function lotTraceItem(s: TreatmentSession, a: SerumApplication): Item {
  return {
    pk: Keys.lotTracePk(s.groupId, a.serumId, a.lotNumber),
    sk: Keys.lotTraceSk(s.performedOn, s.id, a.zone),
    type: "LotTrace",
    groupId: s.groupId,
    serumId: a.serumId,
    serumName: a.serumName,
    lotNumber: a.lotNumber,
    zone: a.zone,
    patientId: s.patientId,
    siteId: s.siteId,
    sessionId: s.id,
    sessionRef: formatRef(sessionRef(s)),
    performedOn: s.performedOn,
    practitionerId: s.practitionerId,
  };
}

export interface LotTrace {
  serumId: string;
  serumName: string;
  lotNumber: string;
  zone: Zone;
  patientId: string;
  siteId: string;
  sessionRef: RecordRef;
  performedOn: string;
}

const lotTraceSchema: ItemSchema<LotTrace> = z.object({
  serumId: z.string(),
  serumName: z.string(),
  lotNumber: z.string(),
  zone: zoneSchema,
  patientId: z.string(),
  siteId: z.string(),
  sessionRef: z.string().transform((ref, ctx) => {
    const parsed = parseRef(ref);
    if (!parsed) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "is not a record ref" });
    return parsed ?? z.NEVER;
  }),
  performedOn: z.string(),
});

export function lotTraceFromItem(item: Item): LotTrace {
  return decodeItem("LotTrace", lotTraceSchema, item);
}
