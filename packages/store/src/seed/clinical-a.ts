import {
  ConsultationRules,
  Contraindications,
  PlanRules,
  Protocols,
  Serums as SerumRules,
  Settings,
  type Patient,
  type Serum,
  type ScreeningAnswers,
} from "@needlework/core";
import { planWithState } from "../clinical/plans";
import { formatRef } from "../clinical/refs";
import { registerSeeder, type DemoGroup } from "./demo";
import {
  concernItem,
  consultationItem,
  type Concern,
  type Consultation,
  type RecordedOverride,
} from "../entities/consultation";
import { planItem, type PlannedSerum, type TreatmentPlan } from "../entities/plan";

/**
 * Demo clinical history, part A: consultations with their screens (some blocked, some overridden
 * with a reason), the concerns they recorded, and treatment plans built from core's suggestion, with
 * the same rules and item builders as the write functions, so the demo reads exactly like recorded
 * data. Ids and dates are fixed, so seeding twice writes nothing new.
 *
 * Plans carry no sessions here (their `sessionDates` are empty); DEMO_PLANS names them so sessions
 * seeded elsewhere can point at them.
 */

/** "Now" for the seed's validation, so fixed consultation dates never count as in the future. */
const SEED_NOW = new Date("2026-12-31T00:00:00Z");

const NO: ScreeningAnswers = {
  activeSkinInfection: false,
  activeAcneInArea: false,
  activeHerpesOutbreak: false,
  openWounds: false,
  pregnantOrBreastfeeding: false,
  eczemaPsoriasisRosaceaFlareInArea: false,
  sunburn: false,
  chemoOrRadiotherapyCurrent: false,
};

interface DemoConsultationSpec {
  /** Patient number in the demo group (demo-<group>-pNN). */
  patient: number;
  date: string;
  siteId: string;
  by: { id: string; name: string };
  concerns: ConsultationRules.ConsultationConcernInput[];
  answers?: Partial<ScreeningAnswers>;
  overrides?: { code: string; reason: string }[];
  plan?: { startDate: string; serumKeys: string[]; serumOverrides?: { key: string; reason: string }[] };
}

const AVA = { id: "u-ava", name: "Ava Reid" };
const SAM = { id: "u-sam", name: "Sam Okafor" };
const ZOE = { id: "u-zoe", name: "Zoe Park" };

