import { describe, expect, it } from "vitest";
import type { Allergy } from "../patient";
import { deviceFindings, metalsIn, zonesNear, type DeviceScreeningInput } from "./device-screening";

const nickel: Allergy = { substance: "Nickel sulphate", kind: "ALLERGY", severity: "MODERATE" };
const gold: Allergy = { substance: "gold", kind: "ALLERGY", severity: "MILD" };
const base: DeviceScreeningInput = {
  device: "RF_MICRONEEDLING",
  patient: { allergies: [], historyFlags: [] },
  implantedElectronicDevice: false,
  metalImplantZones: [],
  needleMaterial: "STAINLESS_STEEL",
  area: ["CHEEKS"],
};

type Case = [string, Partial<DeviceScreeningInput>, string[]];

const CASES: Case[] = [
  ["RF with nothing to declare raises nothing", {}, []],
  // Accepted before: RF was screened like mechanical needling.
  [
    "a pacemaker under RF is a hard stop",
    { implantedElectronicDevice: true },
    ["IMPLANTED_ELECTRONIC_DEVICE:false"],
  ],
  ["a pacemaker with a pen is not a device matter", { device: "PEN", implantedElectronicDevice: true }, []],
  [
    "RF without asking about implanted devices is refused",
    { implantedElectronicDevice: null },
    ["IMPLANTED_DEVICE_NOT_ASKED:false"],
  ],
  [
    "a jaw plate near the cheeks blocks RF",
    { metalImplantZones: ["JAWLINE"] },
    ["METAL_IMPLANT_IN_AREA:true"],
  ],
  ["a knee-level implant far from the face does not", { metalImplantZones: ["THIGHS"] }, []],
  [
    "metal implants do not block mechanical needling",
    { device: "DERMAROLLER", metalImplantZones: ["CHEEKS"] },
    [],
  ],
  [
    "RF without asking about metal implants blocks",
    { metalImplantZones: null },
    ["METAL_IMPLANT_NOT_ASKED:true"],
  ],
  [
    "a nickel allergy with stainless steel needles blocks",
    { device: "PEN", patient: { allergies: [nickel], historyFlags: [] } },
    ["NEEDLE_MATERIAL_ALLERGY:true"],
  ],
  [
    "a nickel allergy with nickel-free needles is fine",
    { device: "PEN", needleMaterial: "NICKEL_FREE", patient: { allergies: [nickel], historyFlags: [] } },
    [],
  ],
  [
    "a gold allergy with gold-plated needles blocks",
    { device: "PEN", needleMaterial: "GOLD_PLATED", patient: { allergies: [gold], historyFlags: [] } },
    ["NEEDLE_MATERIAL_ALLERGY:true"],
  ],
  [
    "a severe nickel allergy with stainless steel is a hard stop",
    { device: "PEN", patient: { allergies: [{ ...nickel, severity: "SEVERE" }], historyFlags: [] } },
    ["NEEDLE_SEVERE_ALLERGY:false"],
  ],
  [
    "the nickel history flag with the material not recorded blocks until it is",
    { device: "PEN", needleMaterial: null, patient: { allergies: [], historyFlags: ["NICKEL_ALLERGY"] } },
    ["NEEDLE_MATERIAL_NOT_RECORDED:true"],
  ],
];

describe("deviceFindings", () => {
  it.each(CASES)("%s", (_name, over, expected) => {
    const fs = deviceFindings({ ...base, ...over });
    expect(fs.map((f) => `${f.code}:${String(f.overridable)}`)).toEqual(expected);
    for (const f of fs) {
      expect(f.level).toBe("BLOCK");
      expect(f.source).toContain("DOMAIN.md Device-specific contraindications");
    }
  });
});

describe("helpers", () => {
  it("reads metals from allergy text", () => {
    expect(metalsIn("Stainless steel jewellery")).toEqual(["NICKEL", "CHROMIUM", "COBALT"]);
    expect(metalsIn("Penicillin")).toEqual([]);
  });
  it("counts an implant in or next to a treated zone", () => {
    expect(zonesNear(["JAWLINE"], ["CHEEKS", "FOREHEAD"])).toEqual(["CHEEKS"]);
    expect(zonesNear(["FOREHEAD"], ["FOREHEAD"])).toEqual(["FOREHEAD"]);
  });
});
