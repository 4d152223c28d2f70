import { describe, expect, it } from "vitest";
import {
  NOTHING_TO_REPORT_ANSWERS,
  addOverride,
  partialScreeningAnswers,
  screenStatus,
  standingFlags,
  treatmentArea,
  validateConsultationInput,
} from "./consultations";
import {
  screen,
  validateScreeningAnswers,
  type ContraindicationFinding,
  type Override,
} from "./contraindications";
import type { DomainError } from "./errors";
import { DEFAULT_SETTINGS } from "./settings";

const NOW = new Date("2026-11-25T10:00:00Z");
const answers = {
  activeSkinInfection: false,
  activeAcneInArea: false,
  activeHerpesOutbreak: false,
  openWounds: false,
  pregnantOrBreastfeeding: false,
  eczemaPsoriasisRosaceaFlareInArea: false,
  sunburn: false,
};
const concern = { indication: "WRINKLES", bodyArea: "FOREHEAD", baselineScale: "LEMPERLE", baselineScore: 3 };

const fields = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).fields.map((f) => f.path).sort();
  }
  throw new Error("expected a DomainError");
};

describe("validateConsultationInput", () => {
  it("dates the baselines on the consultation day and keeps the zones", () => {
    const v = validateConsultationInput(
      {
        date: "2026-11-20",
        siteId: "harbour",
        concerns: [{ ...concern, zones: ["FOREHEAD", "PERIORBITAL", "FOREHEAD"] }],
        answers,
      },
      NOW,
    );
    expect(v.concerns[0]).toMatchObject({
      indication: "WRINKLES",
      baselineOn: "2026-11-20",
      status: "ACTIVE",
      zones: ["FOREHEAD", "PERIORBITAL"],
    });
    expect(v.answers.chemoOrRadiotherapyCurrent).toBe(false);
  });

  it("lists every problem under its path: concern fields, zones, answers, date", () => {
    expect(
      fields(() =>
        validateConsultationInput(
          {
            date: "2026-12-01",
            siteId: "",
            concerns: [
              { ...concern, baselineScale: "HAIR_COUNT", zones: ["ELBOW"] },
              { ...concern, baselineScore: 9 },
            ],
            answers: { ...answers, sunburn: undefined },
          },
          NOW,
        ),
      ),
    ).toEqual([
      "answers.sunburn",
      "concerns.0.baselineScale",
      "concerns.0.zones.0",
      "concerns.1.baselineScore",
      "date",
      "siteId",
    ]);
  });

  it("needs at least one concern", () => {
    expect(
      fields(() =>
        validateConsultationInput({ date: "2026-11-20", siteId: "h", concerns: [], answers }, NOW),
      ),
    ).toEqual(["concerns"]);
  });
});

describe("treatmentArea", () => {
  it("unions the concerns' zones, falling back to the body area", () => {
    expect(
      treatmentArea([
        { bodyArea: "CHEEKS", zones: [] },
        { bodyArea: "FOREHEAD", zones: ["FOREHEAD", "CHEEKS", "NOSE"] },
      ]),
    ).toEqual(["CHEEKS", "FOREHEAD", "NOSE"]);
  });
});

describe("partialScreeningAnswers", () => {
  it("screens unanswered questions as no for now and lists them", () => {
    const r = partialScreeningAnswers({ activeSkinInfection: true }, "2026-11-25");
    expect(r.answers.activeSkinInfection).toBe(true);
    expect(r.answers.sunburn).toBe(false);
    expect(r.unanswered).toContain("sunburn");
    expect(r.unanswered).not.toContain("activeSkinInfection");
    expect(r.unanswered).not.toContain("toxinDate");
  });
  it("still checks dates", () => {
    expect(fields(() => partialScreeningAnswers({ toxinDate: "2027-01-01" }, "2026-11-25"))).toEqual([
      "toxinDate",
    ]);
  });
});

