import { describe, expect, it } from "vitest";
import { SCREENING_QUESTIONS } from "../../../packages/core/src/contraindications";
import {
  baselineScalesFor,
  emptyConcern,
  emptyConsultation,
  formPathOf,
  scaleAfterIndication,
  toAnswersInput,
  treatmentZones,
  validateConsultation,
  type ConsultationValues,
  type Question,
} from "./model";

const questions: Question[] = SCREENING_QUESTIONS.map((q) => ({
  key: q.key,
  kind: q.kind === "boolean" ? "BOOLEAN" : "DATE",
  required: q.required,
  label: q.label,
  help: q.help,
}));
const today = "2026-11-25";

function filled(): ConsultationValues {
  const v = emptyConsultation(today, questions);
  v.concerns = [
    {
      ...emptyConcern(),
      indication: "WRINKLES",
      bodyArea: "FOREHEAD",
      baselineScale: "LEMPERLE",
      baselineScore: "3",
    },
  ];
  for (const q of questions) if (q.kind === "BOOLEAN") v.answers[q.key] = "no";
  return v;
}

describe("the consultation form", () => {
  it("offers only baseline scales that measure the concern, never GAIS", () => {
    expect(baselineScalesFor("WRINKLES")).toEqual(["LEMPERLE", "SATISFACTION"]);
    expect(baselineScalesFor("ACNE_SCARRING")).toEqual([
      "GOODMAN_BARON_QUALITATIVE",
      "GOODMAN_BARON_QUANTITATIVE",
      "SATISFACTION",
    ]);
    expect(baselineScalesFor("ROSACEA")).toEqual(["SATISFACTION"]);
    expect(scaleAfterIndication("MELASMA", "LEMPERLE")).toBe("MMASI");
    expect(scaleAfterIndication("MELASMA", "SATISFACTION")).toBe("SATISFACTION");
  });

  it("sends unanswered questions as null so the screen can run half-filled", () => {
    const a = toAnswersInput({ sunburn: "yes", openWounds: "no", toxinDate: "" }, questions);
    expect(a.sunburn).toBe(true);
    expect(a.openWounds).toBe(false);
    expect(a.pregnantOrBreastfeeding).toBeNull();
    expect(a.toxinDate).toBeNull();
  });

  it("screens the zones chosen, or the body area when none are", () => {
    const v = filled();
    expect(treatmentZones(v.concerns)).toEqual(["FOREHEAD"]);
    v.concerns[0]!.zones = ["FOREHEAD", "PERIORBITAL"];
    expect(treatmentZones(v.concerns)).toEqual(["FOREHEAD", "PERIORBITAL"]);
  });

  it("refuses, in the form's words, what core refuses", () => {
    const ok = filled();
    expect(validateConsultation(ok, questions, today, "harbour")).toEqual({});

    const bad = filled();
    bad.concerns[0]!.baselineScore = "7";
    bad.answers.pregnantOrBreastfeeding = "";
    bad.answers.toxinDate = "2026-12-01";
    expect(validateConsultation(bad, questions, today, "harbour")).toEqual({
      "concerns.0.baselineScore": "Lemperle wrinkle assessment scale scores run from 0 to 5",
      "answers.pregnantOrBreastfeeding": "Answer yes or no",
      "answers.toxinDate": "Must not be after the consultation date",
    });

    const empty = filled();
    empty.concerns[0] = emptyConcern();
    empty.date = "2026-11-26";
    expect(validateConsultation(empty, questions, today, "harbour")).toEqual({
      date: "Date must not be in the future",
      "concerns.0.indication": "Choose the concern",
      "concerns.0.bodyArea": "Choose the body area",
      "concerns.0.baselineScale": "Choose a scale for the baseline",
      "concerns.0.baselineScore": "Score the baseline",
    });
  });

  it("places the API's field errors on the form's fields", () => {
    const v = filled();
    expect(formPathOf("concerns.0.baselineScore", v)).toBe("concerns.0.baselineScore");
    expect(formPathOf("concerns.0.zones.1", v)).toBe("concerns.0.zones");
    expect(formPathOf("answers.sunburn", v)).toBe("answers.sunburn");
    expect(formPathOf("concerns.3.indication", v)).toBeNull();
    expect(formPathOf("siteId", v)).toBeNull();
  });
});
