import { Serums as SerumRules, Settings, type Principal, type Rater, type SerumLot } from "@needlework/core";
import { buildAssessment } from "../clinical/assessments";
import { addPlanProgress } from "../clinical/plans";
import { formatRef, type RecordRef } from "../clinical/refs";
import { seededSerum } from "../clinical/serums";
import { buildSession, sessionWrites, type RecordSessionInput } from "../sessions";
import { Tx } from "../tx";
import { clinicalADemo } from "./clinical-a";
import { registerSeeder, type DemoGroup } from "./demo";
import { assessmentItem, type Assessment } from "../entities/assessment";
import { type Concern } from "../entities/consultation";
import { planItem, type TreatmentPlan } from "../entities/plan";
import { serumItem, type SerumRecord } from "../entities/serum";
import { type TreatmentSession } from "../entities/session";

/**
 * Demo clinical history, part B: each group's serum catalogue (core's suggestions, each with a
 * current lot and an expired one kept for traceability), then sessions on the plans of part A,
 * assessments. Everything is built by the write functions' own builders (buildSession,
 * addPlanProgress, buildAssessment), so the demo reads exactly like recorded data; its analytics
 * (outcome records, rollups) are rebuilt from what this writes by the analytics post-seeder
 * (seed/analytics.ts), with the units the transactions add, so they equal what recording it would
 * have added. Ids and dates are fixed,
 * so seeding twice writes nothing new.
 */
const SEEDED_AT = "2026-01-05T09:00:00.000Z";
/** "Now" for the seed's validation, so fixed session dates never count as in the future. */
const SEED_NOW = new Date("2026-12-31T00:00:00Z");

/** Lot numbers: `<CODE>-<yymm>`; the 2409 lot has expired, the 2511 lot runs to late 2027. */
export function demoLots(key: string): SerumLot[] {
  const code = key
    .replace(/[^a-z]/g, "")
    .slice(0, 4)
    .toUpperCase();
  return [
    { lotNumber: `${code}-2409`, expiresOn: "2025-09-30" },
    { lotNumber: `${code}-2511`, expiresOn: "2027-11-30" },
  ];
}

export function demoSerums(groupId: string): SerumRecord[] {
  return SerumRules.SERUM_CATALOGUE_SEED.map((seed) =>
    seededSerum(groupId, seed, demoLots(seed.key), SEEDED_AT),
  );
}

/** The id of a seeded serum by its seed key, e.g. "hyaluronic-acid" → "srm-hyaluronic-acid". */
export const demoSerumId = (key: string): string => `srm-${key}`;

// --- Sessions and assessments ------------------------------------------------------------------------

type Staff = Pick<Principal, "userId" | "name">;
const AVA: Staff = { userId: "u-ava", name: "Ava Reid" };
const SAM: Staff = { userId: "u-sam", name: "Sam Okafor" };

interface SessionSpec {
  date: string;
  by: Staff;
  serums: { key: string; zone: string }[];
  numbing?: RecordSessionInput["numbing"];
  immediateReactions?: string;
  adverseEvents?: RecordSessionInput["adverseEvents"];
}

interface AssessmentSpec {
  date: string;
  by: Staff;
  scale: string;
  score: number;
  rater: Rater;
  /** Index of the session (in this spec's list) the score follows. */
  afterSession?: number;
}

interface PatientSpec {
  /** Patient number in the demo group; its plan is part A's `demo-planNN`. */
  patient: number;
  sessions: SessionSpec[];
  assessments: AssessmentSpec[];
}

const NUMBING = { agent: "Topical anaesthetic cream (lidocaine 4%)", minutes: 30 };

const SPECS: Record<string, PatientSpec[]> = {
  glow: [
    {
      // Acne scarring; allergic to lidocaine, so cooled with cold air instead of numbing cream.
      patient: 1,
      sessions: [
        {
          date: "2026-10-19",
          by: AVA,
          serums: [{ key: "hyaluronic-acid", zone: "CHEEKS" }],
          immediateReactions: "Pinpoint bleeding, even erythema.",
        },
        {
          date: "2026-11-16",
          by: AVA,
          serums: [{ key: "hyaluronic-acid", zone: "CHEEKS" }],
          immediateReactions: "Erythema, settled within the hour.",
        },
      ],
      assessments: [
        { date: "2026-10-05", by: AVA, scale: "GOODMAN_BARON_QUALITATIVE", score: 3, rater: "CLINICIAN" },
        {
          date: "2026-11-16",
          by: AVA,
          scale: "GOODMAN_BARON_QUALITATIVE",
          score: 2,
          rater: "CLINICIAN",
          afterSession: 1,
        },
        { date: "2026-11-16", by: AVA, scale: "GAIS", score: 3, rater: "PATIENT", afterSession: 1 },
      ],
    },
    {
      // Forehead and periorbital lines; herpes history (antiviral prophylaxis discussed).
      patient: 2,
      sessions: [
        {
          date: "2026-11-16",
          by: AVA,
          serums: [{ key: "hyaluronic-acid", zone: "FOREHEAD" }],
          numbing: NUMBING,
        },
      ],
      assessments: [{ date: "2026-11-02", by: AVA, scale: "LEMPERLE", score: 3, rater: "CLINICIAN" }],
    },
    {
      // Melasma at Riverside; redness lasted five days after the first session.
      patient: 8,
      sessions: [
        {
          date: "2026-11-03",
          by: SAM,
          serums: [{ key: "tranexamic-acid", zone: "CHEEKS" }],
          numbing: NUMBING,
          adverseEvents: [
            {
              type: "ERYTHEMA_OEDEMA",
              onsetOn: "2026-11-03",
              durationDays: 5,
              severity: "MILD",
              notes: "Settled with cool compresses.",
            },
          ],
        },
      ],
      assessments: [
        { date: "2026-11-24", by: SAM, scale: "MMASI", score: 6.9, rater: "CLINICIAN", afterSession: 0 },
      ],
    },
    {
      // Alopecia: weekly scalp sessions with PRP; minoxidil at home once healed.
      patient: 9,
      sessions: ["2026-11-09", "2026-11-16", "2026-11-23"].map((date) => ({
        date,
        by: SAM,
        serums: [{ key: "prp", zone: "SCALP" }],
        numbing: NUMBING,
      })),
      assessments: [
        { date: "2026-11-23", by: SAM, scale: "HAIR_COUNT", score: 68, rater: "CLINICIAN", afterSession: 2 },
      ],
    },
  ],
};

