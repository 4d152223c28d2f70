import { Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMemo } from "react";
import { useNavigate } from "react-router";
import { gql } from "../api/client";
import { useAuth, useSite } from "../auth/context";
import { emptyPatient } from "./formModel";
import { CreatePatientMutation } from "./operations";
import { PatientForm } from "./PatientForm";

export default function NewPatientPage() {
  const { me } = useAuth();
  const site = useSite();
  const navigate = useNavigate();
  // One key per form visit: a retried submit after a lost answer does not create a second patient.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);

  return (
    <Stack maw={960}>
      <div>
        <Title order={1}>New patient</Title>
        <Text c="dimmed">
          Fields marked * are required. Allergies and history can be added now or at consultation.
        </Text>
      </div>
      <PatientForm
        initialValues={emptyPatient(site.id)}
        sites={me?.sites ?? [site]}
        submitLabel="Create patient"
        onCancel={() => void navigate("/patients")}
        onSubmit={async (input) => {
          const { createPatient } = await gql(CreatePatientMutation, { input, idempotencyKey });
          const p = createPatient.patient;
          notifications.show({ color: "teal", message: `${p.givenName} ${p.familyName} was added.` });
          await navigate(`/patients/${encodeURIComponent(p.id)}`);
        }}
      />
    </Stack>
  );
}
