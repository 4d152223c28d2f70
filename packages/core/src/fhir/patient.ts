import type { BundleContext } from "./context";
import type { FhirExportInput, FhirPatient } from "./types";

export function patientResource(p: FhirExportInput["patient"], ctx: BundleContext): FhirPatient {
  const telecom: { system: "email" | "phone"; value: string }[] = [];
  if (p.email) telecom.push({ system: "email", value: p.email });
  if (p.phone) telecom.push({ system: "phone", value: p.phone });
  return {
    resourceType: "Patient",
    id: ctx.idOf("Patient", p.id),
    name: [{ family: p.familyName, given: [p.givenName] }],
    birthDate: p.dateOfBirth,
    ...(telecom.length ? { telecom } : {}),
  };
}
