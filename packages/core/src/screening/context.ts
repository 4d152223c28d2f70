import { addMonths } from "../calendar";
import { ZONE_LABELS } from "../concerns";
import type { Medication } from "../patient";
import { medicationsForScreening } from "../safety/medicines";
import { addDays } from "../validate";
import type { ContraindicationCode, ContraindicationFinding, ScreenContext, ScreenInput } from "./types";

/**
 * Waiting periods: a period of N days/months after date D ends on D + N. Treatment on that day is
 * allowed; any earlier day (including the day of D itself, or a D in the future) is within the
 * period. E.g. isotretinoin stopped 2026-03-01, 6 months → first allowed day 2026-09-01.
 */
export function screenContext(input: ScreenInput): ScreenContext {
  const { patient, onDate, area } = input;
  // Read by class as the name says too: "Roaccutane 20mg" entered as OTHER is isotretinoin.
  const meds = medicationsForScreening(patient.medications);
  const isCurrent = (m: Medication): boolean =>
    (!m.startedOn || m.startedOn <= onDate) && (!m.stoppedOn || m.stoppedOn >= onDate);
  return {
    ...input,
    where: area && area.length > 0 ? ` (${area.map((z) => ZONE_LABELS[z].toLowerCase()).join(", ")})` : "",
    hasHistory: (flag) => patient.historyFlags.includes(flag),
    medications: (cls) => meds.filter((m) => m.class === cls),
    isCurrent,
    withinDays: (date, days) => onDate < addDays(date, days),
    withinMonths: (date, months) => onDate < addMonths(date, months),
  };
}

export const block = (
  code: ContraindicationCode,
  reason: string,
  source: string,
): ContraindicationFinding => ({
  code,
  level: "BLOCK",
  reason,
  source,
  overridable: true,
});

export const warn = (
  code: ContraindicationCode,
  reason: string,
  source: string,
): ContraindicationFinding => ({
  code,
  level: "WARN",
  reason,
  source,
  overridable: true,
});

/** A medication as a finding's source, e.g. "medication: Warfarin (anticoagulant) current". */
export const medicationSource = (m: Medication, what: string): string =>
  `medication: ${m.name} (${what}) ${m.stoppedOn ? `stopped ${m.stoppedOn}` : "current"}`;
