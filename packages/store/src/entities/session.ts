import type {
  AdverseEvent,
  CartridgeInput,
  ContraindicationFinding,
  DepthDeviation,
  Device,
  FitzpatrickType,
  Indication,
  RfSettings,
  ScreeningAnswers,
  SessionZone,
  Zone,
} from "@needlework/core";
import { Keys } from "../keys";
import type { Item } from "../clinical/read";
import { formatRef, parseRef, type RecordRef } from "../clinical/refs";
import type { RollupRef } from "../clinical/rollups";
import type { RecordedOverride } from "./consultation";
import type { SerumOverrideRecord } from "./plan";

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

export function sessionFromItem(item: Item): TreatmentSession {
  const { pk: _pk, sk: _sk, type: _type, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item;
  const s = rest as unknown as TreatmentSession;
  return {
    ...s,
    serums: s.serums ?? [],
    adverseEvents: s.adverseEvents ?? [],
    deviations: s.deviations ?? [],
  };
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

export function lotTraceFromItem(item: Item): LotTrace {
  return {
    serumId: String(item.serumId),
    serumName: String(item.serumName),
    lotNumber: String(item.lotNumber),
    zone: item.zone as Zone,
    patientId: String(item.patientId),
    siteId: String(item.siteId),
    sessionRef: parseRef(String(item.sessionRef))!,
    performedOn: String(item.performedOn),
  };
}
