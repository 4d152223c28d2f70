import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  badInput,
  canSeeSite,
  conflict,
  notFound,
  PatientRules,
  type Patient,
  type PatientInput,
  type Principal,
} from "@needlework/core";
import type { Db } from "./client";
import { addAudit, appendAudit, auditedRead, auditRefusal } from "./audit";
import { decodeCursor, encodeCursor, pageSize, type Page } from "./cursor";
import { runIdempotent, type IdempotencyContext } from "./idempotency";
import { newId } from "./ids";
import { Keys } from "./keys";
import { getItem } from "./clinical/read";
import { Tx } from "./tx";
import { addPatientRecount } from "./analytics/recount";
import { RECORD_SEQ } from "./clinical/patient-facts";
import { patientFromItem, patientItem } from "./entities/patient";

/** The entity this module writes, declared in entities/patient.ts. */
export * from "./entities/patient";

/**
 * A site the group has and has not archived: checked inside the write so a patient never lands on an
 * unknown site, nor joins a closed one.
 */
function siteExists(tx: Tx, groupId: string, siteId: string): void {
  tx.conditionCheck(Keys.site(groupId, siteId), {
    condition: "attribute_exists(pk) AND (attribute_not_exists(archived) OR archived = :f)",
    values: { ":f": false },
    onConditionFailed: (old) =>
      old ? badInput([{ path: "input.siteId", reason: "is an archived site" }]) : notFound("The site"),
  });
}

export async function createPatient(
  db: Db,
  actor: Principal,
  input: PatientInput,
  idem?: IdempotencyContext,
): Promise<Patient> {
  const fields = PatientRules.validatePatientInput(input);
  // A refused create (a site of another group, or one the practitioner does not work at) is audited.
  const refused = (e: unknown) =>
    auditRefusal(db, actor, { action: "CREATE_PATIENT", siteId: fields.siteId }, e);
  if (!canSeeSite(actor, fields.siteId)) return refused(notFound("The site"));
  return runIdempotent(
    db,
    actor,
    idem,
    (tx) => {
      const now = new Date().toISOString();
      const patient: Patient = {
        ...fields,
        id: newId(),
        groupId: actor.groupId,
        archived: false,
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      };
      siteExists(tx, actor.groupId, fields.siteId);
      tx.put(patientItem(patient), { condition: "attribute_not_exists(pk)" });
      addAudit(tx, actor, { action: "CREATE_PATIENT", patientId: patient.id, siteId: patient.siteId });
      return patient;
    },
    () => new Tx(),
  ).catch(refused);
}

/** Reads the profile; a patient the principal may not see is NOT_FOUND, exactly like a missing one. */
export async function loadPatient(db: Db, actor: Principal, patientId: string): Promise<Patient> {
  return (await loadPatientItem(db, actor, patientId)).patient;
}

/** The profile and its stored item (which also holds `recordSeq`, clinical/patient-facts.ts). */
async function loadPatientItem(
  db: Db,
  actor: Principal,
  patientId: string,
): Promise<{ patient: Patient; item: Record<string, unknown> }> {
  const item = await getItem(db, Keys.patientProfile(actor.groupId, patientId));
  if (!item || !canSeeSite(actor, String(item.siteId))) throw notFound("The patient");
  return { patient: patientFromItem(item), item };
}

/** One audit entry per read: OK with the site, or NOT_FOUND for a missing or hidden patient. */
export async function getPatient(db: Db, actor: Principal, patientId: string): Promise<Patient> {
  return auditedRead(
    db,
    actor,
    { action: "READ_PATIENT", patientId },
    () => loadPatient(db, actor, patientId),
    (p) => p.siteId,
  );
}

