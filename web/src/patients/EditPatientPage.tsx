import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { gql } from "../api/client";
import { ApiError } from "../api/errors";
import { useQuery } from "../api/useQuery";
import { useAuth } from "../auth/context";
import type { PatientFieldsFragment } from "../gql/graphql";
import { PageLoader } from "../shell/PageLoader";
import { fromPatient } from "./formModel";
import { PatientQuery, UpdatePatientMutation } from "./operations";
import { PatientForm } from "./PatientForm";
import { LoadError } from "./PatientPage";

export default function EditPatientPage() {
  const { id = "" } = useParams();
  const { data, error, loading } = useQuery(PatientQuery, { id });
  if (loading && !data) return <PageLoader />;
  if (error) return <LoadError error={error} />;
  if (!data?.patient) return <LoadError error={new ApiError("NOT_FOUND", "This patient was not found.")} />;
  return <EditPatient patient={data.patient} />;
}

function EditPatient({ patient }: { patient: PatientFieldsFragment }) {
  const { me } = useAuth();
  const navigate = useNavigate();
  // The version this edit is based on; a newer one on the server answers CONFLICT.
  const [version, setVersion] = useState(patient.version);
  const [formKey, setFormKey] = useState(0);
  const [initial, setInitial] = useState(() => fromPatient(patient));
  const [conflict, setConflict] = useState<PatientFieldsFragment | null>(null);
  const back = `/patients/${encodeURIComponent(patient.id)}`;

  const conflictNotice = conflict && (
    <Alert color="orange" title="Someone else saved this patient while you were editing" role="alert">
      <Stack gap="xs">
        <Text size="sm">
          Your changes were not saved and are still in the form. The record was changed after you opened it
          {conflict.updatedAt ? ` (at ${new Date(conflict.updatedAt).toLocaleTimeString()})` : ""}. Choose
          what to do:
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            onClick={() => {
              setVersion(conflict.version);
              setConflict(null);
            }}
          >
            Keep my changes (save again to overwrite)
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              setVersion(conflict.version);
              setInitial(fromPatient(conflict));
              setFormKey((k) => k + 1);
              setConflict(null);
            }}
          >
            Discard mine and load the latest
          </Button>
        </Group>
      </Stack>
    </Alert>
  );

  return (
    <Stack maw={960}>
      <Title order={1}>
        Edit {patient.givenName} {patient.familyName}
      </Title>
      <PatientForm
        key={formKey}
        initialValues={initial}
        sites={me?.sites ?? [patient.site]}
        submitLabel="Save changes"
        notice={conflictNotice}
        onCancel={() => void navigate(back)}
        onSubmit={async (input) => {
          try {
            await gql(UpdatePatientMutation, {
              id: patient.id,
              version,
              input,
              idempotencyKey: crypto.randomUUID(),
            });
          } catch (e) {
            if (e instanceof ApiError && e.code === "CONFLICT") {
              const latest = await gql(PatientQuery, { id: patient.id });
              if (latest.patient) {
                setConflict(latest.patient);
                return;
              }
            }
            throw e;
          }
          notifications.show({ color: "teal", message: "Changes saved." });
          await navigate(back);
        }}
      />
    </Stack>
  );
}