const SPECS: Record<string, DemoConsultationSpec[]> = {
  glow: [
    {
      patient: 1,
      date: "2026-10-05",
      siteId: "harbour",
      by: AVA,
      concerns: [
        {
          indication: "ACNE_SCARRING",
          bodyArea: "CHEEKS",
          baselineScale: "GOODMAN_BARON_QUALITATIVE",
          baselineScore: 3,
          notes: "Rolling and boxcar scars, both cheeks.",
        },
      ],
      overrides: [
        {
          code: "ANAESTHETIC_ALLERGY",
          reason: "No topical anaesthetic: cold-air cooling only. Discussed and consented 2026-10-05.",
        },
      ],
      plan: { startDate: "2026-10-19", serumKeys: ["hyaluronic-acid"] },
    },
    {
      patient: 2,
      date: "2026-11-02",
      siteId: "harbour",
      by: AVA,
      concerns: [
        {
          indication: "WRINKLES",
          bodyArea: "FOREHEAD",
          zones: ["FOREHEAD", "PERIORBITAL"],
          baselineScale: "LEMPERLE",
          baselineScore: 3,
        },
      ],
      plan: { startDate: "2026-11-16", serumKeys: ["hyaluronic-acid"] },
    },
    {
      // Warfarin: blocked, waiting for the prescriber's advice; no plan.
      patient: 4,
      date: "2026-11-10",
      siteId: "harbour",
      by: AVA,
      concerns: [
        { indication: "WRINKLES", bodyArea: "FOREHEAD", baselineScale: "LEMPERLE", baselineScore: 4 },
      ],
    },
    {
      // Isotretinoin stopped 2026-08-15: blocked until 2027-02-15; no plan.
      patient: 5,
      date: "2026-11-12",
      siteId: "harbour",
      by: SAM,
      concerns: [
        {
          indication: "ACNE_SCARRING",
          bodyArea: "CHEEKS",
          baselineScale: "GOODMAN_BARON_QUANTITATIVE",
          baselineScore: 38,
        },
      ],
    },
    {
      patient: 8,
      date: "2026-10-20",
      siteId: "riverside",
      by: SAM,
      concerns: [{ indication: "MELASMA", bodyArea: "CHEEKS", baselineScale: "MMASI", baselineScore: 8.4 }],
      answers: { toxinDate: "2026-10-13" },
      plan: { startDate: "2026-11-03", serumKeys: ["tranexamic-acid"] },
    },
    {
      patient: 9,
      date: "2026-11-06",
      siteId: "riverside",
      by: SAM,
      concerns: [
        { indication: "ALOPECIA", bodyArea: "SCALP", baselineScale: "HAIR_COUNT", baselineScore: 62 },
      ],
      plan: {
        startDate: "2026-11-09",
        serumKeys: ["prp", "minoxidil"],
        serumOverrides: [
          {
            key: "minoxidil",
            reason: "Applied at home once the scalp has healed (day 2), never during needling.",
          },
        ],
      },
    },
  ],
  northside: [
    {
      patient: 1,
      date: "2026-11-18",
      siteId: "central",
      by: ZOE,
      concerns: [
        { indication: "REJUVENATION", bodyArea: "CHEEKS", baselineScale: "SATISFACTION", baselineScore: 5 },
      ],
      plan: { startDate: "2026-12-02", serumKeys: ["hyaluronic-acid"] },
    },
  ],
};

const patientId = (groupId: string, n: number) => `demo-${groupId}-p${String(n).padStart(2, "0")}`;
const at = (date: string) => `${date}T10:00:00.000Z`;

/** The serum catalogue the demo's other seeder writes (`srm-<key>`), as core sees it. */
function catalogue(): Serum[] {
  return SerumRules.SERUM_CATALOGUE_SEED.map(({ key, ...s }) => ({ ...s, id: `srm-${key}`, lots: [] }));
}

export interface DemoClinicalA {
  consultations: Consultation[];
  concerns: Concern[];
  plans: TreatmentPlan[];
}

