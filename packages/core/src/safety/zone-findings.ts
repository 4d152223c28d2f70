import { ZONE_LABELS, type Zone } from "../concerns";
import type { ClinicSettings } from "../settings";
import { addDays } from "../validate";
import { DOMAIN, blockFinding, hardStopFinding, warnFinding, type SafetyFinding } from "./findings";

/**
 * Findings by location: acne, infection, open wounds, a flare, recent filler or toxin are answered
 * per zone, and only the zones a plan or session treats that overlap are blocked. A "yes" without
 * zones is taken to be everywhere (a missing zone never narrows a finding).
 */

/** Zones answered for one question; `null`/absent = no; `"EVERYWHERE"` = yes without zones. */
export type ZoneAnswer = readonly Zone[] | "EVERYWHERE" | null | undefined;

export interface ZonedAnswers {
  activeSkinInfectionZones?: ZoneAnswer;
  openWoundZones?: ZoneAnswer;
  activeAcneZones?: ZoneAnswer;
  flareZones?: ZoneAnswer;
  toxin?: readonly { date: string; zones: ZoneAnswer }[] | null;
  filler?: readonly { date: string; zones: ZoneAnswer }[] | null;
}

/** The treated zones a finding's zones overlap. */
export function overlappingZones(findingZones: ZoneAnswer, treated: readonly Zone[]): Zone[] {
  if (findingZones == null) return [];
  if (findingZones === "EVERYWHERE") return [...treated];
  return treated.filter((z) => findingZones.includes(z));
}

const names = (zones: readonly Zone[]): string => zones.map((z) => ZONE_LABELS[z].toLowerCase()).join(", ");

/**
 * Findings for the treated zones only: infection and open wounds in a treated zone are hard stops,
 * active acne and a flare BLOCK, toxin or filler in a treated zone within the clinic's days WARN.
 */
export function zonedFindings(input: {
  answers: ZonedAnswers;
  treated: readonly Zone[];
  onDate: string;
  settings: Pick<ClinicSettings, "toxinDays" | "fillerDays">;
}): SafetyFinding[] {
  const { answers, treated, onDate, settings } = input;
  const src = (what: string, zones: ZoneAnswer): string =>
    `screening answer: ${what} at ${zones === "EVERYWHERE" ? "the whole area" : names(zones ?? [])}; ${DOMAIN.contraindications}`;
  const out: SafetyFinding[] = [];
  const at = (zones: ZoneAnswer): Zone[] => overlappingZones(zones, treated);

  const infection = at(answers.activeSkinInfectionZones);
  if (infection.length > 0)
    out.push(
      hardStopFinding(
        "ACTIVE_SKIN_INFECTION",
        `Active skin infection in a treated zone (${names(infection)}): needling spreads it. Treat the infection first, or leave ${infection.length > 1 ? "these zones" : "this zone"} out.`,
        src("active skin infection", answers.activeSkinInfectionZones),
      ),
    );
  const wounds = at(answers.openWoundZones);
  if (wounds.length > 0)
    out.push(
      hardStopFinding(
        "OPEN_WOUNDS",
        `Open wound in a treated zone (${names(wounds)}): infection risk and poor healing. Wait until the skin is intact, or leave it out.`,
        src("open wounds", answers.openWoundZones),
      ),
    );
  const acne = at(answers.activeAcneZones);
  if (acne.length > 0)
    out.push(
      blockFinding(
        "ACTIVE_ACNE",
        `Active inflamed acne in a treated zone (${names(acne)}): needling spreads bacteria. Treat the acne first, or leave it out.`,
        src("active acne", answers.activeAcneZones),
      ),
    );
  const flare = at(answers.flareZones);
  if (flare.length > 0)
    out.push(
      blockFinding(
        "SKIN_FLARE_IN_AREA",
        `Eczema, psoriasis or rosacea flaring in a treated zone (${names(flare)}): needling can worsen it. Wait until it settles, or leave it out.`,
        src("flare", answers.flareZones),
      ),
    );
  const recent = (
    list: ZonedAnswers["toxin"],
    days: number,
    code: string,
    what: string,
    risk: string,
  ): void => {
    for (const r of list ?? []) {
      const zones = at(r.zones);
      if (zones.length === 0 || onDate >= addDays(r.date, days)) continue;
      out.push(
        warnFinding(
          code,
          `${what} on ${r.date} in a treated zone (${names(zones)}), less than ${days} days ago: ${risk}`,
          src(`${what.toLowerCase()} ${r.date}`, r.zones),
        ),
      );
      return;
    }
  };
  recent(
    answers.toxin,
    settings.toxinDays,
    "RECENT_TOXIN",
    "Botulinum toxin",
    "needling may spread it before it has settled.",
  );
  recent(
    answers.filler,
    settings.fillerDays,
    "RECENT_FILLER",
    "Dermal filler",
    "risk of displacing it and of infection.",
  );
  return out;
}
