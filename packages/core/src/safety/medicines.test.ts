import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings";
import { screen } from "../contraindications";
import type { Medication, MedicationClass } from "../patient";
import {
  effectiveClasses,
  medicationFindings,
  medicationsForScreening,
  normaliseMedicineName,
  recogniseMedicine,
} from "./medicines";

const med = (name: string, cls: MedicationClass = "OTHER", over: Partial<Medication> = {}): Medication => ({
  name,
  class: cls,
  ...over,
});

describe("recogniseMedicine", () => {
  it.each([
    // Accepted before: entered as OTHER these raised nothing.
    ["Roaccutane", "isotretinoin"],
    ["ROACCUTANE 20 MG", "isotretinoin"],
    ["rivaroxaban", "rivaroxaban"],
    ["clopidogrel 75mg od", "clopidogrel"],
    ["Aspirin 75 mg", "aspirin"],
    ["methotrexate 15mg weekly", "methotrexate"],
    ["Eliquis 5mg bd", "apixaban"],
    ["Eliquis5mg", "apixaban"],
    ["Clexane 40mg SC", "enoxaparin"],
    ["Brilique", "ticagrelor"],
    ["cyclosporine", "ciclosporin"],
    ["Humira 40 mg", "adalimumab"],
    ["Retin-A 0.05% cream", "tretinoin"],
    ["Isotrex gel", "topical isotretinoin"],
    ["St. John's Wort", "St John's wort"],
    ["Omega-3 fish oil 1000mg", "fish oil"],
    ["Ginkgo biloba", "ginkgo"],
    ["doxycycline 100mg", "doxycycline"],
  ])("%s → %s", (name, generic) => {
    expect(recogniseMedicine(name).map((e) => e.generic)).toContain(generic);
  });
  it.each([["Paracetamol"], ["heparinoid cream"], ["Levothyroxine 50mcg"], [""]])(
    "does not recognise %s",
    (name) => {
      expect(recogniseMedicine(name)).toEqual([]);
    },
  );
  it("reads topical isotretinoin as a retinoid cream, not oral isotretinoin", () => {
    expect(recogniseMedicine("topical isotretinoin").map((e) => e.class)).toEqual(["TOPICAL_RETINOID"]);
  });
  it("normalises case, punctuation, spacing and dose text", () => {
    expect(normaliseMedicineName("  ELIQUIS   5 mg B.D. ")).toBe("eliquis");
  });
});

describe("effectiveClasses", () => {
  it.each<[string, MedicationClass, string[], boolean]>([
    ["Roaccutane", "OTHER", ["ISOTRETINOIN"], false],
    ["Warfarin", "ANTICOAGULANT", ["ANTICOAGULANT"], false],
    ["clopidogrel", "ANTICOAGULANT", ["ANTICOAGULANT", "ANTIPLATELET"], false],
    ["My usual tablet", "IMMUNOSUPPRESSANT", ["IMMUNOSUPPRESSANT"], false],
    ["Something new", "OTHER", [], true],
  ])("%s picked %s → %j", (name, cls, classes, unclassified) => {
    const e = effectiveClasses(med(name, cls));
    expect(e.classes).toEqual(classes);
    expect(e.unclassified).toBe(unclassified);
  });
});

describe("medicationsForScreening", () => {
  it("lets the existing screen block isotretinoin, anticoagulants and immunosuppressants by name", () => {
    const patient = {
      allergies: [],
      historyFlags: [],
      medications: medicationsForScreening([
        med("Roaccutane 20mg"),
        med("Xarelto 20 mg"),
        med("Methotrexate"),
      ]),
    };
    const found = screen({
      patient,
      answers: {
        activeSkinInfection: false,
        activeAcneInArea: false,
        activeHerpesOutbreak: false,
        openWounds: false,
        pregnantOrBreastfeeding: false,
        eczemaPsoriasisRosaceaFlareInArea: false,
        sunburn: false,
      },
      settings: DEFAULT_SETTINGS,
      onDate: "2026-06-01",
    });
    expect(found.map((f) => f.code).sort()).toEqual(["ANTICOAGULANT", "IMMUNOSUPPRESSION", "ISOTRETINOIN"]);
  });
  it("keeps an unrecognised OTHER as it is", () => {
    expect(medicationsForScreening([med("Paracetamol")])).toEqual([med("Paracetamol")]);
  });
});

describe("medicationFindings", () => {
  const run = (meds: Medication[], level: "WARN" | "BLOCK" = "WARN") =>
    medicationFindings({
      medications: meds,
      onDate: "2026-06-01",
      settings: { antiplateletLevel: level },
    }).map((f) => `${f.code}:${f.level}`);
  it.each<[string, Medication[], "WARN" | "BLOCK", string[]]>([
    ["aspirin warns by default", [med("Aspirin 75mg")], "WARN", ["ANTIPLATELET:WARN"]],
    ["the clinic may block antiplatelets", [med("Plavix")], "BLOCK", ["ANTIPLATELET:BLOCK"]],
    ["a photosensitiser warns", [med("Doxycycline 40mg")], "WARN", ["PHOTOSENSITISER:WARN"]],
    ["a bruising supplement warns", [med("Vitamin E 400 IU")], "WARN", ["BRUISING_SUPPLEMENT:WARN"]],
    ["an unknown name asks to be classified", [med("Zapcillin")], "WARN", ["MEDICATION_UNCLASSIFIED:WARN"]],
    ["a picked class needs no classifying", [med("Zapcillin", "ANTIVIRAL")], "WARN", []],
    [
      "a stopped medicine is not screened",
      [med("Aspirin", "OTHER", { stoppedOn: "2026-05-01" })],
      "WARN",
      [],
    ],
  ])("%s", (_name, meds, level, expected) => {
    expect(run(meds, level)).toEqual(expected);
  });
  it("says the generic name and the clinic setting in plain words", () => {
    const [f] = medicationFindings({
      medications: [med("Brilinta 90mg bd")],
      onDate: "2026-06-01",
      settings: DEFAULT_SETTINGS,
    });
    expect(f?.reason).toContain("(ticagrelor)");
    expect(f?.reason).not.toContain("antiplateletLevel");
    expect(f?.source).toContain("DOMAIN.md Medicines by name");
  });
});
