import { ZONE_LABELS, type Zone } from "../concerns";
import type { Device } from "../devices";
import type { Allergy, HistoryFlag } from "../patient";
import { normalizeTerm } from "../terms";
import {
  DOMAIN,
  allergySource,
  blockFinding,
  hardStopFinding,
  isSevereReaction,
  type SafetyFinding,
} from "./findings";

/**
 * Device-specific contraindications (DOMAIN.md "Device-specific contraindications"). RF adds an
 * implanted electronic device (hard stop) and metal implants in or near the area (BLOCK for RF,
 * nothing for mechanical needling). For every device the needle material the session records is
 * checked against metal allergies.
 */

export const NEEDLE_MATERIALS = ["STAINLESS_STEEL", "GOLD_PLATED", "NICKEL_FREE"] as const;
export type NeedleMaterial = (typeof NEEDLE_MATERIALS)[number];

export const NEEDLE_MATERIAL_LABELS: Readonly<Record<NeedleMaterial, string>> = {
  STAINLESS_STEEL: "stainless steel",
  GOLD_PLATED: "gold-plated",
  NICKEL_FREE: "nickel-free",
};

export const METALS = ["NICKEL", "GOLD", "CHROMIUM", "COBALT"] as const;
export type Metal = (typeof METALS)[number];

/**
 * Metals each material may release into the skin. Stainless steel holds nickel, chromium and
 * cobalt; gold plating over a steel core releases gold and, once worn, nickel; nickel-free needles
 * are certified without nickel and nothing else is claimed.
 */
export const MATERIAL_METALS: Readonly<Record<NeedleMaterial, readonly Metal[]>> = {
  STAINLESS_STEEL: ["NICKEL", "CHROMIUM", "COBALT"],
  GOLD_PLATED: ["GOLD", "NICKEL"],
  NICKEL_FREE: [],
};

const METAL_WORDS: Readonly<Record<Metal, readonly string[]>> = {
  NICKEL: ["nickel", "stainless steel", "nickel sulfate", "nickel sulphate"],
  GOLD: ["gold", "gold sodium thiosulfate"],
  CHROMIUM: ["chromium", "chrome", "chromate", "stainless steel"],
  COBALT: ["cobalt", "stainless steel"],
};

/** The metals an allergy names: "Nickel sulphate" → NICKEL; "jewellery metals" → none. */
export function metalsIn(substance: string): Metal[] {
  const norm = ` ${normalizeTerm(substance)} `;
  return METALS.filter((m) => METAL_WORDS[m].some((w) => norm.includes(` ${normalizeTerm(w)} `)));
}

/** Zones next to each other, so an implant "near" the area counts. */
const NEIGHBOURS: Readonly<Partial<Record<Zone, readonly Zone[]>>> = {
  FOREHEAD: ["PERIORBITAL", "NOSE", "SCALP"],
  PERIORBITAL: ["FOREHEAD", "NOSE", "CHEEKS"],
  NOSE: ["PERIORBITAL", "CHEEKS", "PERIORAL", "FOREHEAD"],
  CHEEKS: ["PERIORBITAL", "NOSE", "PERIORAL", "JAWLINE", "CHIN"],
  PERIORAL: ["NOSE", "CHEEKS", "CHIN"],
  CHIN: ["PERIORAL", "JAWLINE", "CHEEKS", "NECK"],
  JAWLINE: ["CHEEKS", "CHIN", "NECK"],
  NECK: ["JAWLINE", "CHIN", "DECOLLETAGE"],
  DECOLLETAGE: ["NECK"],
  SCALP: ["FOREHEAD"],
  ABDOMEN: ["BACK"],
  BACK: ["ABDOMEN", "BUTTOCKS"],
  BUTTOCKS: ["THIGHS", "BACK"],
  THIGHS: ["BUTTOCKS"],
  ARMS: ["HANDS"],
  HANDS: ["ARMS"],
};

/** The treated zones an implant is in or next to. */
export function zonesNear(implantZones: readonly Zone[], treated: readonly Zone[]): Zone[] {
  return treated.filter((t) => implantZones.some((i) => i === t || (NEIGHBOURS[i] ?? []).includes(t)));
}

export interface DeviceScreeningInput {
  device: Device;
  patient: { allergies: readonly Allergy[]; historyFlags: readonly HistoryFlag[] };
  /** Pacemaker, ICD, neurostimulator, cochlear implant, insulin pump...; null = not asked. */
  implantedElectronicDevice?: boolean | null;
  /** Zones with metal implants (plates, screws, metal-containing fillers); null = not asked. */
  metalImplantZones?: readonly Zone[] | null;
  /** The needle material the session records; null when not yet recorded (a plan). */
  needleMaterial?: NeedleMaterial | null;
  area: readonly Zone[];
}

