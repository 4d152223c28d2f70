import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef, useState, type ReactNode } from "react";
import { ApiError, type FieldError } from "../api/errors";
import type { PatientInput } from "../gql/graphql";
import {
  emptyAllergy,
  emptyMedication,
  placeFieldErrors,
  toInput,
  type PatientFormValues,
} from "./formModel";
import { ALLERGY_KIND, FITZPATRICK, HISTORY_FLAG, keysOf, MEDICATION_CLASS, SEVERITY } from "./labels";
import { todayIso } from "@needlework/core";
import { validatePatientForm } from "./validation";

const LABELS: Record<string, string> = {
  siteId: "Site",
  givenName: "Given name",
  familyName: "Family name",
  dateOfBirth: "Date of birth",
  email: "Email",
  phone: "Phone",
  fitzpatrick: "Fitzpatrick skin type",
  substance: "Substance",
  kind: "Kind",
  reaction: "Reaction",
  severity: "Severity",
  name: "Medication",
  class: "Class",
  startedOn: "Started on",
  stoppedOn: "Stopped on",
  historyFlags: "Medical history",
  allergies: "Allergies and sensitivities",
  medications: "Medications",
};

/** "dateOfBirth", "must not be after …" → "Date of birth must not be after …". */
export function describe(path: string, reason: string): string {
  const last =
    path
      .split(".")
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  return `${LABELS[last] ?? last} ${reason}`;
}

function describeAll(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([p, r]) => [p, describe(p, r)]));
}

const options = <K extends string>(record: Record<K, string>) =>
  keysOf(record).map((value) => ({ value, label: record[value] }));

export interface PatientFormProps {
  initialValues: PatientFormValues;
  sites: { id: string; name: string }[];
  submitLabel: string;
  /** Saves; throw an ApiError and BAD_USER_INPUT lands beside the fields, anything else above the buttons. */
  onSubmit: (input: PatientInput) => Promise<void>;
  onCancel: () => void;
  /** Shown above the buttons (e.g. a CONFLICT explanation with its choices). */
  notice?: ReactNode;
}