const block: ContraindicationFinding = {
  code: "ANTICOAGULANT",
  level: "BLOCK",
  reason: "r",
  source: "s",
  overridable: true,
};
const warn: ContraindicationFinding = {
  code: "FITZPATRICK_PIH_RISK",
  level: "WARN",
  reason: "r",
  source: "s",
  overridable: true,
};
const fixed: ContraindicationFinding = {
  code: "LOT_EXPIRED",
  level: "BLOCK",
  reason: "r",
  source: "s",
  overridable: false,
};
const by = { by: "u-ava", at: "2026-11-25T10:00:00.000Z" };

describe("overrides on a consultation", () => {
  it("clears a BLOCK once overridden with a reason", () => {
    expect(screenStatus([block, warn], [])).toEqual({ cleared: false, unresolvedBlocks: [block] });
    const next = addOverride<Override>([block, warn], [], {
      code: "ANTICOAGULANT",
      reason: " GP letter: INR stable ",
      ...by,
    });
    expect(next).toEqual([{ code: "ANTICOAGULANT", reason: "GP letter: INR stable", ...by }]);
    expect(screenStatus([block, warn], next)).toEqual({ cleared: true, unresolvedBlocks: [] });
  });

  it("refuses an override without a reason, for a finding that is not there, twice, or for a fixed finding", () => {
    expect(fields(() => addOverride([block], [], { code: "ANTICOAGULANT", reason: "  ", ...by }))).toEqual([
      "override.reason",
    ]);
    expect(
      fields(() =>
        addOverride([block], [], {
          code: "ISOTRETINOIN",
          reason: "GP letter on file: INR stable, bruising discussed",
          ...by,
        }),
      ),
    ).toEqual(["override.code"]);
    const once = addOverride([block], [], {
      code: "ANTICOAGULANT",
      reason: "GP letter on file: INR stable, bruising discussed",
      ...by,
    });
    expect(
      fields(() =>
        addOverride([block], once, {
          code: "ANTICOAGULANT",
          reason: "Second opinion from the haematologist agrees",
          ...by,
        }),
      ),
    ).toEqual(["override.code"]);
    expect(
      fields(() =>
        addOverride([fixed], [], {
          code: "LOT_EXPIRED",
          reason: "GP letter on file: INR stable, bruising discussed",
          ...by,
        }),
      ),
    ).toEqual(["override.code"]);
  });
});

describe("an override's reason", () => {
  it.each(["test", "x", "n/a", "ok", "override approved", "xxxxxxxxxxxxxxxxxxxx"])(
    "refuses the placeholder %j with BAD_USER_INPUT on the reason, saying why",
    (reason) => {
      try {
        addOverride([block], [], { code: "ANTICOAGULANT", reason, ...by });
        expect.unreachable();
      } catch (e) {
        expect((e as DomainError).code).toBe("BAD_USER_INPUT");
        const fields = (e as DomainError).fields;
        expect(fields.map((f) => f.path)).toEqual(["override.reason"]);
        expect(fields[0]?.reason).toContain("not a placeholder");
      }
    },
  );
});

describe("standingFlags", () => {
  const patient = {
    allergies: [],
    medications: [],
    historyFlags: ["KELOID_TENDENCY" as const],
    fitzpatrick: "II" as const,
  };

  it("screens the record on a day with nothing to report: the history stands", () => {
    const codes = standingFlags({ patient, settings: DEFAULT_SETTINGS, onDate: "2026-11-25" }).map(
      (f) => f.code,
    );
    expect(codes).toEqual(["KELOID_TENDENCY"]);
  });

  it("answers every yes/no question with no and gives no procedure date", () => {
    const answers = validateScreeningAnswers({ ...NOTHING_TO_REPORT_ANSWERS }, "2026-11-25");
    expect(answers).toEqual(NOTHING_TO_REPORT_ANSWERS);
    expect(
      screen({
        patient: { ...patient, historyFlags: [] },
        answers,
        settings: DEFAULT_SETTINGS,
        onDate: "2026-11-25",
      }),
    ).toEqual([]);
  });
});