/** Implanted electronic devices under RF: a hard stop; unanswered before RF: refused until asked. */
export function implantedDeviceRule(input: DeviceScreeningInput): SafetyFinding[] {
  if (input.device !== "RF_MICRONEEDLING") return [];
  if (input.implantedElectronicDevice === true)
    return [
      hardStopFinding(
        "IMPLANTED_ELECTRONIC_DEVICE",
        "Pacemaker, defibrillator or other implanted electronic device: RF energy can interfere with it. RF microneedling is never done; mechanical needling may be considered.",
        `screening answer: implanted electronic device; ${DOMAIN.devices}`,
      ),
    ];
  if (input.implantedElectronicDevice == null)
    return [
      hardStopFinding(
        "IMPLANTED_DEVICE_NOT_ASKED",
        "Ask whether the patient has a pacemaker, defibrillator or any implanted electronic device before RF microneedling.",
        `screening answer: implanted electronic device not answered; ${DOMAIN.devices}`,
      ),
    ];
  return [];
}

/** Metal implants in or near the area: BLOCK for RF (heating), nothing for mechanical needling. */
export function metalImplantRule(input: DeviceScreeningInput): SafetyFinding[] {
  if (input.device !== "RF_MICRONEEDLING") return [];
  if (input.metalImplantZones == null)
    return [
      blockFinding(
        "METAL_IMPLANT_NOT_ASKED",
        "Ask whether the patient has metal implants (plates, screws, metal-containing fillers) in or near the area before RF microneedling.",
        `screening answer: metal implants not answered; ${DOMAIN.devices}`,
      ),
    ];
  const near = zonesNear(input.metalImplantZones, input.area);
  if (near.length === 0) return [];
  const where = near.map((z) => ZONE_LABELS[z].toLowerCase()).join(", ");
  return [
    blockFinding(
      "METAL_IMPLANT_IN_AREA",
      `Metal implant in or near the treated area (${where}): RF energy can heat the metal and burn the tissue around it. Treat another area, use mechanical needling, or a clinical lead decides.`,
      `screening answer: metal implants at ${input.metalImplantZones.map((z) => ZONE_LABELS[z].toLowerCase()).join(", ")}; ${DOMAIN.devices}`,
    ),
  ];
}

/**
 * Metal allergies against the needle material: a metal the material releases → BLOCK (a hard stop
 * for a severe reaction); material not recorded with a metal allergy → BLOCK until it is.
 */
export function needleMaterialRule(input: DeviceScreeningInput): SafetyFinding[] {
  const allergies: { metals: Metal[]; source: string; severe: boolean; name: string }[] =
    input.patient.allergies
      .filter((a) => a.kind === "ALLERGY")
      .map((a) => ({
        metals: metalsIn(a.substance),
        source: allergySource(a),
        severe: isSevereReaction(a),
        name: a.substance,
      }))
      .filter((a) => a.metals.length > 0);
  if (input.patient.historyFlags.includes("NICKEL_ALLERGY"))
    allergies.push({ metals: ["NICKEL"], source: "history: nickel allergy", severe: false, name: "nickel" });
  if (allergies.length === 0) return [];
  const material = input.needleMaterial;
  if (!material)
    return [
      blockFinding(
        "NEEDLE_MATERIAL_NOT_RECORDED",
        `Allergy to ${allergies.map((a) => a.name).join(", ")}: record the needle material so it can be checked (nickel-free or gold-plated needles may suit).`,
        `${allergies.map((a) => a.source).join("; ")}; ${DOMAIN.devices}`,
      ),
    ];
  const out: SafetyFinding[] = [];
  for (const a of allergies) {
    const hit = a.metals.filter((m) => MATERIAL_METALS[material].includes(m));
    if (hit.length === 0) continue;
    const label = NEEDLE_MATERIAL_LABELS[material];
    const metals = hit.map((m) => m.toLowerCase()).join(" and ");
    const source = `${a.source}; needles: ${label}; ${DOMAIN.devices}`;
    out.push(
      a.severe
        ? hardStopFinding(
            "NEEDLE_SEVERE_ALLERGY",
            `Severe reaction recorded to ${a.name}; ${label} needles may release ${metals}. Never overridden: use needles without it.`,
            source,
          )
        : blockFinding(
            "NEEDLE_MATERIAL_ALLERGY",
            `Allergy to ${a.name}; ${label} needles may release ${metals}. Use needles without it, or a clinical lead decides.`,
            source,
          ),
    );
  }
  return out;
}

/** The device rules, in order; each also stands alone for a screening table. */
export const DEVICE_RULES = [implantedDeviceRule, metalImplantRule, needleMaterialRule] as const;

export function deviceFindings(input: DeviceScreeningInput): SafetyFinding[] {
  return DEVICE_RULES.flatMap((rule) => rule(input));
}
