import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  badInput,
  canSeeSite,
  conflict,
  ConsultationRules,
  Contraindications,
  forbidden,
  notFound,
  type ConsultationInput,
  type ContraindicationFinding,
  type Patient,
  type Principal,
  type ScreeningAnswers,
  type Zone,
} from "@needlework/core";
import { addAudit, auditedRead } from "../audit";
import type { Db } from "../client";
import { runIdempotent, type IdempotencyContext } from "../idempotency";
import { newId } from "../ids";
import { Keys } from "../keys";
import { Tx } from "../tx";
import { batchGet, keyString, loadWithPatient } from "./read";
import { formatRef, type RecordRef } from "./refs";
import { settingsFromItem } from "./settings";
import {
  type Consultation,
  type Concern,
  consultationKey,
  concernKey,
  consultationFromItem,
  concernFromItem,
  consultationItem,
  concernItem,
} from "../entities/consultation";

/** The entity this module writes, declared in entities/consultation.ts. */
export * from "../entities/consultation";

/**
 * Consultations and the concerns they record. A consultation stores the screen's findings as they
 * were on its day (with the profile version screened), and every override appended to it: who, when
 * and why. Recording writes the consultation, its concerns and the audit entry in one transaction.
 */

/** Cleared when no BLOCK is left without an override (core decides). */
export function screenStatus(c: Pick<Consultation, "findings" | "overrides">) {
  return ConsultationRules.screenStatus(c.findings, c.overrides);
}

const findingSummary = (findings: readonly ContraindicationFinding[]): string =>
  findings.length ? findings.map((f) => `${f.code}(${f.level})`).join(", ") : "none";

/**
 * Records a consultation for a patient the principal can see, at a site they work at: core validates
 * the input and screens the patient's profile, the day's answers and the clinic's settings; the
 * consultation (with its findings), its concerns and the audit entry are written together. The
 * profile must still be at the version screened, the site must exist.
 * Reads: one BatchGetItem (profile + settings); writes: one TransactWriteItems.
 */
export async function recordConsultation(
  db: Db,
  actor: Principal,
  patientId: string,
  input: ConsultationInput,
  idem?: IdempotencyContext,
): Promise<{ consultation: Consultation; concerns: Concern[] }> {
  const fields = ConsultationRules.validateConsultationInput(input);
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const settingsKey = Keys.settings(actor.groupId);
      const { patient, items } = await loadWithPatient(db, actor, patientId, [settingsKey]);
      assertActive(patient);
      if (!canSeeSite(actor, fields.siteId))
        throw forbidden("You can only record a consultation at a site you work at.");
      const { settings } = settingsFromItem(items.get(keyString(settingsKey)));
      const findings = Contraindications.screen({
        patient,
        answers: fields.answers,
        settings,
        onDate: fields.date,
        area: ConsultationRules.treatmentArea(fields.concerns),
      });
      const now = new Date().toISOString();
      const stamp = {
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      };
      const consultationId = newId();
      const concerns: Concern[] = fields.concerns.map((c) => ({
        ...c,
        id: newId(),
        groupId: actor.groupId,
        patientId,
        consultationRef: formatRef({ patientId, date: fields.date, id: consultationId }),
        ...stamp,
      }));
      const consultation: Consultation = {
        id: consultationId,
        groupId: actor.groupId,
        patientId,
        siteId: fields.siteId,
        date: fields.date,
        practitionerId: actor.userId,
        practitionerName: actor.name,
        concernIds: concerns.map((c) => c.id),
        answers: fields.answers,
        findings,
        overrides: [],
        patientVersion: patient.version,
        ...stamp,
      };
      tx.conditionCheck(Keys.site(actor.groupId, fields.siteId), {
        condition: "attribute_exists(pk)",
        onConditionFailed: () => notFound("The site"),
      });
      tx.conditionCheck(Keys.patientProfile(actor.groupId, patientId), {
        condition: "version = :v",
        values: { ":v": patient.version },
        onConditionFailed: () => conflict("This patient's record (allergies, medications or history)"),
      });
      tx.put(consultationItem(consultation), { condition: "attribute_not_exists(pk)" });
      for (const c of concerns) tx.put(concernItem(c), { condition: "attribute_not_exists(pk)" });
      addAudit(tx, actor, {
        action: "RECORD_CONSULTATION",
        patientId,
        siteId: fields.siteId,
        detail: `concerns: ${concerns.map((c) => c.indication).join(", ")}; findings: ${findingSummary(findings)}`,
      });
      return { consultation, concerns };
    },
    () => new Tx(),
  );
}

function assertActive(patient: Patient): void {
  if (patient.archived)
    throw badInput([
      { path: "patientId", reason: "this patient's record is archived; restore it before adding to it" },
    ]);
}

/** A consultation of a patient the principal can see; NOT_FOUND otherwise. One BatchGetItem. */
export async function loadConsultation(
  db: Db,
  actor: Principal,
  ref: RecordRef,
): Promise<{ patient: Patient; consultation: Consultation }> {
  const key = consultationKey(actor.groupId, ref);
  const { patient, items } = await loadWithPatient(db, actor, ref.patientId, [key], "The consultation");
  const item = items.get(keyString(key));
  if (!item) throw notFound("The consultation");
  return { patient, consultation: consultationFromItem(item) };
}

