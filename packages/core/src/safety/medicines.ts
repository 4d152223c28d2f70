import { MEDICATION_CLASSES, type Medication, type MedicationClass } from "../patient";
import type { ClinicSettings } from "../settings";
import { DOMAIN, blockFinding, warnFinding, type SafetyFinding } from "./findings";

/**
 * A dictionary of medicine names, generic and brand, mapped to the classes the screen reads
 * (DOMAIN.md "Medicines by name"; not exhaustive: an unknown name asks to be classified).
 * Matching ignores case, accents, punctuation, spacing and strength/dose text:
 * "Eliquis 5mg bd", "ROACCUTANE 20 MG", "St. John's Wort" all resolve.
 */

/** The patient record's classes plus the ones the record cannot pick yet. */
export const MEDICINE_CLASSES = [
  ...MEDICATION_CLASSES.filter((c) => c !== "OTHER"),
  "ANTIPLATELET",
  "PHOTOSENSITISER",
  "BRUISING_SUPPLEMENT",
] as const;
export type MedicineClass =
  Exclude<MedicationClass, "OTHER"> | "ANTIPLATELET" | "PHOTOSENSITISER" | "BRUISING_SUPPLEMENT";

export const MEDICINE_CLASS_LABELS: Readonly<Record<MedicineClass, string>> = {
  ISOTRETINOIN: "isotretinoin",
  ANTICOAGULANT: "anticoagulant",
  IMMUNOSUPPRESSANT: "immunosuppressant",
  CHEMOTHERAPY: "chemotherapy",
  RADIOTHERAPY: "radiotherapy",
  TOPICAL_RETINOID: "retinoid",
  MINOXIDIL: "minoxidil",
  ANTIVIRAL: "antiviral",
  ANTIPLATELET: "antiplatelet",
  PHOTOSENSITISER: "photosensitising medicine",
  BRUISING_SUPPLEMENT: "supplement that increases bruising",
};

export interface MedicineEntry {
  /** The generic name a practitioner recognises. */
  generic: string;
  class: MedicineClass;
  /** Brand names and other spellings. */
  names: readonly string[];
}

const m = (generic: string, cls: MedicineClass, ...names: string[]): MedicineEntry => ({
  generic,
  class: cls,
  names,
});

