import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  canSeeSite,
  Fhir,
  notFound,
  type FhirBundle,
  type FhirExportInput,
  type Principal,
} from "@needlework/core";
import { appendAudit } from "../audit";
import type { Db } from "../client";
import { Keys } from "../keys";
import { patientFromItem } from "../entities/patient";

type Item = Record<string, unknown>;

/**
 * A patient's record as a FHIR R4 Bundle (core's toFhirBundle), read with ONE Query of the patient's
 * item collection (`G#g#P#<pid>`: profile, concerns, consultations, plans, sessions, assessments),
 * following LastEvaluatedKey past 1 MB. Identified data: a patient of a site the principal does not
 * work at is NOT_FOUND like a missing one; every export is audited.
 */
export async function readPatientCollection(
  db: Db,
  groupId: string,
  patientId: string,
): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  let pages = 0;
  do {
    const res = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": Keys.patientPk(groupId, patientId) },
        ExclusiveStartKey: start,
      }),
    );
    pages++;
    items.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return { items, pages };
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
/** "<patientId>|<date>|<id>" → id. */
const refId = (v: unknown): string | undefined => str(v)?.split("|")[2];

/** Maps the collection's items to core's export input, by item type. */
export function fhirInput(items: readonly Item[], generatedAt: string): FhirExportInput | undefined {
  const profile = items.find((it) => it.sk === "PROFILE");
  if (!profile) return undefined;
  const p = patientFromItem(profile);
  const of = (type: string): Item[] => items.filter((it) => it.type === type);
  const sessions = of("TreatmentSession");
  return {
    patient: {
      id: p.id,
      givenName: p.givenName,
      familyName: p.familyName,
      dateOfBirth: p.dateOfBirth,
      email: p.email,
      phone: p.phone,
      fitzpatrick: p.fitzpatrick,
      allergies: p.allergies,
    },
    consultations: of("Consultation").map((c) => ({ id: String(c.id), heldOn: String(c.date) })),
    concerns: of("Concern").map((c) => ({
      id: String(c.id),
      indication: c.indication as FhirExportInput["concerns"][number]["indication"],
      bodyArea: c.bodyArea as FhirExportInput["concerns"][number]["bodyArea"],
      status: (c.status ?? "ACTIVE") as FhirExportInput["concerns"][number]["status"],
      baselineScale: c.baselineScale as FhirExportInput["concerns"][number]["baselineScale"],
      baselineScore: Number(c.baselineScore),
      baselineOn: String(c.baselineOn),
      consultationId: refId(c.consultationRef),
    })),
    plans: of("TreatmentPlan").map((pl) => ({
      id: String(pl.id),
      concernIds: arr<string>(pl.concernIds),
      startOn: String(pl.startDate),
      sessionsPlanned: Number(pl.sessionsPlanned),
      intervalWeeks: Number(pl.intervalWeeks),
      status: (pl.status ?? "PLANNED") as NonNullable<FhirExportInput["plans"]>[number]["status"],
    })),
    sessions: sessions.map((s) => ({
      id: String(s.id),
      planId: refId(s.planRef),
      performedOn: String(s.performedOn),
      device: s.device as FhirExportInput["sessions"][number]["device"],
      zones: arr<FhirExportInput["sessions"][number]["zones"][number]>(s.zones),
    })),
    serumsApplied: sessions.flatMap((s) =>
      arr<Item>(s.serums).map((a) => ({
        sessionId: String(s.id),
        serumId: String(a.serumId),
        serumName: String(a.serumName ?? a.serumId),
        lotNumber: String(a.lotNumber),
        expiresOn: str(a.lotExpiresOn),
        zone: a.zone as FhirExportInput["serumsApplied"][number]["zone"],
      })),
    ),
    assessments: of("Assessment").map((a) => ({
      id: String(a.id),
      concernId: str(a.concernId) ?? refId(a.concernRef) ?? "",
      scale: a.scale as FhirExportInput["assessments"][number]["scale"],
      score: Number(a.score),
      rater: (a.rater ?? "CLINICIAN") as FhirExportInput["assessments"][number]["rater"],
      assessedOn: String(a.assessedOn),
      label: str(a.label),
      sessionId: str(a.sessionId) ?? refId(a.sessionRef),
    })),
    adverseEvents: sessions.flatMap((s) =>
      arr<Item>(s.adverseEvents).map((e, i) => ({
        id: str(e.id) ?? `${String(s.id)}-${i}`,
        sessionId: String(s.id),
        type: e.type as FhirExportInput["adverseEvents"][number]["type"],
        onsetOn: String(e.onsetOn),
        severity: e.severity as FhirExportInput["adverseEvents"][number]["severity"],
        serumId: str(e.serumId),
        lotNumber: str(e.lotNumber),
      })),
    ),
    generatedAt,
  };
}

export async function patientFhirBundle(
  db: Db,
  actor: Principal,
  patientId: string,
  now = new Date(),
): Promise<FhirBundle> {
  const { items } = await readPatientCollection(db, actor.groupId, patientId);
  const input = fhirInput(items, now.toISOString());
  if (!input || !canSeeSite(actor, String(items.find((it) => it.sk === "PROFILE")?.siteId))) {
    await appendAudit(db, actor, { action: "EXPORT_FHIR", patientId, outcome: "NOT_FOUND" });
    throw notFound("The patient");
  }
  const bundle = Fhir.toFhirBundle(input);
  await appendAudit(db, actor, {
    action: "EXPORT_FHIR",
    patientId,
    siteId: String(items.find((it) => it.sk === "PROFILE")?.siteId),
    detail: `${bundle.entry.length} resources`,
  });
  return bundle;
}
