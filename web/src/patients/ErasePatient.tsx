import { Alert, Button, Group, List, Modal, Progress, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { gql } from "../api/client";
import { ApiError } from "../api/errors";
import { patientTrailPath } from "../admin/audit";
import type { ErasePatientMutation as ErasePatientResult } from "../gql/graphql";
import { confirmsName, ERASED_KIND_LABELS, erasedLine, percentDone } from "./erasure";
import { ErasePatientMutation } from "./operations";

type Erasure = ErasePatientResult["erasePatient"]["erasure"];

/** Calls the API again while it answers ERASING (a long erasure is done over several requests). */
const MAX_CALLS = 200;

/**
 * "Erase patient", for clinic admins: the patient's name typed to confirm and a reason (kept in the
 * audit trail), then the erasure with its progress, then what was erased. It cannot be undone.
 */
export function ErasePatientButton({
  patient,
}: {
  patient: { id: string; givenName: string; familyName: string };
}) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button color="red" variant="outline" onClick={() => setOpened(true)}>
        Erase patient
      </Button>
      {opened && <ErasePatientDialog patient={patient} onClose={() => setOpened(false)} />}
    </>
  );
}

function ErasePatientDialog({
  patient,
  onClose,
}: {
  patient: { id: string; givenName: string; familyName: string };
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const fullName = `${patient.givenName} ${patient.familyName}`;
  const [name, setName] = useState("");
  const [reason, setReason] = useState("");
  const [running, setRunning] = useState(false);
  const [erasure, setErasure] = useState<Erasure | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const nameOk = confirmsName(name, patient);
  const done = erasure?.status === "ERASED";
  const fieldError = (path: string) => error?.fields.find((f) => f.path === path)?.reason;

  async function erase() {
    setRunning(true);
    setError(null);
    try {
      for (let i = 0; i < MAX_CALLS; i++) {
        const r = await gql(ErasePatientMutation, { id: patient.id, confirmName: name, reason });
        setErasure(r.erasePatient.erasure);
        if (r.erasePatient.erasure.status === "ERASED") return;
      }
      setError(
        new ApiError("INTERNAL_SERVER_ERROR", "The erasure is not finished yet: erase again to carry on."),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError("INTERNAL_SERVER_ERROR", String(e)));
    } finally {
      setRunning(false);
    }
  }

  return (
    <Modal
      opened
      // Once erased there is no patient page to go back to.
      onClose={running ? () => undefined : done ? () => void navigate("/patients") : onClose}
      withCloseButton={!running}
      closeOnClickOutside={!running}
      title={done ? `${fullName} was erased` : `Erase ${fullName}`}
      size="lg"
    >
      {done && erasure ? (
        <Stack>
          <Text>
            The patient&apos;s personal and clinical data is gone. The audit trail keeps who did what and
            when, and the erasure with your reason.
          </Text>
          <List size="sm" aria-label="What was erased">
            {(Object.keys(ERASED_KIND_LABELS) as (keyof typeof ERASED_KIND_LABELS)[])
              .filter((k) => erasure.erased[k] > 0)
              .map((k) => (
                <List.Item key={k}>{erasedLine(k, erasure.erased[k])}</List.Item>
              ))}
          </List>
          <Group justify="flex-end">
            <Button component={Link} to={patientTrailPath(patient.id)} variant="default">
              Open the audit trail
            </Button>
            <Button component={Link} to="/patients">
              Back to patients
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          aria-label="Erase patient"
          onSubmit={(e) => {
            e.preventDefault();
            if (nameOk && reason.trim().length >= 3 && !running) void erase();
          }}
        >
          <Stack>
            <Alert color="red" title="This cannot be undone">
              Erasing removes the patient&apos;s profile, consultations, plans, sessions, assessments and
              outcome data for good. Lot traces keep the application without the patient, for a recall; the
              audit trail keeps who did what and when, without details.
            </Alert>
            <TextInput
              label={`Type the patient's name to confirm: ${fullName}`}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              disabled={running}
              autoComplete="off"
              required
              error={
                fieldError("confirmName") ??
                (name && !nameOk ? "Does not match the patient's name" : undefined)
              }
            />
            <Textarea
              label="Reason"
              description="Kept in the audit trail: do not include the patient's name or contact details."
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              disabled={running}
              autosize
              minRows={2}
              maxLength={1000}
              required
              error={fieldError("reason")}
            />
            {erasure && (
              <Stack gap={4} aria-live="polite">
                <Text size="sm">
                  Erasing… {erasure.progress.done} of {erasure.progress.total} items
                </Text>
                <Progress value={percentDone(erasure.progress)} aria-label="Erasure progress" />
              </Stack>
            )}
            {error && error.fields.length === 0 && (
              <Alert color="red" role="alert" title="Not erased yet">
                {error.userMessage} {erasure ? "Erase again to carry on where it stopped." : ""}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} disabled={running}>
                Cancel
              </Button>
              <Button
                type="submit"
                color="red"
                loading={running}
                disabled={!nameOk || reason.trim().length < 3}
              >
                Erase patient
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