export const MEDICINES: readonly MedicineEntry[] = [
  // Isotretinoin (oral). Topical isotretinoin (Isotrex) is a retinoid cream, listed below.
  m(
    "isotretinoin",
    "ISOTRETINOIN",
    "Roaccutane",
    "Accutane",
    "Absorica",
    "Claravis",
    "Amnesteem",
    "Myorisan",
    "Zenatane",
    "Epuris",
  ),
  // Anticoagulants: vitamin K antagonists, DOACs, heparins.
  m("warfarin", "ANTICOAGULANT", "Coumadin", "Marevan", "Jantoven"),
  m("acenocoumarol", "ANTICOAGULANT", "Sinthrome"),
  m("apixaban", "ANTICOAGULANT", "Eliquis"),
  m("rivaroxaban", "ANTICOAGULANT", "Xarelto"),
  m("dabigatran", "ANTICOAGULANT", "Pradaxa"),
  m("edoxaban", "ANTICOAGULANT", "Lixiana", "Savaysa"),
  m("heparin", "ANTICOAGULANT"),
  m("enoxaparin", "ANTICOAGULANT", "Clexane", "Lovenox", "Inhixa"),
  m("dalteparin", "ANTICOAGULANT", "Fragmin"),
  m("tinzaparin", "ANTICOAGULANT", "Innohep"),
  m("fondaparinux", "ANTICOAGULANT", "Arixtra"),
  // Antiplatelets.
  m("aspirin", "ANTIPLATELET", "acetylsalicylic acid", "Disprin", "Nu-Seal"),
  m("clopidogrel", "ANTIPLATELET", "Plavix"),
  m("ticagrelor", "ANTIPLATELET", "Brilique", "Brilinta"),
  m("prasugrel", "ANTIPLATELET", "Efient", "Effient"),
  m("dipyridamole", "ANTIPLATELET", "Persantin", "Persantine", "Asasantin"),
  // Immunosuppressants, systemic corticosteroids and biologics.
  m("methotrexate", "IMMUNOSUPPRESSANT", "Metoject", "Maxtrex", "Trexall", "Otrexup", "Rasuvo"),
  m("ciclosporin", "IMMUNOSUPPRESSANT", "cyclosporine", "cyclosporin", "Neoral", "Sandimmun", "Sandimmune"),
  m("azathioprine", "IMMUNOSUPPRESSANT", "Imuran"),
  m("mycophenolate", "IMMUNOSUPPRESSANT", "mycophenolate mofetil", "CellCept", "Myfortic"),
  m("tacrolimus", "IMMUNOSUPPRESSANT", "Prograf", "Advagraf", "Envarsus"),
  m("sirolimus", "IMMUNOSUPPRESSANT", "Rapamune"),
  m("prednisolone", "IMMUNOSUPPRESSANT"),
  m("prednisone", "IMMUNOSUPPRESSANT"),
  m("methylprednisolone", "IMMUNOSUPPRESSANT", "Medrol"),
  m("dexamethasone", "IMMUNOSUPPRESSANT"),
  m("adalimumab", "IMMUNOSUPPRESSANT", "Humira", "Amgevita", "Imraldi", "Hyrimoz"),
  m("etanercept", "IMMUNOSUPPRESSANT", "Enbrel", "Benepali"),
  m("infliximab", "IMMUNOSUPPRESSANT", "Remicade", "Inflectra", "Remsima"),
  m("ustekinumab", "IMMUNOSUPPRESSANT", "Stelara"),
  m("secukinumab", "IMMUNOSUPPRESSANT", "Cosentyx"),
  m("tofacitinib", "IMMUNOSUPPRESSANT", "Xeljanz"),
  m("baricitinib", "IMMUNOSUPPRESSANT", "Olumiant"),
  m("upadacitinib", "IMMUNOSUPPRESSANT", "Rinvoq"),
  // Chemotherapy agents (common ones; the clinic's window applies).
  m("cyclophosphamide", "CHEMOTHERAPY"),
  m("capecitabine", "CHEMOTHERAPY", "Xeloda"),
  m("doxorubicin", "CHEMOTHERAPY"),
  m("paclitaxel", "CHEMOTHERAPY", "Taxol"),
  m("docetaxel", "CHEMOTHERAPY", "Taxotere"),
  m("cisplatin", "CHEMOTHERAPY"),
  m("carboplatin", "CHEMOTHERAPY"),
  m("oxaliplatin", "CHEMOTHERAPY"),
  // Retinoids (topical: pause before and after needling).
  m("tretinoin", "TOPICAL_RETINOID", "Retin-A", "Retin A", "Altreno"),
  m("adapalene", "TOPICAL_RETINOID", "Differin", "Epiduo"),
  m("tazarotene", "TOPICAL_RETINOID", "Zorac", "Tazorac", "Arazlo"),
  m("trifarotene", "TOPICAL_RETINOID", "Aklief"),
  m("topical isotretinoin", "TOPICAL_RETINOID", "Isotrex"),
  m("retinol", "TOPICAL_RETINOID"),
  // Photosensitisers.
  m("doxycycline", "PHOTOSENSITISER", "Vibramycin", "Periostat", "Efracea", "Doryx"),
  m("tetracycline", "PHOTOSENSITISER"),
  m("oxytetracycline", "PHOTOSENSITISER"),
  m("lymecycline", "PHOTOSENSITISER", "Tetralysal"),
  m("minocycline", "PHOTOSENSITISER", "Minocin"),
  m("demeclocycline", "PHOTOSENSITISER"),
  m("St John's wort", "PHOTOSENSITISER", "Hypericum", "Hypericum perforatum"),
  // Supplements that increase bruising.
  m("fish oil", "BRUISING_SUPPLEMENT", "omega 3", "omega-3 fatty acids", "cod liver oil"),
  m("vitamin E", "BRUISING_SUPPLEMENT", "vit E", "tocopherol"),
  m("ginkgo", "BRUISING_SUPPLEMENT", "ginkgo biloba"),
  // Classes the screen already reads (antivirals for prophylaxis, minoxidil for alopecia).
  m("aciclovir", "ANTIVIRAL", "acyclovir", "Zovirax"),
  m("valaciclovir", "ANTIVIRAL", "valacyclovir", "Valtrex"),
  m("famciclovir", "ANTIVIRAL", "Famvir"),
  m("minoxidil", "MINOXIDIL", "Regaine", "Rogaine", "Loniten"),
];

