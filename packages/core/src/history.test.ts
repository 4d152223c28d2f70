import { describe, expect, it } from "vitest";
import { screen, type ScreenInput, type ScreeningAnswers } from "./contraindications";
import { BLOCKING_HISTORY_FLAGS, SCREENED_MEDICATION_CLASSES } from "./history";
import { HISTORY_FLAGS, MEDICATION_CLASSES } from "./patient";
import { DEFAULT_SETTINGS } from "./settings";

const NO: ScreeningAnswers = {
  activeSkinInfection: false,
  activeAcneInArea: false,
  activeHerpesOutbreak: false,
  openWounds: false,
  pregnantOrBreastfeeding: false,
  eczemaPsoriasisRosaceaFlareInArea: false,
  sunburn: false,
};
const run = (patient: Partial<ScreenInput["patient"]>) =>
  screen({
    patient: { allergies: [], medications: [], historyFlags: [], fitzpatrick: "II", ...patient },
    answers: NO,
    settings: DEFAULT_SETTINGS,
    onDate: "2026-06-01",
  });

describe("the standing record as the screen sees it", () => {
  it("blocks for exactly the blocking history flags", () => {
    for (const flag of HISTORY_FLAGS) {
      const blocks = run({ historyFlags: [flag] }).some((f) => f.level === "BLOCK");
      expect([flag, blocks]).toEqual([flag, BLOCKING_HISTORY_FLAGS.has(flag)]);
    }
  });

  it("finds something for a current medication of exactly the screened classes", () => {
    for (const cls of MEDICATION_CLASSES) {
      const found = run({ medications: [{ name: "x", class: cls, startedOn: "2026-01-01" }] }).length > 0;
      // OTHER is screened by its name: one the dictionary does not know asks to be classified.
      const expected = SCREENED_MEDICATION_CLASSES.has(cls) || cls === "OTHER";
      expect([cls, found]).toEqual([cls, expected]);
    }
  });
});
