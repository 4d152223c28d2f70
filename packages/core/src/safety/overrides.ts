import type { ContraindicationReason, ErrorCode, FieldProblem } from "../errors";
import { DomainError } from "../errors";
import { isClinicalLead, type Principal } from "../principal";
import { DOMAIN, hardStopFinding, type SafetyFinding } from "./findings";

/**
 * Who may override what (DOMAIN.md "Overrides"). Hard stops are never overridden; a BLOCK only by a
 * clinical lead (a prescriber: a permission a clinic admin grants), with a reason that says
 * something; a WARN that needs a reason takes one from anyone. The audit entry names every code.
 */

/**
 * Codes that are hard stops whatever `overridable` says: active infection or open wound in the
 * area, a severe allergy to anything applied, an expired lot, an implanted electronic device under
 * RF, no valid consent once consent is recorded.
 */
export const HARD_STOP_CODES: ReadonlySet<string> = new Set([
  "ACTIVE_SKIN_INFECTION",
  "OPEN_WOUNDS",
  "ANAESTHETIC_SEVERE_ALLERGY",
  "SERUM_SEVERE_ALLERGY",
  "NEEDLE_SEVERE_ALLERGY",
  "LOT_EXPIRED",
  "CARTRIDGE_LOT_EXPIRED",
  "IMPLANTED_ELECTRONIC_DEVICE",
  "CONSENT_MISSING",
]);

/** A hard stop: listed above, or a finding its rule made non-overridable. */
export function isHardStop(f: Pick<SafetyFinding, "code" | "overridable">): boolean {
  return HARD_STOP_CODES.has(f.code) || !f.overridable;
}

/** The consent rule: once the clinic records consent, treatment without a valid one is a hard stop. */
export function consentFinding(input: {
  consentRequired: boolean;
  validConsentOn?: string | null;
}): SafetyFinding[] {
  if (!input.consentRequired || input.validConsentOn) return [];
  return [
    hardStopFinding(
      "CONSENT_MISSING",
      "No valid signed consent for this treatment: record the patient's consent before treating. This is never overridden.",
      `consent: none valid; ${DOMAIN.overrides}`,
    ),
  ];
}

export const OVERRIDE_REASON_MIN_CHARS = 15;
export const OVERRIDE_REASON_MIN_WORDS = 3;
export const OVERRIDE_REASON_MAX_CHARS = 1000;

/** Words that say nothing on their own: a reason made only of these is a placeholder. */
const PLACEHOLDER_WORDS = new Set([
  "test",
  "testing",
  "tested",
  "x",
  "xx",
  "xxx",
  "n",
  "a",
  "na",
  "n/a",
  "ok",
  "okay",
  "k",
  "fine",
  "yes",
  "no",
  "none",
  "nil",
  "override",
  "overridden",
  "overriding",
  "approved",
  "approve",
  "agreed",
  "asdf",
  "qwerty",
  "lorem",
  "ipsum",
  "tbc",
  "tbd",
  "todo",
  "reason",
  "because",
  "see",
  "notes",
  "above",
  "below",
  "etc",
  "whatever",
  "dummy",
  "placeholder",
  "same",
  "as",
  "per",
  "the",
  "and",
  "it",
  "is",
  "to",
]);

/**
 * Why a reason is too weak to record, or undefined when it says something: at least 15 characters
 * after trimming, three distinct real words (letters, not one repeated character, not only
 * placeholders such as "test", "n/a", "ok", "override"), at most 1000 characters.
 */
export function reasonProblem(reason: string | null | undefined): string | undefined {
  const text = (reason ?? "").trim();
  if (text === "") return "give a reason";
  if (text.length > OVERRIDE_REASON_MAX_CHARS)
    return `must be at most ${OVERRIDE_REASON_MAX_CHARS} characters`;
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}/]+/u)
    .filter((w) => w !== "");
  const real = new Set(
    words.filter(
      (w) => /\p{L}/u.test(w) && !/^(.)\1*$/u.test(w) && !PLACEHOLDER_WORDS.has(w) && w.length > 1,
    ),
  );
  if (text.length < OVERRIDE_REASON_MIN_CHARS || real.size < OVERRIDE_REASON_MIN_WORDS)
    return "say why in a sentence (what was checked or decided), not a placeholder";
  return undefined;
}

export interface OverrideRequest {
  code: string;
  reason: string;
}

export interface OverrideError {
  code: Extract<ErrorCode, "FORBIDDEN" | "CONTRAINDICATED" | "BAD_USER_INPUT">;
  message: string;
  fields: FieldProblem[];
  reasons: ContraindicationReason[];
}

