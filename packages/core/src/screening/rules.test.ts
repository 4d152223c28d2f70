import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings";
import { screenContext } from "./context";
import { SCREENING_RULES } from "./rules";
import {
  CONTRAINDICATION_CODES,
  type ContraindicationFinding,
  type ScreenInput,
  type ScreeningAnswers,
  type ScreeningRule,
} from "./types";

const NO: ScreeningAnswers = {
  activeSkinInfection: false,
  activeAcneInArea: false,
  activeHerpesOutbreak: false,
  openWounds: false,
  pregnantOrBreastfeeding: false,
  eczemaPsoriasisRosaceaFlareInArea: false,
  sunburn: false,
};
const ON = "2026-06-01";

interface Given {
  answers?: Partial<ScreeningAnswers>;
  patient?: Partial<ScreenInput["patient"]>;
  settings?: Partial<ScreenInput["settings"]>;
  area?: ScreenInput["area"];
}
const evaluate = (rule: ScreeningRule, g: Given): ContraindicationFinding[] =>
  rule.evaluate(
    screenContext({
      patient: { allergies: [], medications: [], historyFlags: [], fitzpatrick: "II", ...g.patient },
      answers: { ...NO, ...g.answers },
      settings: { ...DEFAULT_SETTINGS, ...g.settings },
      onDate: ON,
      ...(g.area ? { area: g.area } : {}),
    }),
  );

/** One finding expected: its code, level and source; `reason` is checked for the fragment given. */
interface Expect {
  code: string;
  level: "BLOCK" | "WARN";
  source: string;
  reasonHas?: string;
}
interface Case {
  /** When the rule fires. */
  fires: Given;
  expect: Expect[];
  /** The nearest input that must not fire (a boundary day, another class, another zone...). */
  quiet: Given;
}

const med = (
  cls: ScreenInput["patient"]["medications"][number]["class"],
  name: string,
  stoppedOn?: string,
) => ({
  name,
  class: cls,
  ...(stoppedOn ? { stoppedOn } : {}),
});

