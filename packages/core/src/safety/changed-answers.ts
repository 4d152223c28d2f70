import type { ContraindicationReason } from "../errors";
import { DOMAIN } from "./findings";
import { reasonProblem } from "./overrides";
import type { FieldProblem } from "../errors";

/**
 * Changed answers (DOMAIN.md "Contraindications", "Overrides"): an answer that produced a BLOCK at
 * an earlier consultation and is now different needs a reason, keeps its earlier value and date on
 * record, and stays on the patient's safety panel — a second consultation the same day cannot clear a
 * BLOCK silently.
 */

/** Which screening answers raise which BLOCK codes. */
export const BLOCKING_ANSWERS: Readonly<Record<string, readonly string[]>> = {
  ACTIVE_SKIN_INFECTION: ["activeSkinInfection", "activeSkinInfectionZones"],
  ACTIVE_ACNE: ["activeAcneInArea", "activeAcneZones"],
  ACTIVE_HERPES: ["activeHerpesOutbreak"],
  OPEN_WOUNDS: ["openWounds", "openWoundZones"],
  PREGNANT_OR_BREASTFEEDING: ["pregnantOrBreastfeeding"],
  SKIN_FLARE_IN_AREA: ["eczemaPsoriasisRosaceaFlareInArea", "flareZones"],
  CHEMO_RADIOTHERAPY: ["chemoOrRadiotherapyCurrent", "chemoOrRadiotherapyDate"],
  IMPLANTED_ELECTRONIC_DEVICE: ["implantedElectronicDevice"],
  METAL_IMPLANT_IN_AREA: ["metalImplantZones"],
};

export interface EarlierConsultation {
  id: string;
  date: string;
  answers: Readonly<Record<string, unknown>>;
  findings: readonly Pick<ContraindicationReason, "code" | "level">[];
}

export interface ChangedAnswer {
  key: string;
  /** The BLOCK the earlier answer produced. */
  code: string;
  earlierValue: unknown;
  earlierOn: string;
  consultationId: string;
  newValue: unknown;
  source: string;
}

const sortedText = (v: readonly unknown[]): string =>
  v
    .map((x) => String(x))
    .sort()
    .join("|");

const same = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) && Array.isArray(b)) return sortedText(a as unknown[]) === sortedText(b as unknown[]);
  return (a ?? null) === (b ?? null);
};

/**
 * The answers that produced a BLOCK at an earlier consultation (the latest one that gave each) and
 * are different now. Empty answers earlier are ignored: only an answer that raised the BLOCK counts.
 */
export function changedBlockingAnswers(
  earlier: readonly EarlierConsultation[],
  answers: Readonly<Record<string, unknown>>,
): ChangedAnswer[] {
  const out: ChangedAnswer[] = [];
  const seen = new Set<string>();
  const latestFirst = [...earlier].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  for (const c of latestFirst) {
    for (const f of c.findings) {
      if (f.level !== "BLOCK") continue;
      for (const key of BLOCKING_ANSWERS[f.code] ?? []) {
        if (seen.has(key) || !(key in c.answers)) continue;
        const before = c.answers[key];
        if (before == null || before === false || (Array.isArray(before) && before.length === 0)) continue;
        seen.add(key);
        if (key in answers && !same(before, answers[key]))
          out.push({
            key,
            code: f.code,
            earlierValue: before,
            earlierOn: c.date,
            consultationId: c.id,
            newValue: answers[key],
            source: `screening answer ${key} was ${JSON.stringify(before)} on ${c.date}; ${DOMAIN.contraindications}`,
          });
      }
    }
  }
  return out;
}

/** BAD_USER_INPUT field problems for changed answers without a reason that says something. */
export function changedAnswerReasonProblems(
  changed: readonly ChangedAnswer[],
  reasons: Readonly<Record<string, string | null | undefined>>,
  path = "changedAnswerReasons",
): FieldProblem[] {
  return changed.flatMap((c) => {
    const weak = reasonProblem(reasons[c.key]);
    return weak
      ? [
          {
            path: `${path}.${c.key}`,
            reason: `the answer gave a block on ${c.earlierOn} and has changed: ${weak}`,
          },
        ]
      : [];
  });
}
