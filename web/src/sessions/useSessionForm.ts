import { useForm, type UseFormReturnType } from "@mantine/form";
import { useMemo, useRef, useState } from "react";
import { useAuth } from "../auth/context";
import { describeWith, type Errors } from "../clinical/validate";
import type { PatientFieldsFragment, Zone } from "../gql/graphql";
import type { CatalogueSerum } from "./catalogue";
import { compareWithConsultation, useLiveScreen } from "./rescreen";
import { useSerumChecks } from "./serumChecks";
import {
  addSerumBlocked,
  answersInput,
  deviations,
  FIELD_LABELS,
  initialValues,
  validateSession,
  type RecorderPlan,
  type ScreeningQuestion,
  type SessionFormValues,
} from "./sessionForm";

export type SessionForm = UseFormReturnType<SessionFormValues>;

export const describe = describeWith(FIELD_LABELS);

export function describeAll(errors: Errors): Errors {
  return Object.fromEntries(
    Object.entries(errors).map(([path, reason]) => [
      path,
      path.startsWith("rescreen.") || path.startsWith("overrides.")
        ? reason.charAt(0).toUpperCase() + reason.slice(1)
        : describe(path, reason),
    ]),
  );
}

/** The recorder's form, what it derives from the values (re-screen, serum checks, deviations) and the re-screen gate. */
export function useSessionForm({
  patient,
  plan,
  questions,
  catalogue,
}: {
  patient: PatientFieldsFragment;
  plan: RecorderPlan;
  questions: readonly ScreeningQuestion[];
  catalogue: readonly CatalogueSerum[];
}) {
  const { site: currentSite, me } = useAuth();
  const formRef = useRef<HTMLFormElement>(null);
  const [started, setStarted] = useState(false);
  const form = useForm<SessionFormValues>({ initialValues: initialValues(plan, questions) });
  const v = form.values;

  const siteId =
    currentSite && (me?.role === "CLINIC_ADMIN" || me?.sites.some((s) => s.id === currentSite.id))
      ? currentSite.id
      : plan.site.id;
  const treatedZones = v.zones.map((z) => z.zone).filter((z): z is Zone => !!z);
  const answers = useMemo(() => answersInput(v, questions), [v, questions]);
  const screen = useLiveScreen(patient.id, answers, v.performedOn, treatedZones);
  const { rows: rescreenRows, resolved } = useMemo(
    () => compareWithConsultation(screen.findings ?? [], plan.consultation),
    [screen.findings, plan.consultation],
  );
  const overrideCodes = rescreenRows.filter((r) => r.needsOverride).map((r) => r.finding.code);
  const checks = useSerumChecks(patient.id, v.serums, v.performedOn);
  const devs = deviations(v.zones, plan.zones);
  const serumById = useMemo(() => new Map(catalogue.map((s) => [s.id, s])), [catalogue]);
  const addBlocked = addSerumBlocked(v.serums);

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  /** The re-screen must be complete, and every uncovered BLOCK overridden with a reason, before treating. */
  const rescreenErrors = (): Errors => {
    const all = validateSession(v, plan.zones, questions);
    const errors: Errors = Object.fromEntries(
      Object.entries(all).filter(([p]) => p === "performedOn" || p.startsWith("rescreen.")),
    );
    for (const row of rescreenRows.filter((r) => r.needsOverride && r.finding.overridable))
      if (!(v.overrides[row.finding.code] ?? "").trim())
        errors[`overrides.${row.finding.code}`] = "give a reason to proceed despite this block";
    return errors;
  };
  const blockedForGood = rescreenRows.some((r) => r.needsOverride && !r.finding.overridable);

  const start = () => {
    const errors = rescreenErrors();
    if (Object.keys(errors).length > 0 || !screen.findings || blockedForGood) {
      form.setErrors(describeAll(errors));
      focusFirstError();
      return;
    }
    form.clearErrors();
    setStarted(true);
    requestAnimationFrame(() => document.getElementById("session-device")?.focus());
  };

  /** Serum rows the API's check refused: a bad lot never goes through; other BLOCKs need a reason. */
  const serumGate = (): Errors => {
    const errors: Errors = {};
    v.serums.forEach((row, i) => {
      const c = checks[row.key];
      if (!row.serumId || !row.lotNumber.trim()) return;
      if (!c || c.loading) errors[`serums.${i}.lotNumber`] = "is still being checked: wait a moment";
      else if (c.blocked && !c.overridable)
        errors[`serums.${i}.lotNumber`] =
          "cannot be used: " +
          c.findings
            .filter((f) => f.level === "BLOCK" && !f.overridable)
            .map((f) => f.reason)
            .join(" ");
      else if (c.blocked && !row.overrideReason.trim())
        errors[`serums.${i}.overrideReason`] = "is required to apply a serum despite a block";
    });
    return errors;
  };

  return {
    form,
    formRef,
    started,
    setStarted,
    siteId,
    treatedZones,
    screen,
    rescreenRows,
    resolved,
    overrideCodes,
    checks,
    devs,
    serumById,
    addBlocked,
    blockedForGood,
    focusFirstError,
    rescreenErrors,
    serumGate,
    start,
  };
}

export type SessionFormState = ReturnType<typeof useSessionForm>;