export interface OverrideDecision {
  /** Empty when every requested override may be recorded. */
  errors: OverrideError[];
  /** Codes overridden, for the audit entry (sorted, each once). */
  overriddenCodes: string[];
  /** BLOCKs no override covers; treatment may go ahead only when empty (and errors is empty). */
  unresolved: SafetyFinding[];
  /** WARNs that need a reason and have none. */
  reasonsMissing: SafetyFinding[];
}

const plain = (f: SafetyFinding): ContraindicationReason => ({
  code: f.code,
  level: f.level,
  reason: f.reason,
  source: f.source,
});

/**
 * Validates overrides against findings for the principal. Errors, in the order a caller reports
 * them: CONTRAINDICATED for any hard stop asked to be overridden (nobody may), FORBIDDEN for a
 * BLOCK when the principal is not a clinical lead, BAD_USER_INPUT for a weak reason, an unknown
 * code or a code twice.
 */
export function decideOverrides(input: {
  principal: Pick<Principal, "role" | "clinicalLead">;
  findings: readonly SafetyFinding[];
  overrides: readonly OverrideRequest[];
  path?: string;
}): OverrideDecision {
  const path = input.path ?? "overrides";
  const hard: SafetyFinding[] = [];
  const forbidden: SafetyFinding[] = [];
  const fields: FieldProblem[] = [];
  const valid = new Set<string>();
  const lead = isClinicalLead(input.principal);
  input.overrides.forEach((o, i) => {
    const code = o.code.trim();
    const matching = input.findings.filter((f) => f.code === code);
    if (matching.length === 0) {
      fields.push({ path: `${path}.${i}.code`, reason: `there is no finding ${code} to override` });
      return;
    }
    if (valid.has(code)) {
      fields.push({ path: `${path}.${i}.code`, reason: `${code} is overridden twice` });
      return;
    }
    const hardOnes = matching.filter(isHardStop);
    if (hardOnes.length > 0) {
      hard.push(...hardOnes);
      return;
    }
    if (!lead && matching.some((f) => f.level === "BLOCK")) {
      forbidden.push(...matching);
      return;
    }
    const weak = reasonProblem(o.reason);
    if (weak) {
      fields.push({ path: `${path}.${i}.reason`, reason: weak });
      return;
    }
    valid.add(code);
  });

  const errors: OverrideError[] = [];
  if (hard.length > 0)
    errors.push({
      code: "CONTRAINDICATED",
      message: `Never overridden: ${hard.map((f) => f.reason).join(" ")}`,
      fields: [],
      reasons: hard.map(plain),
    });
  if (forbidden.length > 0)
    errors.push({
      code: "FORBIDDEN",
      message: "Only a clinical lead (a prescriber the clinic has named) may override a block.",
      fields: [],
      reasons: forbidden.map(plain),
    });
  if (fields.length > 0)
    errors.push({
      code: "BAD_USER_INPUT",
      message: fields.map((f) => `${f.path}: ${f.reason}`).join("; "),
      fields,
      reasons: [],
    });
  const unresolved = input.findings.filter((f) => f.level === "BLOCK" && !valid.has(f.code));
  const reasonsMissing = input.findings.filter(
    (f) => f.level === "WARN" && f.needsReason && !valid.has(f.code),
  );
  return { errors, overriddenCodes: [...valid].sort(), unresolved, reasonsMissing };
}

/**
 * For mutations: throws the first error (CONTRAINDICATED, FORBIDDEN, BAD_USER_INPUT), then
 * CONTRAINDICATED for the BLOCKs left, then BAD_USER_INPUT for WARNs still needing a reason.
 * Returns the codes overridden for the audit entry.
 */
export function assertOverrides(input: Parameters<typeof decideOverrides>[0]): string[] {
  const d = decideOverrides(input);
  const first = d.errors[0];
  if (first)
    throw new DomainError(first.code, first.message, { fields: first.fields, reasons: first.reasons });
  if (d.unresolved.length > 0)
    throw new DomainError(
      "CONTRAINDICATED",
      `Not allowed without an override: ${d.unresolved.map((f) => f.reason).join(" ")}`,
      { reasons: d.unresolved.map(plain) },
    );
  if (d.reasonsMissing.length > 0) {
    const fields = d.reasonsMissing.map((f) => ({
      path: `${input.path ?? "overrides"}`,
      reason: `give a reason: ${f.reason}`,
    }));
    throw new DomainError("BAD_USER_INPUT", fields.map((f) => f.reason).join("; "), { fields });
  }
  return d.overriddenCodes;
}
