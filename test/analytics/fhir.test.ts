import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fhir, type FhirBundle } from "@needlework/core";
import { resetCounter } from "@needlework/store";
import { codes, startTestApi, type TestApi } from "../support/api";
import { COHORT, recordCohort, type CreatedPatient } from "./cohort";

/**
 * The per-patient FHIR R4 export: a structurally valid Bundle (type collection, every entry with a
 * urn:uuid fullUrl and an allowed resource type, unique ids, every reference resolving inside the
 * bundle), holding what was recorded, read with ONE Query of the patient collection.
 */
const ALLOWED = new Set([
  "Patient",
  "Condition",
  "Encounter",
  "CarePlan",
  "Procedure",
  "Medication",
  "MedicationAdministration",
  "Observation",
  "AdverseEvent",
  "AllergyIntolerance",
]);
const FHIR = /* GraphQL */ `
  query ($id: ID!) {
    patientFhirBundle(patientId: $id)
  }
`;

/** Every `reference` string anywhere in a resource. */
function references(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(references);
  if (v !== null && typeof v === "object")
    return Object.entries(v).flatMap(([k, x]) =>
      k === "reference" && typeof x === "string" ? [x] : references(x),
    );
  return [];
}

describe("patientFhirBundle", () => {
  let api: TestApi;
  let created: CreatedPatient[];
  let bundle: FhirBundle;
  beforeAll(async () => {
    api = await startTestApi();
    created = await recordCohort(api);
  }, 120_000);
  afterAll(async () => api?.stop());

  it("is one Query of the patient collection (plus the caller check and the audit entry)", async () => {
    resetCounter(api.db);
    const r = await api.gql<{ patientFhirBundle: string }>(FHIR, { id: created[0]!.id }, api.users.ava);
    expect(r.errors).toBeUndefined();
    expect(api.db.counter.byOperation).toEqual({ BatchGetItem: 1, Query: 1, PutItem: 1 });
    bundle = JSON.parse(r.data!.patientFhirBundle) as FhirBundle;
  });

  it("is a structurally valid collection Bundle whose references all resolve inside it", () => {
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.type).toBe("collection");
    expect(typeof bundle.id).toBe("string");
    expect(Date.parse(bundle.timestamp)).not.toBeNaN();
    const urls = new Set<string>();
    const ids = new Set<string>();
    for (const e of bundle.entry) {
      expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(ALLOWED.has(e.resource.resourceType), e.resource.resourceType).toBe(true);
      expect(e.fullUrl.endsWith(e.resource.id)).toBe(true);
      expect(urls.has(e.fullUrl)).toBe(false);
      urls.add(e.fullUrl);
      ids.add(`${e.resource.resourceType}/${e.resource.id}`);
    }
    const refs = bundle.entry.flatMap((e) => references(e.resource));
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(urls.has(ref), ref).toBe(true);
    expect(Fhir.unresolvedReferences(bundle)).toEqual([]);
  });

  it("holds the record: patient, condition, consultation, plan, every session, serum, score and adverse event", () => {
    const spec = COHORT[0]!;
    const of = (t: string) =>
      bundle.entry.filter((e) => e.resource.resourceType === t).map((e) => e.resource);
    expect(of("Patient")).toHaveLength(1);
    expect(of("Patient")[0]).toMatchObject({
      name: [{ family: spec.patient.familyName, given: [spec.patient.givenName] }],
      birthDate: spec.patient.dateOfBirth,
    });
    expect(of("Condition")).toHaveLength(spec.concerns.length);
    expect(JSON.stringify(of("Condition")[0])).toContain("L90.5");
    expect(of("Encounter")).toHaveLength(1);
    expect(of("CarePlan")).toHaveLength(1);
    expect(of("Procedure")).toHaveLength(spec.sessions.length);
    const applied = spec.sessions.flatMap((s) => s.serums ?? []);
    expect(of("MedicationAdministration")).toHaveLength(applied.length);
    expect(of("Medication")).toHaveLength(1);
    const events = spec.sessions.flatMap((s) => s.adverseEvents ?? []).length + (spec.lateEvent ? 1 : 0);
    expect(of("AdverseEvent")).toHaveLength(events);
    // Baseline, every score, and the Fitzpatrick type.
    expect(of("Observation")).toHaveLength(spec.concerns.length + spec.assessments.length + 1);
    for (const p of of("Procedure"))
      expect(references(p)).toContain(
        bundle.entry.find((e) => e.resource.resourceType === "Patient")!.fullUrl,
      );
  });

  it("every cohort patient's bundle is valid, as the clinic admin", async () => {
    for (const p of created) {
      const r = await api.gql<{ patientFhirBundle: string }>(FHIR, { id: p.id }, api.users.mia);
      expect(r.errors).toBeUndefined();
      const b = JSON.parse(r.data!.patientFhirBundle) as FhirBundle;
      expect(Fhir.unresolvedReferences(b)).toEqual([]);
      expect(b.entry.every((e) => ALLOWED.has(e.resource.resourceType))).toBe(true);
    }
  });

  it("analysts are FORBIDDEN; a practitioner of another site gets NOT_FOUND", async () => {
    expect(codes(await api.gql(FHIR, { id: created[0]!.id }, api.users.leo))).toEqual(["FORBIDDEN"]);
    // Yusuf is at riverside; Ava works at harbour only.
    expect(codes(await api.gql(FHIR, { id: created[1]!.id }, api.users.ava))).toEqual(["NOT_FOUND"]);
  });
});
