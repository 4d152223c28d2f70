import { describe, it, expect } from "vitest";
import { toFhirBundle, unresolvedReferences, type FhirExportInput, type FhirResource } from "./fhir";

const input: FhirExportInput = {
  generatedAt: "2026-06-01T10:00:00Z",
  patient: {
    id: "p1",
    givenName: "Ann",
    familyName: "Lee",
    dateOfBirth: "1990-04-02",
    email: "ann@example.com",
    fitzpatrick: "IV",
    allergies: [{ substance: "Lidocaine", kind: "ALLERGY", severity: "SEVERE", reaction: "hives" }],
  },
  consultations: [{ id: "k1", heldOn: "2026-01-01" }],
  concerns: [
    {
      id: "c1",
      indication: "ACNE_SCARRING",
      bodyArea: "CHEEKS",
      status: "ACTIVE",
      baselineScale: "GOODMAN_BARON_QUANTITATIVE",
      baselineScore: 40,
      baselineOn: "2026-01-01",
      consultationId: "k1",
    },
    {
      id: "c2",
      indication: "REJUVENATION",
      bodyArea: "NECK",
      status: "RESOLVED",
      baselineScale: "SATISFACTION",
      baselineScore: 4,
      baselineOn: "2026-01-01",
    },
  ],
  plans: [
    {
      id: "pl1",
      concernIds: ["c1", "c-missing"],
      startOn: "2026-01-05",
      sessionsPlanned: 4,
      intervalWeeks: 4,
      status: "IN_PROGRESS",
    },
  ],
  sessions: [
    {
      id: "s1",
      planId: "pl1",
      performedOn: "2026-01-05",
      device: "PEN",
      zones: [{ zone: "CHEEKS", depthMm: 1.5, passes: 3 }],
    },
    {
      id: "s2",
      planId: "pl-gone",
      performedOn: "2026-02-02",
      device: "PEN",
      zones: [{ zone: "CHEEKS", depthMm: 1.5, passes: 3 }],
    },
  ],
  serumsApplied: [
    {
      sessionId: "s1",
      serumId: "ha",
      serumName: "HA serum",
      lotNumber: "L1",
      expiresOn: "2027-01-01",
      zone: "CHEEKS",
    },
    { sessionId: "s2", serumId: "ha", serumName: "HA serum", lotNumber: "L1", zone: "CHEEKS" },
  ],
  assessments: [
    {
      id: "a1",
      concernId: "c1",
      scale: "GOODMAN_BARON_QUANTITATIVE",
      score: 30,
      rater: "CLINICIAN",
      assessedOn: "2026-02-02",
      sessionId: "s2",
    },
    { id: "a2", concernId: "c1", scale: "GAIS", score: 2, rater: "PATIENT", assessedOn: "2026-02-02" },
  ],
  adverseEvents: [
    {
      id: "e1",
      sessionId: "s1",
      type: "ERYTHEMA_OEDEMA",
      onsetOn: "2026-01-05",
      severity: "MILD",
      serumId: "ha",
      lotNumber: "L1",
    },
  ],
};

const byType = <T extends FhirResource["resourceType"]>(b: ReturnType<typeof toFhirBundle>, t: T) =>
  b.entry
    .map((e) => e.resource)
    .filter((r): r is Extract<FhirResource, { resourceType: T }> => r.resourceType === t);

describe("toFhirBundle", () => {
  const bundle = toFhirBundle(input);

  it("is a collection bundle with urn:uuid fullUrls matching resource ids, all unique", () => {
    expect(bundle).toMatchObject({
      resourceType: "Bundle",
      type: "collection",
      timestamp: "2026-06-01T10:00:00Z",
    });
    const urls = bundle.entry.map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    for (const e of bundle.entry) {
      expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(e.fullUrl).toBe(`urn:uuid:${e.resource.id}`);
    }
  });

  it("resolves every reference inside the bundle (walks the whole tree)", () => {
    expect(unresolvedReferences(bundle)).toEqual([]);
    let count = 0;
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) {
          if (k === "reference") count++;
          else walk(x);
        }
    };
    bundle.entry.forEach((e) => walk(e.resource));
    expect(count).toBeGreaterThan(20);
  });

  it("detects a dangling reference", () => {
    const broken = structuredClone(bundle);
    broken.entry = broken.entry.filter((e) => e.resource.resourceType !== "Medication");
    expect(unresolvedReferences(broken).length).toBeGreaterThan(0);
  });

  it("codes conditions with ICD-10 (acne scarring L90.5) and leaves rejuvenation uncoded", () => {
    const [c1, c2] = byType(bundle, "Condition");
    expect(c1?.code.coding?.[0]).toMatchObject({ system: "http://hl7.org/fhir/sid/icd-10", code: "L90.5" });
    expect(c1?.encounter).toBeDefined();
    expect(c2?.code.coding?.some((c) => c.system === "http://hl7.org/fhir/sid/icd-10")).toBe(false);
    expect(c2?.clinicalStatus.coding?.[0]?.code).toBe("resolved");
  });

  it("has one Medication per serum lot with batch.lotNumber, and an administration per application", () => {
    const meds = byType(bundle, "Medication");
    expect(meds).toHaveLength(1);
    expect(meds[0]?.batch).toEqual({ lotNumber: "L1", expirationDate: "2027-01-01" });
    const admins = byType(bundle, "MedicationAdministration");
    expect(admins).toHaveLength(2);
    expect(admins.every((a) => a.partOf?.length === 1)).toBe(true);
  });

  it("drops links to records not in the export instead of dangling", () => {
    const plan = byType(bundle, "CarePlan")[0];
    expect(plan?.addresses).toHaveLength(1);
    const s2 = byType(bundle, "Procedure")[1];
    expect(s2?.basedOn).toBeUndefined();
  });

  it("records outcome scores as Observations with labels and the patient as performer for patient ratings", () => {
    const obs = byType(bundle, "Observation");
    // Fitzpatrick + 2 baselines + 2 assessments
    expect(obs).toHaveLength(5);
    const gais = obs.find((o) => o.code.coding?.[0]?.code === "GAIS");
    expect(gais?.valueQuantity?.value).toBe(2);
    expect(gais?.interpretation?.[0]?.text).toBe("Much improved");
    expect(gais?.performer?.[0]?.reference).toBe(bundle.entry[0]?.fullUrl);
  });

  it("links adverse events to the session and the serum lot", () => {
    const ae = byType(bundle, "AdverseEvent")[0];
    expect(ae?.suspectEntity).toHaveLength(2);
    expect(ae?.severity.coding?.[0]?.code).toBe("mild");
  });

  it("is reproducible", () => {
    expect(toFhirBundle(input)).toEqual(bundle);
  });
});
