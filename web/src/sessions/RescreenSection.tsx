import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  Loader,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { Finding } from "../clinical/Findings";
import { formatDate } from "../patients/labels";
import { todayIso } from "@needlework/core";
import { WARN_TEXT } from "../theme";
import type { RescreenRow, ScreenState } from "./rescreen";
import type { RecorderPlan, ScreeningQuestion, SessionFormValues } from "./sessionForm";

const STATUS_LABEL: Record<RescreenRow["status"], string> = {
  NEW: "New since the consultation",
  CHANGED: "Changed since the consultation",
  UNCHANGED: "As at the consultation",
};

export function RescreenQuestions({
  form,
  questions,
}: {
  form: UseFormReturnType<SessionFormValues>;
  questions: readonly ScreeningQuestion[];
}) {
  const booleans = questions.filter((q) => q.kind === "BOOLEAN");
  const dates = questions.filter((q) => q.kind === "DATE");
  return (
    <Stack gap="md">
      <TextInput
        label="Session date"
        type="date"
        required
        max={todayIso()}
        maw={220}
        {...form.getInputProps("performedOn")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {booleans.map((q) => (
          <Radio.Group
            key={q.key}
            label={q.label}
            description={q.help}
            required={q.required}
            {...form.getInputProps(`rescreen.${q.key}`)}
          >
            <Group gap="lg" mt={4}>
              <Radio value="no" label="No" />
              <Radio value="yes" label="Yes" />
            </Group>
          </Radio.Group>
        ))}
      </SimpleGrid>
      {dates.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {dates.map((q) => (
            <TextInput
              key={q.key}
              type="date"
              label={q.label}
              description={q.help}
              max={form.values.performedOn || todayIso()}
              {...form.getInputProps(`rescreen.${q.key}`)}
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** The day's findings against the consultation's, with an override reason for each uncovered BLOCK. */
export function RescreenFindings({
  form,
  screen,
  rows,
  resolved,
  serverReasons,
}: {
  form: UseFormReturnType<SessionFormValues>;
  screen: ScreenState;
  rows: RescreenRow[];
  resolved: { code: string; reason: string }[];
  serverReasons: string[];
}) {
  return (
    <Stack gap="sm" aria-live="polite">
      <Group gap="xs">
        <Text fw={600}>Screen today</Text>
        {screen.loading && <Loader size="xs" aria-label="Screening" />}
      </Group>
      {screen.error && (
        <Alert color="red" role="alert" title="The screen could not run">
          {screen.error.userMessage}
        </Alert>
      )}
      {serverReasons.length > 0 && (
        <Alert color="red" role="alert" title="The session was refused by the re-screen">
          <Stack gap={4}>
            {serverReasons.map((r) => (
              <Text key={r} size="sm">
                {r}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {screen.findings && rows.length === 0 && (
        <Text size="sm">Nothing found: no contraindication today.</Text>
      )}
      {rows.map((row) => (
        <Finding
          key={row.finding.code}
          finding={row.finding}
          extra={
            <Stack gap={6} mt={4}>
              <Group gap={6}>
                <Badge
                  size="sm"
                  variant="outline"
                  color={row.status === "UNCHANGED" ? "gray.7" : "orange.9"}
                  c={row.status === "UNCHANGED" ? "dark.7" : WARN_TEXT}
                >
                  {STATUS_LABEL[row.status]}
                </Badge>
                {row.carried && (
                  <Text size="xs" c="dimmed">
                    Overridden at the consultation by {row.carried.by.name}: “{row.carried.reason}”
                  </Text>
                )}
              </Group>
              {row.needsOverride &&
                (row.finding.overridable ? (
                  <Textarea
                    label={`Reason to proceed despite this (${row.finding.code.toLowerCase().replaceAll("_", " ")})`}
                    description="Recorded with your name and the time, and shown in the record and the audit trail."
                    required
                    autosize
                    minRows={2}
                    maw={640}
                    {...form.getInputProps(`overrides.${row.finding.code}`)}
                  />
                ) : (
                  <Text size="sm" fw={600} c="red.9">
                    This cannot be overridden: the session cannot go ahead today.
                  </Text>
                ))}
            </Stack>
          }
        />
      ))}
      {resolved.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            No longer found since the consultation
          </Text>
          {resolved.map((f) => (
            <Text key={f.code} size="sm" c="dimmed">
              {f.reason}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** One line per answer once the session has started, with a way back to change them. */
export function RescreenSummary({
  form,
  plan,
  rows,
  performedOn,
  onChange,
}: {
  form: UseFormReturnType<SessionFormValues>;
  plan: RecorderPlan;
  rows: RescreenRow[];
  performedOn: string;
  onChange: () => void;
}) {
  const blocks = rows.filter((r) => r.finding.level === "BLOCK").length;
  const warns = rows.length - blocks;
  return (
    <Fieldset legend="Re-screen">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm">
            Screened for {formatDate(performedOn)} against the consultation of{" "}
            {formatDate(plan.consultation.date)}:{" "}
            {rows.length === 0
              ? "nothing found."
              : `${blocks} block${blocks === 1 ? "" : "s"} (overridden) and ${warns} warning${warns === 1 ? "" : "s"}.`}
          </Text>
          <Stack gap={4} mt="xs">
            {rows.map((r) => (
              <Finding
                key={r.finding.code}
                finding={r.finding}
                extra={
                  <Text size="xs" c="dimmed">
                    {r.carried
                      ? `Overridden at the consultation by ${r.carried.by.name}: “${r.carried.reason}”`
                      : r.needsOverride
                        ? `${r.status === "NEW" ? "New" : "Changed"} today, overridden: “${
                            form.values.overrides[r.finding.code] ?? ""
                          }”`
                        : STATUS_LABEL[r.status]}
                  </Text>
                }
              />
            ))}
          </Stack>
        </div>
        <Button variant="default" size="xs" onClick={onChange}>
          Change answers
        </Button>
      </Group>
    </Fieldset>
  );
}