/**
 * Dose, strength and frequency words ignored when matching: "5mg bd", "20 MG", "1 tablet daily".
 * Only whole words are dropped, so a name never loses letters.
 */
const NOISE = new Set([
  "mg",
  "mcg",
  "ug",
  "g",
  "ml",
  "iu",
  "unit",
  "units",
  "microgram",
  "micrograms",
  "milligram",
  "milligrams",
  "od",
  "bd",
  "bid",
  "tds",
  "tid",
  "qds",
  "qid",
  "prn",
  "nocte",
  "mane",
  "daily",
  "weekly",
  "monthly",
  "once",
  "twice",
  "a",
  "per",
  "day",
  "week",
  "x",
  "tab",
  "tabs",
  "tablet",
  "tablets",
  "cap",
  "caps",
  "capsule",
  "capsules",
  "oral",
  "orally",
  "injection",
  "inj",
  "sc",
  "iv",
  "cream",
  "gel",
  "ointment",
  "solution",
  "mr",
  "sr",
  "xr",
  "er",
  "ec",
  "dispersible",
  "supplement",
  "supplements",
  "take",
  "s",
]);

/** "Eliquis5mg BD" → "eliquis"; "St. John's Wort 300mg" → "st john wort". */
export function normaliseMedicineName(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      // "b.d." and "B.D." are one word.
      .replace(/\./g, "")
      .replace(/([a-z])(\d)/g, "$1 $2")
      .replace(/(\d)([a-z])/g, "$1 $2")
      .replace(/[^a-z0-9]+/g, " ")
      .split(" ")
      .filter((w) => w !== "" && !/^\d+$/.test(w) && !NOISE.has(w))
      .join(" ")
  );
}

const INDEX: readonly { key: string; compact: string; entry: MedicineEntry }[] = MEDICINES.flatMap((e) =>
  [e.generic, ...e.names].map((n) => {
    const key = normaliseMedicineName(n);
    return { key, compact: key.replace(/ /g, ""), entry: e };
  }),
).sort((a, b) => b.key.length - a.key.length);

/**
 * The dictionary entries a free-text name names, longest name first: whole words
 * ("aspirin 75" → aspirin), or the same letters without spaces ("Retin A" ~ "retina").
 * "Topical isotretinoin" is a retinoid cream, not oral isotretinoin.
 */
export function recogniseMedicine(name: string): MedicineEntry[] {
  const norm = normaliseMedicineName(name);
  if (!norm) return [];
  const compact = norm.replace(/ /g, "");
  const out: MedicineEntry[] = [];
  let rest = ` ${norm} `;
  for (const i of INDEX) {
    const hit = rest.includes(` ${i.key} `) || compact === i.compact;
    if (hit && !out.includes(i.entry)) {
      out.push(i.entry);
      // A longer name that matched ("topical isotretinoin") hides the shorter inside it.
      rest = rest.replace(` ${i.key} `, " ");
    }
  }
  return out;
}

export interface EffectiveClasses {
  /** The picked class (unless OTHER) union the recognised ones. */
  classes: MedicineClass[];
  recognised: MedicineEntry[];
  /** Neither a class was picked nor the name recognised: someone has to classify it. */
  unclassified: boolean;
}

