import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { gql } from "../api/client";
import { ApiError, type FieldError } from "../api/errors";
import type { PatientFieldsFragment } from "../gql/graphql";
import { RecordSessionMutation } from "./operations";
import {
  placeErrors,
  toSessionInput,
  validateSession,
  type RecorderPlan,
  type ScreeningQuestion,
} from "./sessionForm";
import { describeAll, type SessionFormState } from "./useSessionForm";

export interface SaveFailure {
  title: string;
  message: string;
  unplaced: FieldError[];
  keyReused?: boolean;
}

/** Saving the session: the client-side gates, the mutation, and placing what the API refused. */
export function useRecordSession({
  patient,
  plan,
  questions,
  session,
}: {
  patient: PatientFieldsFragment;
  plan: RecorderPlan;
  questions: readonly ScreeningQuestion[];
  session: SessionFormState;
}) {
  const navigate = useNavigate();
  const { form, setStarted, focusFirstError, rescreenErrors, serumGate, siteId, overrideCodes } = session;
  const v = form.values;
  // One key per recording: a double click or a retry after a lost answer records the session once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [conflict, setConflict] = useState(false);
  const [rescreenRefusals, setRescreenRefusals] = useState<string[]>([]);
  const [serumRefusals, setSerumRefusals] = useState<Record<number, string[]>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const errors = { ...validateSession(v, plan.zones, questions), ...rescreenErrors(), ...serumGate() };
    if (Object.keys(errors).length > 0) {
      form.setErrors(describeAll(errors));
      if (
        Object.keys(errors).some(
          (p) => p.startsWith("rescreen.") || p.startsWith("overrides.") || p === "performedOn",
        )
      )
        setStarted(false);
      focusFirstError();
      return;
    }
    setSaving(true);
    setRescreenRefusals([]);
    setSerumRefusals({});
    try {
      const input = toSessionInput(v, { planId: plan.id, siteId, questions, overrideCodes });
      const { recordTreatmentSession } = await gql(RecordSessionMutation, {
        patientId: patient.id,
        input,
        idempotencyKey,
      });
      const { progress } = recordTreatmentSession.plan;
      notifications.show({
        color: "teal",
        message: `Session recorded (${progress.done} of ${progress.planned}).`,
      });
      await navigate(
        `/patients/${encodeURIComponent(patient.id)}/sessions/${encodeURIComponent(recordTreatmentSession.session.id)}`,
      );
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError("INTERNAL_SERVER_ERROR", "Unexpected error");
      handleError(error);
    } finally {
      setSaving(false);
    }
  };

  const handleError = (error: ApiError) => {
    switch (error.code) {
      case "BAD_USER_INPUT": {
        const keyReused = error.fields.some((f) => f.path === "idempotencyKey");
        const { errors, unplaced } = placeErrors(error.fields.filter((f) => f.path !== "idempotencyKey"));
        form.setErrors(describeAll(errors));
        if (Object.keys(errors).some((p) => p.startsWith("rescreen.") || p === "performedOn"))
          setStarted(false);
        setFailure({
          title: keyReused ? "This session may already be recorded" : "Not saved",
          message: keyReused
            ? "An earlier save of this session may have gone through before the connection dropped, and the form has changed since. Check the patient's timeline before saving it as a new session."
            : Object.keys(errors).length > 0
              ? "Some fields need attention: see the messages beside them."
              : error.message,
          unplaced,
          keyReused,
        });
        focusFirstError();
        return;
      }
      case "CONTRAINDICATED": {
        const rescreen: string[] = [];
        const serums: Record<number, string[]> = {};
        for (const r of error.reasons) {
          const m = /^(?:serums|serumsApplied)\.(\d+)/.exec(r.path ?? "");
          if (m) (serums[Number(m[1])] ??= []).push(r.message);
          else rescreen.push(r.message);
        }
        setRescreenRefusals(rescreen);
        setSerumRefusals(serums);
        if (rescreen.length > 0) setStarted(false);
        setFailure({
          title: "Not saved: a contraindication blocks this session",
          message:
            "The reasons are shown where they apply. Give an override reason where one is allowed, or change the serum or lot.",
          unplaced: [],
        });
        focusFirstError();
        return;
      }
      case "CONFLICT":
        setConflict(true);
        return;
      case "NOT_FOUND":
      case "FORBIDDEN":
      case "UNAUTHENTICATED":
      case "THROTTLED":
      case "IDENTITY_UNAVAILABLE":
      case "INTERNAL_SERVER_ERROR":
      case "NETWORK":
        setFailure({
          title: "Not saved",
          message:
            error.code === "NETWORK" || error.code === "THROTTLED"
              ? `${error.userMessage} Saving again is safe: the session will not be recorded twice.`
              : error.userMessage,
          unplaced: [],
        });
    }
  };

  /** The API may have recorded an earlier attempt; the user says it did not, so this is a new recording. */
  const saveAsNew = () => {
    setIdempotencyKey(crypto.randomUUID());
    setFailure(null);
  };

  return {
    submit,
    saving,
    failure,
    conflict,
    clearConflict: () => setConflict(false),
    rescreenRefusals,
    serumRefusals,
    saveAsNew,
  };
}
