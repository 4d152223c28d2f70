/** FHIR R4 export of a patient's record; one mapper per resource in ./fhir/. */
export * from "./fhir/types";
export { toFhirBundle, unresolvedReferences } from "./fhir/bundle";