export function PatientForm({
  initialValues,
  sites,
  submitLabel,
  onSubmit,
  onCancel,
  notice,
}: PatientFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ message: string; unplaced: FieldError[] } | null>(null);
  const form = useForm<PatientFormValues>({
    initialValues,
    validate: (values) => describeAll(validatePatientForm(values)),
    validateInputOnBlur: true,
  });

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const submit = async (values: PatientFormValues) => {
    setSaving(true);
    setFailure(null);
    try {
      await onSubmit(toInput(values));
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError("INTERNAL_SERVER_ERROR", "Unexpected error");
      if (error.code === "BAD_USER_INPUT") {
        const { errors, unplaced } = placeFieldErrors(error.fields, values);
        form.setErrors(describeAll(errors));
        setFailure({
          message:
            Object.keys(errors).length > 0
              ? "Some fields need attention: see the messages beside them."
              : error.message,
          unplaced,
        });
        focusFirstError();
      } else {
        setFailure({ message: error.userMessage, unplaced: [] });
      }
    } finally {
      setSaving(false);
    }
  };

  const { allergies, medications } = form.values;

  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit((v) => void submit(v), focusFirstError)}>
      <Stack gap="lg">
        <Fieldset legend="Patient">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Given name" required autoComplete="off" {...form.getInputProps("givenName")} />
            <TextInput
              label="Family name"
              required
              autoComplete="off"
              {...form.getInputProps("familyName")}
            />
            <TextInput
              label="Date of birth"
              type="date"
              required
              max={todayIso()}
              {...form.getInputProps("dateOfBirth")}
            />
            {sites.length > 1 ? (
              <NativeSelect
                label="Site"
                required
                data={sites.map((s) => ({ value: s.id, label: s.name }))}
                {...form.getInputProps("siteId")}
              />
            ) : (
              <TextInput label="Site" readOnly value={sites[0]?.name ?? ""} />
            )}
            <TextInput label="Email" type="email" autoComplete="off" {...form.getInputProps("email")} />
            <TextInput label="Phone" type="tel" autoComplete="off" {...form.getInputProps("phone")} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Skin">
          <NativeSelect
            label="Fitzpatrick skin type"
            description="IV–VI: risk of post-inflammatory hyperpigmentation, needle conservatively"
            data={[{ value: "", label: "Not assessed yet" }, ...options(FITZPATRICK)]}
            {...form.getInputProps("fitzpatrick")}
          />
        </Fieldset>

        <Fieldset legend="Allergies and sensitivities">
          <Stack gap="sm">
            {allergies.length === 0 && <Text c="dimmed">None recorded.</Text>}
            {allergies.map((row, i) => (
              <Paper
                key={row.key}
                withBorder
                p="sm"
                role="group"
                aria-label={`Allergy or sensitivity ${i + 1}`}
              >
                <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
                  <TextInput label="Substance" required {...form.getInputProps(`allergies.${i}.substance`)} />
                  <NativeSelect
                    label="Kind"
                    data={options(ALLERGY_KIND)}
                    {...form.getInputProps(`allergies.${i}.kind`)}
                  />
                  <NativeSelect
                    label="Severity"
                    data={options(SEVERITY)}
                    {...form.getInputProps(`allergies.${i}.severity`)}
                  />
                  <TextInput label="Reaction" {...form.getInputProps(`allergies.${i}.reaction`)} />
                </SimpleGrid>
                <Group justify="flex-end" mt="xs">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => form.removeListItem("allergies", i)}
                    aria-label={`Remove allergy or sensitivity ${i + 1}${row.substance ? ` (${row.substance})` : ""}`}
                  >
                    Remove
                  </Button>
                </Group>
              </Paper>
            ))}
            <Group>
              <Button variant="light" onClick={() => form.insertListItem("allergies", emptyAllergy())}>
                Add allergy or sensitivity
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend="Medications">
          <Stack gap="sm">
            {medications.length === 0 && <Text c="dimmed">None recorded.</Text>}
            {medications.map((row, i) => (
              <Paper key={row.key} withBorder p="sm" role="group" aria-label={`Medication ${i + 1}`}>
                <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
                  <TextInput label="Medication" required {...form.getInputProps(`medications.${i}.name`)} />
                  <NativeSelect
                    label="Class"
                    data={options(MEDICATION_CLASS)}
                    {...form.getInputProps(`medications.${i}.class`)}
                  />
                  <TextInput
                    label="Started on"
                    type="date"
                    {...form.getInputProps(`medications.${i}.startedOn`)}
                  />
                  <TextInput
                    label="Stopped on"
                    type="date"
                    {...form.getInputProps(`medications.${i}.stoppedOn`)}
                  />
                </SimpleGrid>
                <Group justify="flex-end" mt="xs">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => form.removeListItem("medications", i)}
                    aria-label={`Remove medication ${i + 1}${row.name ? ` (${row.name})` : ""}`}
                  >
                    Remove
                  </Button>
                </Group>
              </Paper>
            ))}
            <Group>
              <Button variant="light" onClick={() => form.insertListItem("medications", emptyMedication())}>
                Add medication
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend="Medical history">
          <Checkbox.Group label="Conditions that affect needling" {...form.getInputProps("historyFlags")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              {keysOf(HISTORY_FLAG).map((flag) => (
                <Checkbox key={flag} value={flag} label={HISTORY_FLAG[flag]} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Fieldset>

        {failure && (
          <Alert color="red" title="Not saved" role="alert">
            <Text size="sm">{failure.message}</Text>
            {failure.unplaced.length > 0 && (
              <List size="sm" mt="xs">
                {failure.unplaced.map((f) => (
                  <List.Item key={f.path}>{describe(f.path, f.reason)}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {notice}

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