const NO_ANSWERS = {
  activeSkinInfection: false,
  activeAcneInArea: false,
  activeHerpesOutbreak: false,
  openWounds: false,
  pregnantOrBreastfeeding: false,
  eczemaPsoriasisRosaceaFlareInArea: false,
  sunburn: false,
};

const at = (date: string) => `${date}T11:00:00.000Z`;
const pad = (n: number) => String(n).padStart(2, "0");

export interface DemoClinicalB {
  serums: SerumRecord[];
  sessions: TreatmentSession[];
  /** Part A's plans with the seeded sessions counted (these restate part A's plan items). */
  plans: TreatmentPlan[];
  assessments: Assessment[];
}

/** The demo records of one group, built exactly as recording them through the API would. */
export function clinicalBDemo(g: DemoGroup): DemoClinicalB {
  const groupId = g.group.id;
  const settings = Settings.DEFAULT_SETTINGS;
  const serums = demoSerums(groupId);
  const a = clinicalADemo(g);
  const out: DemoClinicalB = { serums, sessions: [], plans: [], assessments: [] };
  for (const spec of SPECS[groupId] ?? []) {
    const patient = g.patients.find((p) => p.id === `demo-${groupId}-p${pad(spec.patient)}`);
    let plan = a.plans.find((p) => p.id === `demo-plan${pad(spec.patient)}`);
    if (!patient || !plan) continue;
    const planRef: RecordRef = { patientId: patient.id, date: plan.keyDate, id: plan.id };
    const consultation = a.consultations.find(
      (c) => formatRef({ patientId: c.patientId, date: c.date, id: c.id }) === plan!.consultationRef,
    )!;
    const concerns: Concern[] = a.concerns.filter((c) => plan!.concernIds.includes(c.id));
    const sessions: TreatmentSession[] = [];
    spec.sessions.forEach((s, i) => {
      const session = buildSession({
        id: `demo-s${pad(spec.patient)}-${i + 1}`,
        actor: s.by,
        at: at(s.date),
        patient,
        plan: plan!,
        planRef,
        consultation,
        concerns,
        catalogue: serums,
        settings,
        now: SEED_NOW,
        input: {
          planId: formatRef(planRef),
          siteId: plan!.siteId,
          performedOn: s.date,
          device: plan!.device ?? "PEN",
          cartridge: { needleCount: 12, lotNumber: "CART-2610" },
          zones: plan!.zones.map((z) => ({ zone: z.zone, depthMm: z.depthMm, passes: 2 })),
          serums: s.serums.map((x) => ({
            serumId: demoSerumId(x.key),
            lotNumber: demoLots(x.key)[1]!.lotNumber,
            zone: x.zone,
          })),
          numbing: s.numbing ?? null,
          immediateReactions: s.immediateReactions ?? null,
          aftercareGiven: true,
          adverseEvents: s.adverseEvents ?? [],
          rescreen: NO_ANSWERS,
        },
      });
      // The plan as the session transaction leaves it (the transaction itself is not sent).
      plan = {
        ...addPlanProgress(
          new Tx(),
          { ...s.by, email: "", role: "PRACTITIONER", groupId, siteIds: [] },
          plan!,
          s.date,
          settings,
          patient.siteId,
        ),
        updatedAt: at(s.date),
      };
      sessions.push(session);
    });
    out.sessions.push(...sessions);
    if (sessions.length > 0) out.plans.push(plan);

    const assessments: Assessment[] = [];
    spec.assessments.forEach((x, i) => {
      const concern = concerns[0]!;
      const after = x.afterSession === undefined ? undefined : sessions[x.afterSession];
      const built = buildAssessment({
        id: `demo-a${pad(spec.patient)}-${i + 1}`,
        by: x.by.userId,
        at: at(x.date),
        patient,
        concern,
        previous: assessments.filter((p) => p.concernId === concern.id),
        // What had been done by the day of the score.
        sessions: sessions.filter((s) => s.performedOn <= x.date),
        input: { concernId: concern.id, scale: x.scale, score: x.score, rater: x.rater, assessedOn: x.date },
        sessionRef: after ? { patientId: patient.id, date: after.performedOn, id: after.id } : undefined,
        now: SEED_NOW,
      });
      assessments.push(built.assessment);
    });
    out.assessments.push(...assessments);
  }
  return out;
}

export function clinicalBItems(g: DemoGroup): Record<string, unknown>[] {
  const d = clinicalBDemo(g);
  return [
    ...d.serums.map(serumItem),
    ...d.sessions.flatMap((s) => {
      const w = sessionWrites(s);
      return [w.session, ...w.lotTraces];
    }),
    ...d.plans.map(planItem),
    ...d.assessments.map(assessmentItem),
  ];
}

registerSeeder((_db, g) => clinicalBItems(g));