/** A medication's effective classes, so screening reads what the name says as well as the pick. */
export function effectiveClasses(med: Pick<Medication, "name" | "class">): EffectiveClasses {
  const recognised = recogniseMedicine(med.name);
  const classes: MedicineClass[] = [];
  if (med.class !== "OTHER") classes.push(med.class);
  for (const e of recognised) if (!classes.includes(e.class)) classes.push(e.class);
  return { classes, recognised, unclassified: classes.length === 0 };
}

const PATIENT_CLASSES: ReadonlySet<string> = new Set(MEDICATION_CLASSES);
const isPatientClass = (c: MedicineClass): c is Exclude<MedicationClass, "OTHER"> => PATIENT_CLASSES.has(c);

/**
 * The medications as the existing screen reads them: one entry per effective class the patient
 * record knows, so "Roaccutane" entered as OTHER is screened as isotretinoin. Classes the record
 * cannot hold yet (antiplatelet, photosensitiser, bruising supplement) are `medicationFindings`'.
 */
export function medicationsForScreening(meds: readonly Medication[]): Medication[] {
  const out: Medication[] = [];
  for (const med of meds) {
    const { classes } = effectiveClasses(med);
    const known = classes.filter(isPatientClass);
    if (known.length === 0) out.push(med);
    else for (const c of known) out.push({ ...med, class: c });
  }
  return out;
}

const isCurrent = (med: Medication, onDate: string): boolean =>
  (!med.startedOn || med.startedOn <= onDate) && (!med.stoppedOn || med.stoppedOn >= onDate);

/**
 * Findings for what the existing screen does not read: antiplatelets (WARN, or BLOCK when the
 * clinic sets it), photosensitisers and bruising supplements (WARN), and every current medicine
 * that is neither classified nor recognised (WARN asking to classify it). Current medicines only.
 */
export function medicationFindings(input: {
  medications: readonly Medication[];
  onDate: string;
  settings: Pick<ClinicSettings, "antiplateletLevel">;
}): SafetyFinding[] {
  const out: SafetyFinding[] = [];
  for (const med of input.medications.filter((x) => isCurrent(x, input.onDate))) {
    const { classes, recognised, unclassified } = effectiveClasses(med);
    const generic =
      recognised[0] && recognised[0].generic.toLowerCase() !== med.name.toLowerCase()
        ? ` (${recognised[0].generic})`
        : "";
    const source = (cls: string): string =>
      `medication: ${med.name}${generic} (${cls}) current; ${DOMAIN.medicines}`;
    if (unclassified) {
      out.push(
        warnFinding(
          "MEDICATION_UNCLASSIFIED",
          `${med.name} is not a medicine the screen recognises: classify it (or confirm it raises no concern) so it is screened.`,
          `medication: ${med.name} (class not picked, name not recognised); ${DOMAIN.medicines}`,
        ),
      );
      continue;
    }
    if (classes.includes("ANTIPLATELET")) {
      const reason = `Taking ${med.name}${generic}, an antiplatelet: more bleeding and bruising. Do not stop it without the prescriber.`;
      const src = `${source("antiplatelet")}; clinic setting: antiplatelet level ${input.settings.antiplateletLevel.toLowerCase()}`;
      out.push(
        input.settings.antiplateletLevel === "BLOCK"
          ? blockFinding("ANTIPLATELET", reason, src)
          : warnFinding("ANTIPLATELET", reason, src),
      );
    }
    if (classes.includes("PHOTOSENSITISER"))
      out.push(
        warnFinding(
          "PHOTOSENSITISER",
          `Taking ${med.name}${generic}, which makes the skin more sensitive to light: higher risk of irritation and pigmentation. Strict sun protection; consider waiting until the course ends.`,
          source("photosensitiser"),
        ),
      );
    if (classes.includes("BRUISING_SUPPLEMENT"))
      out.push(
        warnFinding(
          "BRUISING_SUPPLEMENT",
          `Taking ${med.name}${generic}, a supplement that increases bruising. Consider pausing it for a week before treatment if the patient agrees.`,
          source("bruising supplement"),
        ),
      );
  }
  return out;
}