/** Every rule by id. Adding a rule to SCREENING_RULES without a case here fails "every rule has a case". */
const CASES: Record<string, Case> = {
  "active-skin-infection": {
    fires: { answers: { activeSkinInfection: true }, area: ["CHEEKS"] },
    expect: [
      {
        code: "ACTIVE_SKIN_INFECTION",
        level: "BLOCK",
        source: "screening answer: active skin infection",
        reasonHas: "(cheeks)",
      },
    ],
    quiet: { answers: { activeAcneInArea: true } },
  },
  "active-acne": {
    fires: { answers: { activeAcneInArea: true } },
    expect: [{ code: "ACTIVE_ACNE", level: "BLOCK", source: "screening answer: active acne in area" }],
    quiet: { answers: { activeSkinInfection: true } },
  },
  "active-herpes": {
    fires: { answers: { activeHerpesOutbreak: true } },
    expect: [{ code: "ACTIVE_HERPES", level: "BLOCK", source: "screening answer: active herpes outbreak" }],
    quiet: { patient: { historyFlags: ["HERPES_SIMPLEX_HISTORY"] } },
  },
  "open-wounds": {
    fires: { answers: { openWounds: true }, area: ["NECK"] },
    expect: [
      { code: "OPEN_WOUNDS", level: "BLOCK", source: "screening answer: open wounds", reasonHas: "(neck)" },
    ],
    quiet: { answers: { sunburn: true } },
  },
  "pregnant-or-breastfeeding": {
    fires: { answers: { pregnantOrBreastfeeding: true } },
    expect: [
      {
        code: "PREGNANT_OR_BREASTFEEDING",
        level: "BLOCK",
        source: "screening answer: pregnant or breastfeeding",
      },
    ],
    quiet: {},
  },
  "skin-flare-in-area": {
    fires: { answers: { eczemaPsoriasisRosaceaFlareInArea: true } },
    expect: [
      {
        code: "SKIN_FLARE_IN_AREA",
        level: "BLOCK",
        source: "screening answer: eczema/psoriasis/rosacea flare in area",
      },
    ],
    // A history of eczema is not a flare.
    quiet: { patient: { historyFlags: ["ECZEMA", "PSORIASIS", "ROSACEA"] } },
  },
  sunburn: {
    fires: { answers: { sunburn: true } },
    expect: [{ code: "SUNBURN", level: "WARN", source: "screening answer: sunburn" }],
    quiet: {},
  },
  "chemo-radiotherapy-now": {
    fires: { answers: { chemoOrRadiotherapyCurrent: true } },
    expect: [
      {
        code: "CHEMO_RADIOTHERAPY",
        level: "BLOCK",
        source: "screening answer: currently having chemotherapy/radiotherapy",
        reasonHas: "within the last 3 months",
      },
    ],
    quiet: { answers: { chemoOrRadiotherapyCurrent: null } },
  },
  "chemo-radiotherapy-recent": {
    // The period of 3 months after 2026-03-02 ends on 2026-06-02: onDate is its last day.
    fires: { answers: { chemoOrRadiotherapyDate: "2026-03-02" } },
    expect: [
      {
        code: "CHEMO_RADIOTHERAPY",
        level: "BLOCK",
        source:
          "screening answer: last chemotherapy/radiotherapy 2026-03-02; clinic setting: chemoRadiotherapyMonths=3",
      },
    ],
    quiet: { answers: { chemoOrRadiotherapyDate: "2026-03-01" } },
  },
  "chemo-radiotherapy-medication": {
    fires: {
      patient: {
        medications: [med("CHEMOTHERAPY", "Capecitabine"), med("RADIOTHERAPY", "Breast RT", "2026-04-01")],
      },
    },
    expect: [
      {
        code: "CHEMO_RADIOTHERAPY",
        level: "BLOCK",
        source: "medication: Capecitabine (chemotherapy) current; clinic setting: chemoRadiotherapyMonths=3",
      },
      {
        code: "CHEMO_RADIOTHERAPY",
        level: "BLOCK",
        source:
          "medication: Breast RT (radiotherapy) stopped 2026-04-01; clinic setting: chemoRadiotherapyMonths=3",
      },
    ],
    quiet: { patient: { medications: [med("RADIOTHERAPY", "Breast RT", "2026-03-01")] } },
  },
  isotretinoin: {
    fires: { patient: { medications: [med("ISOTRETINOIN", "Roaccutane", "2026-01-01")] } },
    expect: [
      {
        code: "ISOTRETINOIN",
        level: "BLOCK",
        source:
          "medication: Roaccutane (isotretinoin) stopped 2026-01-01; clinic setting: isotretinoinMonths=6, isotretinoinLevel=BLOCK",
        reasonHas: "(earliest 2026-07-01)",
      },
    ],
    quiet: { patient: { medications: [med("ISOTRETINOIN", "Roaccutane", "2025-12-01")] } },
  },
  "keloid-tendency": {
    fires: { patient: { historyFlags: ["KELOID_TENDENCY"] } },
    expect: [{ code: "KELOID_TENDENCY", level: "BLOCK", source: "history: keloid tendency" }],
    quiet: { patient: { historyFlags: ["BLEEDING_DISORDER"] } },
  },
  "bleeding-disorder": {
    fires: { patient: { historyFlags: ["BLEEDING_DISORDER"] } },
    expect: [{ code: "BLEEDING_DISORDER", level: "BLOCK", source: "history: bleeding disorder" }],
    quiet: { patient: { historyFlags: ["KELOID_TENDENCY"] } },
  },
  anticoagulant: {
    fires: { patient: { medications: [med("ANTICOAGULANT", "Warfarin")] } },
    expect: [
      { code: "ANTICOAGULANT", level: "BLOCK", source: "medication: Warfarin (anticoagulant) current" },
    ],
    // Stopped the day before: no waiting period for anticoagulants.
    quiet: { patient: { medications: [med("ANTICOAGULANT", "Warfarin", "2026-05-31")] } },
  },
  immunosuppression: {
    fires: { patient: { historyFlags: ["IMMUNOSUPPRESSION"] } },
    expect: [{ code: "IMMUNOSUPPRESSION", level: "BLOCK", source: "history: immunosuppression" }],
    quiet: { patient: { medications: [med("IMMUNOSUPPRESSANT", "Tacrolimus")] } },
  },
  immunosuppressant: {
    fires: { patient: { medications: [med("IMMUNOSUPPRESSANT", "Tacrolimus")] } },
    expect: [
      {
        code: "IMMUNOSUPPRESSION",
        level: "BLOCK",
        source: "medication: Tacrolimus (immunosuppressant) current",
      },
    ],
    quiet: { patient: { historyFlags: ["IMMUNOSUPPRESSION"] } },
  },
  antiplatelet: {
    fires: { patient: { medications: [med("OTHER", "aspirin 75 mg"), med("OTHER", "Clopidogrel")] } },
    expect: [
      {
        code: "ANTIPLATELET",
        level: "WARN",
        source:
          "medication: aspirin 75 mg (aspirin) (antiplatelet) current; DOMAIN.md Medicines by name; clinic setting: antiplatelet level warn",
        reasonHas: "an antiplatelet",
      },
      {
        code: "ANTIPLATELET",
        level: "WARN",
        source:
          "medication: Clopidogrel (antiplatelet) current; DOMAIN.md Medicines by name; clinic setting: antiplatelet level warn",
      },
    ],
    // Stopped the day before: only current antiplatelets count.
    quiet: { patient: { medications: [{ name: "Aspirin 75mg", class: "OTHER", stoppedOn: "2026-05-31" }] } },
  },
  photosensitiser: {
    fires: { patient: { medications: [med("OTHER", "Doxycycline 100mg od")] } },
    expect: [
      {
        code: "PHOTOSENSITISER",
        level: "WARN",
        source:
          "medication: Doxycycline 100mg od (doxycycline) (photosensitiser) current; DOMAIN.md Medicines by name",
      },
    ],
    quiet: { patient: { medications: [med("OTHER", "Doxycycline", "2026-05-31")] } },
  },
  "bruising-supplement": {
    fires: { patient: { medications: [med("OTHER", "Fish oil 1000mg")] } },
    expect: [
      {
        code: "BRUISING_SUPPLEMENT",
        level: "WARN",
        source:
          "medication: Fish oil 1000mg (fish oil) (bruising supplement) current; DOMAIN.md Medicines by name",
      },
    ],
    quiet: { patient: { medications: [med("OTHER", "Vitamin D")] } },
  },
  "unclassified-medication": {
    fires: { patient: { medications: [med("OTHER", "Levothyroxine 50mcg")] } },
    expect: [
      {
        code: "MEDICATION_UNCLASSIFIED",
        level: "WARN",
        source:
          "medication: Levothyroxine 50mcg (class not picked, name not recognised); DOMAIN.md Medicines by name",
        reasonHas: "classify it",
      },
    ],
    // A recognised name, or a class picked, needs no classifying.
    quiet: { patient: { medications: [med("OTHER", "Xarelto 20mg"), med("ANTIVIRAL", "Herpid")] } },
  },
  "uncontrolled-diabetes": {
    fires: { patient: { historyFlags: ["DIABETES_UNCONTROLLED"] } },
    expect: [{ code: "UNCONTROLLED_DIABETES", level: "BLOCK", source: "history: uncontrolled diabetes" }],
    quiet: { patient: { historyFlags: ["DIABETES_CONTROLLED"] } },
  },
  "nickel-allergy-history": {
    fires: { patient: { historyFlags: ["NICKEL_ALLERGY"] } },
    expect: [{ code: "METAL_ALLERGY", level: "BLOCK", source: "history: nickel allergy" }],
    quiet: { patient: { allergies: [{ substance: "Nickel", kind: "ALLERGY", severity: "MILD" }] } },
  },
  "anaesthetic-allergy-history": {
    fires: { patient: { historyFlags: ["ANAESTHETIC_ALLERGY"] } },
    expect: [{ code: "ANAESTHETIC_ALLERGY", level: "BLOCK", source: "history: anaesthetic allergy" }],
    quiet: { patient: { historyFlags: ["NICKEL_ALLERGY"] } },
  },
  "allergy-list": {
    fires: {
      patient: {
        allergies: [
          { substance: "Stainless steel", kind: "ALLERGY", severity: "MILD" },
          { substance: "Lidocaine", kind: "SENSITIVITY", severity: "MILD" },
          { substance: "Cobalt and lidocaine", kind: "ALLERGY", severity: "SEVERE" },
        ],
      },
    },
    expect: [
      {
        code: "METAL_ALLERGY",
        level: "BLOCK",
        source: "allergy: Stainless steel",
        reasonHas: "Needles must be confirmed free of it.",
      },
      {
        code: "ANAESTHETIC_ALLERGY",
        level: "WARN",
        source: "sensitivity: Lidocaine",
        reasonHas: "Sensitivity to the topical anaesthetic (Lidocaine)",
      },
      // A substance naming a metal is a metal allergy only.
      { code: "METAL_ALLERGY", level: "BLOCK", source: "allergy: Cobalt and lidocaine" },
    ],
    quiet: { patient: { allergies: [{ substance: "Peanut", kind: "ALLERGY", severity: "SEVERE" }] } },
  },
  "herpes-history": {
    fires: { patient: { historyFlags: ["HERPES_SIMPLEX_HISTORY"] }, area: ["THIGHS", "PERIORAL"] },
    expect: [{ code: "HERPES_HISTORY", level: "WARN", source: "history: herpes simplex" }],
    quiet: { patient: { historyFlags: ["HERPES_SIMPLEX_HISTORY"] }, area: ["THIGHS"] },
  },
  "fitzpatrick-pih-risk": {
    fires: { patient: { fitzpatrick: "IV" } },
    expect: [{ code: "FITZPATRICK_PIH_RISK", level: "WARN", source: "patient: Fitzpatrick IV" }],
    quiet: { patient: { fitzpatrick: "III" } },
  },
  "recent-toxin": {
    // 14 days after 2026-05-19 is 2026-06-02.
    fires: { answers: { toxinDate: "2026-05-19" } },
    expect: [
      {
        code: "RECENT_TOXIN",
        level: "WARN",
        source: "screening answer: toxin 2026-05-19; clinic setting: toxinDays=14",
      },
    ],
    quiet: { answers: { toxinDate: "2026-05-18" } },
  },
  "recent-filler": {
    fires: { answers: { fillerDate: "2026-05-05" } },
    expect: [
      {
        code: "RECENT_FILLER",
        level: "WARN",
        source: "screening answer: filler 2026-05-05; clinic setting: fillerDays=28",
      },
    ],
    quiet: { answers: { fillerDate: "2026-05-04" } },
  },
  "recent-peel-laser": {
    fires: { answers: { peelLaserDate: "2026-05-26" } },
    expect: [
      {
        code: "RECENT_PEEL_LASER",
        level: "WARN",
        source: "screening answer: peel/laser 2026-05-26; clinic setting: peelLaserRetinoidDays=7",
      },
    ],
    quiet: { answers: { peelLaserDate: "2026-05-25" } },
  },
  "recent-retinoid": {
    fires: { answers: { retinoidDate: "2026-05-26" } },
    expect: [
      {
        code: "RECENT_RETINOID",
        level: "WARN",
        source: "screening answer: retinoid 2026-05-26; clinic setting: peelLaserRetinoidDays=7",
      },
    ],
    quiet: { answers: { retinoidDate: "2026-05-25" } },
  },
  "topical-retinoid-medication": {
    fires: { patient: { medications: [med("TOPICAL_RETINOID", "Tretinoin", "2026-05-26")] } },
    expect: [
      {
        code: "RECENT_RETINOID",
        level: "WARN",
        source:
          "medication: Tretinoin (topical retinoid) stopped 2026-05-26; clinic setting: peelLaserRetinoidDays=7",
      },
    ],
    quiet: { patient: { medications: [med("TOPICAL_RETINOID", "Tretinoin", "2026-05-25")] } },
  },
};

