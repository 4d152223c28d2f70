import { expect } from "vitest";
import { addDays, type Principal } from "@needlework/core";
import { toGlobalId } from "@needlework/api";
import type { TestApi } from "../support/api";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { Keys } from "@needlework/store";

/**
 * A small treated cohort recorded through the API as practitioners do it (consultation, plan,
 * sessions, assessments, a late adverse event), so every analytics item is written by the real
 * transactions. Dates are relative to today and all in the past.
 */
export const TODAY = new Date().toISOString().slice(0, 10);
const D0 = addDays(TODAY, -300);
const on = (days: number): string => addDays(D0, days);

const harbour = toGlobalId("Site", "harbour");
const riverside = toGlobalId("Site", "riverside");
const serum = (key: string) => toGlobalId("SerumAddOn", `srm-${key}`);
const lot = (key: string) =>
  `${key
    .replace(/[^a-z]/g, "")
    .slice(0, 4)
    .toUpperCase()}-2511`;

export const noAnswers = {
  activeSkinInfection: false,
  activeAcneInArea: false,
  activeHerpesOutbreak: false,
  openWounds: false,
  pregnantOrBreastfeeding: false,
  eczemaPsoriasisRosaceaFlareInArea: false,
  sunburn: false,
};

export interface CreatedPatient {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  email?: string;
  phone?: string;
  /** The global id of the patient's treatment plan, if any. */
  planId?: string;
}

interface ConcernSpec {
  indication: string;
  bodyArea: string;
  baselineScale: string;
  baselineScore: number;
}
interface SessionSpec {
  day: number;
  zones: { zone: string; depthMm: number }[];
  serums?: { key: string; zone: string }[];
  adverseEvents?: { type: string; severity: string; onsetDay: number; durationDays?: number }[];
}
interface PatientSpec {
  patient: Omit<CreatedPatient, "id"> & { fitzpatrick: string; siteId: string };
  practitioner: "ava" | "sam";
  concerns: ConcernSpec[];
  plan: {
    sessionsPlanned: number;
    intervalWeeks: number;
    device: "PEN" | "DERMAROLLER" | "RF_MICRONEEDLING";
    zones: { zone: string; depthMm: number; depthMinMm: number; depthMaxMm: number }[];
  } | null;
  sessions: SessionSpec[];
  /** Scores by concern index. */
  assessments: { concern: number; scale: string; score: number; rater?: string; day: number }[];
  /** An adverse event reported after the first session. */
  lateEvent?: { type: string; severity: string; onsetDay: number; durationDays?: number };
}