/** Reads a consultation for display, with an audit entry of the read (or of the refusal). */
export async function getConsultation(db: Db, actor: Principal, ref: RecordRef): Promise<Consultation> {
  const { consultation } = await auditedRead(
    db,
    actor,
    { action: "READ_CONSULTATION", patientId: ref.patientId },
    () => loadConsultation(db, actor, ref),
    (r) => r.patient.siteId,
  );
  return consultation;
}

/**
 * A prescriber's override of one finding: the reason is required and the finding must exist (core
 * decides); the override records who (id and name) and when, in the consultation and in the audit
 * trail (with the reason). Stale version → CONFLICT.
 */
export async function overrideContraindication(
  db: Db,
  actor: Principal,
  ref: RecordRef,
  expectedVersion: number,
  input: { code: string; reason: string },
  idem?: IdempotencyContext,
): Promise<Consultation> {
  Contraindications.validateOverrideInput(input, "override");
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const { patient, consultation } = await loadConsultation(db, actor, ref);
      if (consultation.version !== expectedVersion) throw conflict("This consultation");
      const at = new Date().toISOString();
      const overrides = ConsultationRules.addOverride(consultation.findings, consultation.overrides, {
        code: input.code,
        reason: input.reason,
        by: actor.userId,
        byName: actor.name,
        at,
      });
      const added = overrides[overrides.length - 1]!;
      const next: Consultation = {
        ...consultation,
        overrides,
        version: expectedVersion + 1,
        updatedAt: at,
        updatedBy: actor.userId,
      };
      tx.put(consultationItem(next), {
        condition: "attribute_exists(pk) AND version = :v",
        values: { ":v": expectedVersion },
        onConditionFailed: (old) => (old ? conflict("This consultation") : notFound("The consultation")),
      });
      addAudit(tx, actor, {
        action: "OVERRIDE_CONTRAINDICATION",
        patientId: ref.patientId,
        siteId: patient.siteId,
        detail: `${added.code} on consultation ${consultation.date}: ${added.reason}`,
      });
      return next;
    },
    () => new Tx(),
  );
}

export interface ScreenResult {
  findings: ContraindicationFinding[];
  /** Required yes/no questions not answered yet (screened as "no" for now). */
  unanswered: string[];
  cleared: boolean;
  unresolvedBlocks: ContraindicationFinding[];
}

/**
 * The screen without saving anything, for the portal to show as the form fills. One BatchGetItem
 * (profile + settings); nothing is written.
 */
export async function screenPatient(
  db: Db,
  actor: Principal,
  patientId: string,
  args: {
    answers: Partial<Record<keyof ScreeningAnswers, unknown>>;
    onDate: string;
    zones?: readonly Zone[] | null;
  },
): Promise<ScreenResult> {
  const settingsKey = Keys.settings(actor.groupId);
  const { answers, unanswered } = ConsultationRules.partialScreeningAnswers(args.answers, args.onDate);
  // It reads the patient's history, medications and allergies: one audit entry, like any read.
  const { result } = await auditedRead(
    db,
    actor,
    { action: "SCREEN_PATIENT", patientId },
    async () => {
      const { patient, items } = await loadWithPatient(db, actor, patientId, [settingsKey]);
      const { settings } = settingsFromItem(items.get(keyString(settingsKey)));
      const findings = Contraindications.screen({
        patient,
        answers,
        settings,
        onDate: args.onDate,
        area: args.zones ?? [],
      });
      return { patient, result: { findings, unanswered, ...ConsultationRules.screenStatus(findings, []) } };
    },
    (r) => r.patient.siteId,
  );
  return result;
}

/** Concerns by key for a DataLoader (visibility is the caller's check, through the patient). */
export async function getConcerns(
  db: Db,
  groupId: string,
  refs: readonly Pick<RecordRef, "patientId" | "id">[],
): Promise<(Concern | undefined)[]> {
  const keys = refs.map((r) => concernKey(groupId, r));
  const found = await batchGet(db, keys);
  return keys.map((k) => {
    const it = found.get(keyString(k));
    return it ? concernFromItem(it) : undefined;
  });
}

/** Consultations by ref for a DataLoader (visibility is the caller's check, through the patient). */
export async function getConsultations(
  db: Db,
  groupId: string,
  refs: readonly RecordRef[],
): Promise<(Consultation | undefined)[]> {
  const keys = refs.map((r) => consultationKey(groupId, r));
  const found = await batchGet(db, keys);
  return keys.map((k) => {
    const it = found.get(keyString(k));
    return it ? consultationFromItem(it) : undefined;
  });
}

/** Every concern of a patient (the caller has checked the patient is visible): one Query. */
export async function listConcerns(db: Db, groupId: string, patientId: string): Promise<Concern[]> {
  const out: Concern[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
        ExpressionAttributeValues: { ":pk": Keys.patientPk(groupId, patientId), ":p": "C#" },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(res.Items ?? []).map(concernFromItem));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/** A concern for display (node lookup), with an audit entry of the read (or of the refusal). */
export async function getConcern(db: Db, actor: Principal, ref: RecordRef): Promise<Concern> {
  const key = concernKey(actor.groupId, ref);
  const { concern } = await auditedRead(
    db,
    actor,
    { action: "READ_CONCERN", patientId: ref.patientId },
    async () => {
      const { patient, items } = await loadWithPatient(db, actor, ref.patientId, [key], "The concern");
      const item = items.get(keyString(key));
      if (!item) throw notFound("The concern");
      return { patient, concern: concernFromItem(item) };
    },
    (r) => r.patient.siteId,
  );
  return concern;
}