/** The demo records of one group, built with core's rules exactly as the write functions do. */
export function clinicalADemo(g: DemoGroup): DemoClinicalA {
  const groupId = g.group.id;
  const settings = Settings.DEFAULT_SETTINGS;
  const serums = catalogue();
  const out: DemoClinicalA = { consultations: [], concerns: [], plans: [] };
  for (const spec of SPECS[groupId] ?? []) {
    const pid = patientId(groupId, spec.patient);
    const patient: Patient | undefined = g.patients.find((p) => p.id === pid);
    if (!patient) continue;
    const fields = ConsultationRules.validateConsultationInput(
      { date: spec.date, siteId: spec.siteId, concerns: spec.concerns, answers: { ...NO, ...spec.answers } },
      SEED_NOW,
    );
    const stamp = {
      version: 1,
      createdAt: at(spec.date),
      createdBy: spec.by.id,
      updatedAt: at(spec.date),
      updatedBy: spec.by.id,
    };
    const consultationId = `demo-c${String(spec.patient).padStart(2, "0")}`;
    const concerns: Concern[] = fields.concerns.map((c, i) => ({
      ...c,
      id: `${consultationId}-k${i + 1}`,
      groupId,
      patientId: pid,
      consultationRef: formatRef({ patientId: pid, date: fields.date, id: consultationId }),
      ...stamp,
    }));
    const findings = Contraindications.screen({
      patient,
      answers: fields.answers,
      settings,
      onDate: fields.date,
      area: ConsultationRules.treatmentArea(fields.concerns),
    });
    let overrides: RecordedOverride[] = [];
    for (const o of spec.overrides ?? [])
      overrides = ConsultationRules.addOverride(findings, overrides, {
        ...o,
        by: spec.by.id,
        byName: spec.by.name,
        at: at(spec.date),
      });
    const consultation: Consultation = {
      id: consultationId,
      groupId,
      patientId: pid,
      siteId: fields.siteId,
      date: fields.date,
      practitionerId: spec.by.id,
      practitionerName: spec.by.name,
      concernIds: concerns.map((c) => c.id),
      answers: fields.answers,
      findings,
      overrides,
      patientVersion: patient.version,
      ...stamp,
      version: overrides.length > 0 ? 2 : 1,
    };
    out.consultations.push(consultation);
    out.concerns.push(...concerns);

    if (!spec.plan) continue;
    // A plan is only ever made from a cleared consultation.
    if (!ConsultationRules.screenStatus(findings, overrides).cleared)
      throw new Error(`demo plan for ${pid}: consultation not cleared`);
    const suggested = Protocols.suggestPlan({ concerns, patient, catalogue: serums });
    const { plan: valid, aboveZoneDefault } = Protocols.validatePlanInput({
      concernIds: concerns.map((c) => c.id),
      startOn: spec.plan.startDate,
      zones: suggested.zones.map(({ zone, depthMm, depthMinMm, depthMaxMm }) => ({
        zone,
        depthMm,
        depthMinMm,
        depthMaxMm,
      })),
      sessionsPlanned: suggested.sessions,
      intervalWeeks: suggested.intervalWeeks,
      device: suggested.device,
      serumIds: spec.plan.serumKeys.map((k) => `srm-${k}`),
    });
    const planned = valid.serumIds.map((id) => serums.find((s) => s.id === id)!);
    const resolved = PlanRules.resolvePlannedSerums(
      planned.map((s) => ({
        serumId: s.id,
        serumName: s.name,
        findings: PlanRules.checkPlannedSerum({ patient, serum: s, onDate: valid.startOn, settings }),
      })),
      (spec.plan.serumOverrides ?? []).map((o) => ({ serumId: `srm-${o.key}`, reason: o.reason })),
      { by: spec.by.id, at: at(spec.date) },
    );
    const plannedSerums: PlannedSerum[] = resolved.map((r) => ({
      serumId: r.serumId,
      name: r.serumName,
      findings: r.findings,
      override:
        r.overrideReason === undefined
          ? undefined
          : { reason: r.overrideReason, by: spec.by.id, byName: spec.by.name, at: at(spec.date) },
    }));
    out.plans.push(
      planWithState(
        {
          id: `demo-plan${String(spec.patient).padStart(2, "0")}`,
          groupId,
          patientId: pid,
          siteId: fields.siteId,
          consultationRef: formatRef({ patientId: pid, date: fields.date, id: consultationId }),
          concernIds: valid.concernIds,
          keyDate: valid.startOn,
          startDate: valid.startOn,
          zones: valid.zones,
          aboveZoneDefault,
          sessionsPlanned: valid.sessionsPlanned,
          intervalWeeks: valid.intervalWeeks,
          device: valid.device,
          plannedSerums,
          notes: suggested.notes.length ? suggested.notes.join(" ") : undefined,
          sessionDates: [],
          ...stamp,
        },
        settings,
        false,
      ),
    );
  }
  return out;
}

/** The demo plans by group: `<patientId>|<startDate>|<planId>` local ids for sessions seeded elsewhere. */
export function demoPlanRefs(g: DemoGroup): string[] {
  return clinicalADemo(g).plans.map((p) => formatRef({ patientId: p.patientId, date: p.keyDate, id: p.id }));
}

export function clinicalAItems(g: DemoGroup): Record<string, unknown>[] {
  const d = clinicalADemo(g);
  return [...d.consultations.map(consultationItem), ...d.concerns.map(concernItem), ...d.plans.map(planItem)];
}

registerSeeder((_db, g) => clinicalAItems(g));