export const COHORT: PatientSpec[] = [
  {
    patient: {
      givenName: "Zelda",
      familyName: "Quistgaard",
      dateOfBirth: "1931-03-03",
      email: "zelda.quistgaard@example.org",
      phone: "+44 7700 900555",
      fitzpatrick: "II",
      siteId: harbour,
    },
    practitioner: "ava",
    concerns: [
      {
        indication: "ACNE_SCARRING",
        bodyArea: "CHEEKS",
        baselineScale: "GOODMAN_BARON_QUANTITATIVE",
        baselineScore: 40,
      },
    ],
    plan: {
      sessionsPlanned: 4,
      intervalWeeks: 4,
      device: "PEN",
      zones: [{ zone: "CHEEKS", depthMm: 1.5, depthMinMm: 1.0, depthMaxMm: 2.0 }],
    },
    sessions: [
      {
        day: 10,
        zones: [{ zone: "CHEEKS", depthMm: 1.5 }],
        serums: [{ key: "hyaluronic-acid", zone: "CHEEKS" }],
        adverseEvents: [{ type: "ERYTHEMA_OEDEMA", severity: "MILD", onsetDay: 10, durationDays: 2 }],
      },
      {
        day: 38,
        zones: [{ zone: "CHEEKS", depthMm: 2.0 }],
        serums: [{ key: "hyaluronic-acid", zone: "CHEEKS" }],
      },
      { day: 70, zones: [{ zone: "CHEEKS", depthMm: 2.0 }] },
      {
        day: 96,
        zones: [{ zone: "CHEEKS", depthMm: 1.5 }],
        adverseEvents: [{ type: "PIH", severity: "MILD", onsetDay: 99 }],
      },
    ],
    assessments: [
      { concern: 0, scale: "GOODMAN_BARON_QUANTITATIVE", score: 31, day: 60 },
      { concern: 0, scale: "GOODMAN_BARON_QUANTITATIVE", score: 24, day: 130 },
      { concern: 0, scale: "GAIS", score: 2, day: 130 },
    ],
    lateEvent: { type: "ERYTHEMA_OEDEMA", severity: "MODERATE", onsetDay: 11, durationDays: 9 },
  },
  {
    patient: {
      givenName: "Yusuf",
      familyName: "Rahmanov",
      dateOfBirth: "1985-07-21",
      phone: "+44 7700 900777",
      fitzpatrick: "V",
      siteId: riverside,
    },
    practitioner: "sam",
    concerns: [{ indication: "MELASMA", bodyArea: "CHEEKS", baselineScale: "MMASI", baselineScore: 12 }],
    plan: {
      sessionsPlanned: 3,
      intervalWeeks: 4,
      device: "DERMAROLLER",
      zones: [{ zone: "CHEEKS", depthMm: 0.5, depthMinMm: 0.25, depthMaxMm: 0.5 }],
    },
    sessions: [
      {
        day: 20,
        zones: [{ zone: "CHEEKS", depthMm: 0.5 }],
        serums: [{ key: "tranexamic-acid", zone: "CHEEKS" }],
      },
      {
        day: 50,
        zones: [{ zone: "CHEEKS", depthMm: 0.5 }],
        serums: [{ key: "tranexamic-acid", zone: "CHEEKS" }],
      },
      { day: 90, zones: [{ zone: "CHEEKS", depthMm: 0.25 }] },
    ],
    assessments: [{ concern: 0, scale: "MMASI", score: 7.5, day: 120 }],
  },
  {
    patient: {
      givenName: "Xanthe",
      familyName: "Ortizova",
      dateOfBirth: "1990-01-01",
      email: "xanthe.o@example.net",
      fitzpatrick: "III",
      siteId: harbour,
    },
    practitioner: "sam",
    concerns: [
      { indication: "WRINKLES", bodyArea: "FOREHEAD", baselineScale: "LEMPERLE", baselineScore: 3 },
      {
        indication: "ACNE_SCARRING",
        bodyArea: "CHEEKS",
        baselineScale: "GOODMAN_BARON_QUALITATIVE",
        baselineScore: 3,
      },
    ],
    plan: {
      sessionsPlanned: 3,
      intervalWeeks: 6,
      device: "RF_MICRONEEDLING",
      zones: [
        { zone: "FOREHEAD", depthMm: 0.5, depthMinMm: 0.25, depthMaxMm: 0.5 },
        { zone: "CHEEKS", depthMm: 1.0, depthMinMm: 0.5, depthMaxMm: 1.5 },
      ],
    },
    sessions: [
      {
        day: 15,
        zones: [
          { zone: "FOREHEAD", depthMm: 0.5 },
          { zone: "CHEEKS", depthMm: 1.0 },
        ],
        serums: [{ key: "prp", zone: "CHEEKS" }],
      },
      {
        day: 57,
        zones: [
          { zone: "FOREHEAD", depthMm: 0.5 },
          { zone: "CHEEKS", depthMm: 1.5 },
        ],
        adverseEvents: [{ type: "INFECTION", severity: "MODERATE", onsetDay: 59 }],
      },
    ],
    assessments: [
      { concern: 0, scale: "LEMPERLE", score: 2, day: 100 },
      { concern: 1, scale: "GOODMAN_BARON_QUALITATIVE", score: 2, day: 100 },
      { concern: 1, scale: "SATISFACTION", score: 6, rater: "PATIENT", day: 80 },
      { concern: 1, scale: "SATISFACTION", score: 8, rater: "PATIENT", day: 110 },
    ],
  },
  {
    patient: {
      givenName: "Wendell",
      familyName: "Nakamura-Lee",
      dateOfBirth: "2001-11-11",
      email: "w.nakamura@example.com",
      phone: "020 7946 0018",
      fitzpatrick: "IV",
      siteId: riverside,
    },
    practitioner: "sam",
    concerns: [{ indication: "ALOPECIA", bodyArea: "SCALP", baselineScale: "HAIR_COUNT", baselineScore: 80 }],
    plan: {
      sessionsPlanned: 12,
      intervalWeeks: 1,
      device: "PEN",
      zones: [{ zone: "SCALP", depthMm: 1.0, depthMinMm: 0.5, depthMaxMm: 1.5 }],
    },
    sessions: [
      { day: 30, zones: [{ zone: "SCALP", depthMm: 1.0 }], serums: [{ key: "prp", zone: "SCALP" }] },
      { day: 37, zones: [{ zone: "SCALP", depthMm: 1.0 }] },
      { day: 60, zones: [{ zone: "SCALP", depthMm: 1.5 }] },
    ],
    assessments: [{ concern: 0, scale: "HAIR_COUNT", score: 95.5, day: 90 }],
  },
  {
    // Consulted and planned, never treated: counts towards course completion once due.
    patient: {
      givenName: "Viggo",
      familyName: "Marchetti",
      dateOfBirth: "1972-05-30",
      email: "viggo.m@example.com",
      fitzpatrick: "I",
      siteId: harbour,
    },
    practitioner: "ava",
    concerns: [{ indication: "LAXITY", bodyArea: "NECK", baselineScale: "SATISFACTION", baselineScore: 4 }],
    plan: {
      sessionsPlanned: 3,
      intervalWeeks: 4,
      device: "PEN",
      zones: [{ zone: "NECK", depthMm: 1.0, depthMinMm: 0.5, depthMaxMm: 1.0 }],
    },
    sessions: [],
    assessments: [],
  },
];

