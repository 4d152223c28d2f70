import type { ContraindicationReason } from "../errors";
import type { Allergy } from "../patient";

/**
 * The shape every safety rule returns: the screen's finding (code, BLOCK/WARN, reason, source,
 * overridable) plus `needsReason` for a WARN that may go ahead only with a recorded reason.
 * `overridable: false` is a hard stop or a refusal: nobody can override it.
 */
export interface SafetyFinding extends ContraindicationReason {
  overridable: boolean;
  needsReason?: boolean;
}

/** DOMAIN.md sections quoted as sources, so a finding says where its rule comes from. */
export const DOMAIN = {
  zoneLimits: "DOMAIN.md Zone limits",
  intervals: "DOMAIN.md Intervals and courses",
  anaesthetics: "DOMAIN.md Topical anaesthetics",
  medicines: "DOMAIN.md Medicines by name",
  devices: "DOMAIN.md Device-specific contraindications",
  overrides: "DOMAIN.md Overrides",
  scales: "DOMAIN.md More outcome scales",
  serums: "DOMAIN.md Serum add-ons",
  adverseEvents: "DOMAIN.md Adverse events",
  contraindications: "DOMAIN.md Contraindications",
} as const;

export const blockFinding = (code: string, reason: string, source: string): SafetyFinding => ({
  code,
  level: "BLOCK",
  reason,
  source,
  overridable: true,
});

/** Never overridable: a hard stop, or a refusal no reason can lift. */
export const hardStopFinding = (code: string, reason: string, source: string): SafetyFinding => ({
  code,
  level: "BLOCK",
  reason,
  source,
  overridable: false,
});

export const warnFinding = (
  code: string,
  reason: string,
  source: string,
  needsReason = false,
): SafetyFinding => ({
  code,
  level: "WARN",
  reason,
  source,
  overridable: true,
  ...(needsReason ? { needsReason: true } : {}),
});

/**
 * A severe allergy: recorded severity SEVERE, or a reaction that names anaphylaxis whatever the
 * severity says (a record written in a hurry must not downgrade the worst reaction there is).
 */
export function isSevereReaction(a: Pick<Allergy, "severity" | "reaction">): boolean {
  return a.severity === "SEVERE" || /anaphyla/i.test(a.reaction ?? "");
}

/** "allergy: Lidocaine (severe, anaphylaxis)" — the allergy as a finding's source. */
export function allergySource(a: Allergy): string {
  const detail = [a.severity.toLowerCase(), a.reaction].filter(Boolean).join(", ");
  return `${a.kind === "ALLERGY" ? "allergy" : "sensitivity"}: ${a.substance} (${detail})`;
}