describe("each screening rule", () => {
  it.each(SCREENING_RULES.map((r) => [r.id, r] as const))(
    "%s fires on its input and not on the nearest other",
    (id, rule) => {
      const c = CASES[id];
      expect(c, `no case for rule ${id}`).toBeDefined();
      if (!c) return;
      const found = evaluate(rule, c.fires);
      expect(
        found.map(({ code, level, source, overridable }) => ({ code, level, source, overridable })),
      ).toEqual(c.expect.map(({ code, level, source }) => ({ code, level, source, overridable: true })));
      c.expect.forEach((e, i) => {
        if (e.reasonHas) expect(found[i]?.reason).toContain(e.reasonHas);
      });
      expect(evaluate(rule, c.quiet)).toEqual([]);
    },
  );

  it.each(SCREENING_RULES.map((r) => [r.id, r] as const))(
    "%s finds nothing for a patient with nothing to find",
    (_id, rule) => {
      expect(evaluate(rule, {})).toEqual([]);
    },
  );
});

describe("the screening rule table", () => {
  it("has a unique id, a description and only known codes on every row", () => {
    const ids = SCREENING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of SCREENING_RULES) {
      expect(r.checks.length).toBeGreaterThan(0);
      expect(r.codes.length).toBeGreaterThan(0);
      for (const code of r.codes) expect(CONTRAINDICATION_CODES).toContain(code);
    }
  });

  it("raises every contraindication code from some rule", () => {
    const raised = new Set(SCREENING_RULES.flatMap((r) => r.codes));
    expect(CONTRAINDICATION_CODES.filter((c) => !raised.has(c))).toEqual([]);
  });

  it("every rule has a case, and every case a rule", () => {
    expect(Object.keys(CASES).sort()).toEqual(SCREENING_RULES.map((r) => r.id).sort());
  });

  it("raises only the codes a row declares", () => {
    for (const r of SCREENING_RULES) {
      const c = CASES[r.id];
      if (!c) continue;
      for (const f of evaluate(r, c.fires)) expect(r.codes).toContain(f.code);
    }
  });
});