const CREATE_PATIENT = /* GraphQL */ `
  mutation ($input: PatientInput!) {
    createPatient(input: $input) {
      patient {
        id
      }
    }
  }
`;
const RECORD_CONSULTATION = /* GraphQL */ `
  mutation ($patientId: ID!, $input: ConsultationInput!) {
    recordConsultation(patientId: $patientId, input: $input) {
      consultation {
        id
        concerns {
          id
        }
      }
    }
  }
`;
const CREATE_PLAN = /* GraphQL */ `
  mutation ($input: TreatmentPlanInput!) {
    createTreatmentPlan(input: $input) {
      plan {
        id
      }
    }
  }
`;
const RECORD_SESSION = /* GraphQL */ `
  mutation ($patientId: ID!, $input: TreatmentSessionInput!) {
    recordTreatmentSession(patientId: $patientId, input: $input) {
      session {
        id
        version
      }
    }
  }
`;
const RECORD_EVENT = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $event: AdverseEventInput!) {
    recordAdverseEvent(sessionId: $id, version: $version, event: $event) {
      session {
        id
      }
    }
  }
`;
const RECORD_ASSESSMENT = /* GraphQL */ `
  mutation ($patientId: ID!, $input: AssessmentInput!) {
    recordAssessment(patientId: $patientId, input: $input) {
      assessment {
        id
      }
    }
  }
