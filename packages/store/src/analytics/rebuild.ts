import type { Device, Indication, ScaleId, Zone } from "@needlework/core";
import type { Db } from "../client";
import { rollupItemsOf, sessionUnit, type RollupUnit } from "../clinical/rollups";
import { readPatientCollection } from "./fhir";
import { kpiPlanItem } from "./kpis";
import {
  courseUnitOfItem,
  outcomeItemFromHistory,
  recordCounterItems,
  recordFromItem,
  type OutcomeAssessmentFacts,
  type OutcomeConcernFacts,
  type OutcomeSessionFacts,
} from "./outcomes";
import { groupSecret } from "./secret";
import { patientFromItem } from "../entities/patient";
import { sessionFromItem } from "../entities/session";

type Item = Record<string, unknown>;

/**
 * The analytics items of patients, rebuilt from their records (one Query per patient collection):
 * an outcome record per concern with a session or an assessment, the record counters, a KPI item
 * per treatment plan, and the rollup items their sessions and courses add up to (the same units the
 * transactions add, folded in memory: clinical/rollups.ts). Tooling, never on a request path: the
 * demo seed runs it after writing the clinical history, and it rebuilds a group's analytics (pass
 * every patient of the group: counters of patients left out are not in the items).
 */
export async function analyticsItemsFor(
  db: Db,
  groupId: string,
  patientIds: readonly string[],
): Promise<Item[]> {
  const secret = await groupSecret(db, groupId);
  const out: Item[] = [];
  const records: Item[] = [];
  const units: (RollupUnit | null)[] = [];
  for (const patientId of patientIds) {
    const { items } = await readPatientCollection(db, groupId, patientId);
    const profile = items.find((it) => it.sk === "PROFILE");
    if (!profile) continue;
    const patient = patientFromItem(profile);
    const concerns = items.filter((it) => it.type === "Concern");
    const sessions = items.filter((it) => it.type === "TreatmentSession");
    const assessments = items.filter((it) => it.type === "Assessment");
    // Each session once, under the patient's current Fitzpatrick type (clinical/patient-facts.ts).
    for (const s of sessions) units.push(sessionUnit(sessionFromItem(s), patient.fitzpatrick));
    for (const c of concerns) {
      const concern: OutcomeConcernFacts = {
        id: String(c.id),
        indication: c.indication as Indication,
        bodyArea: c.bodyArea as Zone,
        baselineScale: c.baselineScale as ScaleId,
        baselineScore: Number(c.baselineScore),
        baselineOn: String(c.baselineOn),
      };
      const mine = sessions.filter((s) => (s.concernIds as string[] | undefined)?.includes(concern.id));
      const scored = assessments.filter((a) => a.concernId === concern.id);
      if (mine.length === 0 && scored.length === 0) continue;
      records.push(
        outcomeItemFromHistory(groupId, secret, {
          patient: {
            id: patient.id,
            dateOfBirth: patient.dateOfBirth,
            fitzpatrick: patient.fitzpatrick,
            siteId: patient.siteId,
          },
          concern,
          sessions: mine.map((s): OutcomeSessionFacts => ({
            id: String(s.id),
            performedOn: String(s.performedOn),
            siteId: String(s.siteId),
            device: s.device as Device,
            practitionerId: String(s.practitionerId),
            zones: (s.zones as { zone: Zone; depthMm: number }[] | undefined) ?? [],
            serums: (
              (s.serums as { serumId: string; serumName?: string; zone: Zone }[] | undefined) ?? []
            ).map((a) => ({
              serumId: a.serumId,
              zone: a.zone,
              name: a.serumName,
            })),
            adverseEvents: (s.adverseEvents as OutcomeSessionFacts["adverseEvents"] | undefined) ?? [],
          })),
          assessments: scored.map((a): OutcomeAssessmentFacts => ({
            id: String(a.id),
            scale: a.scale as ScaleId,
            score: Number(a.score),
            assessedOn: String(a.assessedOn),
          })),
        }),
      );
    }
    for (const p of items.filter((it) => it.type === "TreatmentPlan")) {
      const concernIds = (p.concernIds as string[] | undefined) ?? [];
      out.push(
        kpiPlanItem(
          {
            id: String(p.id),
            groupId,
            // At the patient's current site, as the transactions write it.
            siteId: patient.siteId,
            startDate: String(p.startDate),
            sessionsPlanned: Number(p.sessionsPlanned),
            intervalWeeks: Number(p.intervalWeeks),
            sessionDates: (p.sessionDates as string[] | undefined) ?? [],
            status: String(p.status),
            device: p.device as Device | undefined,
          },
          {
            indications: concerns
              .filter((c) => concernIds.includes(String(c.id)))
              .map((c) => c.indication as Indication),
            fitzpatrick: patient.fitzpatrick,
          },
        ),
      );
    }
  }
  units.push(...records.map(courseUnitOfItem));
  return [
    ...records,
    ...recordCounterItems(groupId, records.map(recordFromItem)),
    ...out,
    ...rollupItemsOf(groupId, units),
  ];
}