describe("a clinic's settings", () => {
  const byId = (id: string): ScreeningRule => {
    const r = SCREENING_RULES.find((x) => x.id === id);
    if (!r) throw new Error(`no rule ${id}`);
    return r;
  };
  it("turn the isotretinoin BLOCK into a WARN that says so", () => {
    const [f] = evaluate(byId("isotretinoin"), {
      patient: { medications: [med("ISOTRETINOIN", "Roaccutane")] },
      settings: { isotretinoinLevel: "WARN" },
    });
    expect(f?.level).toBe("WARN");
    expect(f?.reason).toContain("Your clinic treats this as a warning");
    expect(f?.source).toContain("isotretinoinLevel=WARN");
  });
  it("lengthen a waiting period and name the clinic's setting as the source", () => {
    const [f] = evaluate(byId("recent-toxin"), {
      answers: { toxinDate: "2026-05-01" },
      settings: { toxinDays: 45 },
    });
    expect(f?.source).toBe("screening answer: toxin 2026-05-01; clinic setting: toxinDays=45");
  });
});

describe("medicines entered as OTHER, by name", () => {
  const byId = (id: string): ScreeningRule => {
    const r = SCREENING_RULES.find((x) => x.id === id);
    if (!r) throw new Error(`no rule ${id}`);
    return r;
  };
  const other = (name: string): Given => ({ patient: { medications: [med("OTHER", name)] } });
  it.each([
    [
      "isotretinoin",
      "Roaccutane 20mg",
      "ISOTRETINOIN",
      "BLOCK",
      "medication: Roaccutane 20mg (isotretinoin) current",
    ],
    ["anticoagulant", "Xarelto", "ANTICOAGULANT", "BLOCK", "medication: Xarelto (anticoagulant) current"],
    [
      "anticoagulant",
      "Eliquis 5mg bd",
      "ANTICOAGULANT",
      "BLOCK",
      "medication: Eliquis 5mg bd (anticoagulant) current",
    ],
    [
      "immunosuppressant",
      "methotrexate",
      "IMMUNOSUPPRESSION",
      "BLOCK",
      "medication: methotrexate (immunosuppressant) current",
    ],
    [
      "topical-retinoid-medication",
      "Differin gel",
      "RECENT_RETINOID",
      "WARN",
      "medication: Differin gel (topical retinoid) current",
    ],
  ] as const)("the %s row reads %s as its class", (id, name, code, level, source) => {
    const [f, ...rest] = evaluate(byId(id), other(name));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code, level });
    expect(f?.source.startsWith(source)).toBe(true);
  });
  it("the isotretinoin row follows the clinic's level for a brand name too", () => {
    const [f] = evaluate(byId("isotretinoin"), {
      ...other("ROACCUTANE 20 MG"),
      settings: { isotretinoinLevel: "WARN" },
    });
    expect(f?.level).toBe("WARN");
  });
  it("an antiplatelet blocks when the clinic sets antiplateletLevel to BLOCK", () => {
    const [f] = evaluate(byId("antiplatelet"), {
      ...other("clopidogrel"),
      settings: { antiplateletLevel: "BLOCK" },
    });
    expect(f).toMatchObject({ code: "ANTIPLATELET", level: "BLOCK", overridable: true });
    expect(f?.source).toContain("antiplatelet level block");
  });
  it("a recognised name raises no classify-it warning, an unknown one does", () => {
    expect(evaluate(byId("unclassified-medication"), other("methotrexate"))).toEqual([]);
    expect(evaluate(byId("unclassified-medication"), other("Zzzmedicine"))).toHaveLength(1);
  });
});