export async function updatePatient(
  db: Db,
  actor: Principal,
  patientId: string,
  expectedVersion: number,
  input: PatientInput,
  idem?: IdempotencyContext,
): Promise<Patient> {
  const fields = PatientRules.validatePatientInput(input);
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const { patient: current, item } = await loadPatientItem(db, actor, patientId);
      if (!canSeeSite(actor, fields.siteId)) throw notFound("The site");
      if (current.version !== expectedVersion) throw conflict("This patient");
      const now = new Date().toISOString();
      const next: Patient = {
        ...current,
        ...fields,
        version: current.version + 1,
        updatedAt: now,
        updatedBy: actor.userId,
      };
      if (fields.siteId !== current.siteId) siteExists(tx, actor.groupId, fields.siteId);
      // The analytics count the patient's courses and plans under its current Fitzpatrick type and
      // site (and its sessions under the type; a session keeps the site it was performed at): a
      // change of either recounts the patient in this transaction, conditioned on no analytics write
      // having landed since the profile was read (recordSeq as read above).
      const seq = typeof item[RECORD_SEQ] === "number" ? item[RECORD_SEQ] : undefined;
      const typeChanged = (current.fitzpatrick ?? null) !== (next.fitzpatrick ?? null);
      const siteChanged = current.siteId !== next.siteId;
      const recount =
        typeChanged || siteChanged
          ? await addPatientRecount(
              tx,
              db,
              actor.groupId,
              current,
              { fitzpatrick: current.fitzpatrick, siteId: current.siteId },
              { fitzpatrick: next.fitzpatrick, siteId: next.siteId },
            )
          : undefined;
      // Any other update just keeps the counter (a racing update of the profile fails on `version`).
      const seqCondition = !recount
        ? ""
        : seq !== undefined
          ? " AND #seq = :seq"
          : " AND attribute_not_exists(#seq)";
      tx.put(
        { ...patientItem(next), ...(seq !== undefined ? { [RECORD_SEQ]: seq } : {}) },
        {
          condition: `attribute_exists(pk) AND version = :v${seqCondition}`,
          ...(seqCondition ? { names: { "#seq": RECORD_SEQ } } : {}),
          values: { ":v": expectedVersion, ...(recount && seq !== undefined ? { ":seq": seq } : {}) },
          onConditionFailed: (old) => (old ? conflict("This patient") : notFound("The patient")),
        },
      );
      addAudit(tx, actor, {
        action: "UPDATE_PATIENT",
        patientId,
        siteId: next.siteId,
        ...(recount
          ? {
              detail: `${[
                typeChanged
                  ? `Fitzpatrick type ${current.fitzpatrick ?? "none"} -> ${next.fitzpatrick ?? "none"}`
                  : "",
                siteChanged ? `moved from site ${current.siteId} to ${next.siteId}` : "",
              ]
                .filter(Boolean)
                .join(
                  "; ",
                )}: ${recount.sessions} sessions, ${recount.courses} courses with outcomes, ${recount.plans} plans, ${recount.records} outcome records recounted${recount.movedPlans > 0 ? `; ${recount.movedPlans} plans moved with the patient` : ""}`,
            }
          : {}),
      });
      // The idempotency record is the one item still to come.
      if (tx.items.length + 1 > 100)
        throw badInput([
          {
            path: typeChanged ? "input.fitzpatrick" : "input.siteId",
            reason: `this patient's history (${recount?.plans ?? 0} treatment plans, ${recount?.records ?? 0} treated concerns) is too large to recount under ${typeChanged ? "another Fitzpatrick type" : "another site"} in one save`,
          },
        ]);
      return next;
    },
    () => new Tx(),
  ).catch((e: unknown) => auditRefusal(db, actor, { action: "UPDATE_PATIENT", patientId }, e));
}

async function siteKnown(db: Db, groupId: string, siteId: string): Promise<boolean> {
  return !!(await getItem(db, Keys.site(groupId, siteId)));
}

export async function listPatients(
  db: Db,
  actor: Principal,
  args: { siteId: string; search?: string | null; first?: number | null; after?: string | null },
): Promise<Page<Patient>> {
  const refused = (e: unknown) =>
    auditRefusal(db, actor, { action: "LIST_PATIENTS", siteId: args.siteId }, e);
  if (!canSeeSite(actor, args.siteId)) return refused(notFound("The site"));
  const limit = pageSize(args.first);
  const start = decodeCursor(args.after, actor.groupId, {
    gsi1pk: Keys.sitePatientsGsi(actor.groupId, args.siteId),
  });
  // A clinic admin may name any site: one that is not the group's answers NOT_FOUND, not an empty list.
  if (!actor.siteIds.includes(args.siteId) && !(await siteKnown(db, actor.groupId, args.siteId))) {
    return refused(notFound("The site"));
  }
  const search = args.search ? PatientRules.normaliseName(args.search) : "";
  const res = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: "gsi1",
      KeyConditionExpression: search ? "gsi1pk = :pk AND begins_with(gsi1sk, :q)" : "gsi1pk = :pk",
      ExpressionAttributeValues: {
        ":pk": Keys.sitePatientsGsi(actor.groupId, args.siteId),
        ...(search ? { ":q": search } : {}),
      },
      ExclusiveStartKey: start,
      Limit: limit + 1,
    }),
  );
  const rows = res.Items ?? [];
  const page = rows.slice(0, limit);
  const cursors = page.map(
    (it) => encodeCursor({ pk: it.pk, sk: it.sk, gsi1pk: it.gsi1pk, gsi1sk: it.gsi1sk }) ?? "",
  );
  await appendAudit(db, actor, {
    action: "LIST_PATIENTS",
    siteId: args.siteId,
    detail: `${page.length} patients`,
  });
  return {
    items: page.map(patientFromItem),
    cursors,
    endCursor: cursors.at(-1) ?? null,
    hasNextPage: rows.length > limit,
  };
}
