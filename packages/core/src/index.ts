export * from "./errors";
export * from "./validate";
export * as PatientRules from "./patient";
export type {
  Patient,
  PatientInput,
  Allergy,
  Medication,
  FitzpatrickType,
  HistoryFlag,
  MedicationClass,
} from "./patient";
export * from "./principal";