`;

function ok<T>(
  r: { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: T | null },
  what: string,
): T {
  expect(r.errors, `${what}: ${JSON.stringify(r.errors)}`).toBeUndefined();
  return r.data!;
}

/** Records the cohort; returns the created patients (with their identifying details). */
export async function recordCohort(api: Pick<TestApi, "gql" | "users">): Promise<CreatedPatient[]> {
  const created: CreatedPatient[] = [];
  for (const spec of COHORT) {
    const as: Principal = spec.practitioner === "ava" ? api.users.ava! : api.users.sam!;
    const { fitzpatrick, siteId, ...who } = spec.patient;
    const p = ok(
      await api.gql<{ createPatient: { patient: { id: string } } }>(
        CREATE_PATIENT,
        { input: { ...who, fitzpatrick, siteId } },
        as,
      ),
      "patient",
    ).createPatient.patient;
    created.push({ id: p.id, ...who });
    const consultation = ok(
      await api.gql<{ recordConsultation: { consultation: { id: string; concerns: { id: string }[] } } }>(
        RECORD_CONSULTATION,
        {
          patientId: p.id,
          input: {
            date: D0,
            siteId,
            concerns: spec.concerns.map((c) => ({ ...c, zones: [c.bodyArea] })),
            answers: noAnswers,
          },
        },
        as,
      ),
      "consultation",
    ).recordConsultation.consultation;
    if (!spec.plan) continue;
    const plan = ok(
      await api.gql<{ createTreatmentPlan: { plan: { id: string } } }>(
        CREATE_PLAN,
        {
          input: {
            consultationId: consultation.id,
            concernIds: consultation.concerns.map((c) => c.id),
            siteId,
            startDate: on(10),
            zones: spec.plan.zones,
            sessionsPlanned: spec.plan.sessionsPlanned,
            intervalWeeks: spec.plan.intervalWeeks,
            device: spec.plan.device,
          },
        },
        as,
      ),
      "plan",
    ).createTreatmentPlan.plan;
    created[created.length - 1]!.planId = plan.id;
    const sessionIds: { id: string; version: number }[] = [];
    for (const s of spec.sessions) {
      const device = spec.plan.device;
      const r = await api.gql<{ recordTreatmentSession: { session: { id: string; version: number } } }>(
        RECORD_SESSION,
        {
          patientId: p.id,
          input: {
            planId: plan.id,
            siteId,
            performedOn: on(s.day),
            device,
            ...(device === "PEN" ? { cartridge: { needleCount: 12, lotNumber: "CART-7" } } : {}),
            ...(device === "RF_MICRONEEDLING" ? { rf: { energyLevel: 20, pulseDurationMs: 100 } } : {}),
            zones: s.zones.map((z) => ({ ...z, passes: 2 })),
            serumsApplied: (s.serums ?? []).map((x) => ({
              serumId: serum(x.key),
              lotNumber: lot(x.key),
              zone: x.zone,
            })),
            aftercareGiven: true,
            adverseEvents: (s.adverseEvents ?? []).map((e) => ({
              type: e.type,
              severity: e.severity,
              onsetOn: on(e.onsetDay),
              ...(e.durationDays !== undefined ? { durationDays: e.durationDays } : {}),
              notes: `Called ${spec.patient.givenName} ${spec.patient.familyName} on ${spec.patient.phone ?? "their phone"}`,
            })),
            rescreen: noAnswers,
            notes: `${spec.patient.givenName} ${spec.patient.familyName} (born ${spec.patient.dateOfBirth}) tolerated it well`,
            immediateReactions: `Mild redness, ${spec.patient.email ?? "no email"}`,
          },
        },
        as,
      );
      sessionIds.push(ok(r, `session day ${s.day}`).recordTreatmentSession.session);
    }
    if (spec.lateEvent && sessionIds[0]) {
      const e = spec.lateEvent;
      ok(
        await api.gql(
          RECORD_EVENT,
          {
            id: sessionIds[0].id,
            version: sessionIds[0].version,
            event: {
              type: e.type,
              severity: e.severity,
              onsetOn: on(e.onsetDay),
              durationDays: e.durationDays,
              notes: `${spec.patient.givenName} phoned`,
            },
          },
          as,
        ),
        "late adverse event",
      );
    }
    for (const a of spec.assessments) {
      ok(
        await api.gql(
          RECORD_ASSESSMENT,
          {
            patientId: p.id,
            input: {
              concernId: consultation.concerns[a.concern]!.id,
              scale: a.scale,
              score: a.score,
              rater: a.rater ?? "CLINICIAN",
              assessedOn: on(a.day),
              notes: `Reviewed with ${spec.patient.givenName} ${spec.patient.familyName}`,
            },
          },
          as,
        ),
        `assessment ${a.scale} day ${a.day}`,
      );
    }
  }
  return created;
}

/** Every item of the patients' collections, by kind (the tests' raw truth; tooling reads). */
export type Item = Record<string, unknown>;

export interface Raw {
  profiles: Item[];
  concerns: Item[];
  sessions: Item[];
  assessments: Item[];
  plans: Item[];
}

export async function readCollections(api: TestApi, groupId: string, patientIds: string[]): Promise<Raw> {
  const raw: Raw = { profiles: [], concerns: [], sessions: [], assessments: [], plans: [] };
  for (const id of patientIds) {
    let start: Record<string, unknown> | undefined;
    do {
      const res = await api.db.doc.send(
        new QueryCommand({
          TableName: api.db.tableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": Keys.patientPk(groupId, id) },
          ExclusiveStartKey: start,
        }),
      );
      for (const it of res.Items ?? []) {
        if (it.sk === "PROFILE") raw.profiles.push(it);
        else if (it.type === "Concern") raw.concerns.push(it);
        else if (it.type === "TreatmentSession") raw.sessions.push(it);
        else if (it.type === "Assessment") raw.assessments.push(it);
        else if (it.type === "TreatmentPlan") raw.plans.push(it);
      }
      start = res.LastEvaluatedKey;
    } while (start);
  }
  return raw;
}
