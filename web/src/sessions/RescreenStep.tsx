import { Alert, Button, Fieldset, Group, Stack, Text } from "@mantine/core";
import { formatDate } from "../patients/labels";
import { RescreenFindings, RescreenQuestions } from "./RescreenSection";
import { unanswered, type RecorderPlan, type ScreeningQuestion } from "./sessionForm";
import type { SessionFormState } from "./useSessionForm";

/** The screening questions asked again before the session can start. */
export function RescreenStep({
  session,
  plan,
  questions,
  serverReasons,
}: {
  session: SessionFormState;
  plan: RecorderPlan;
  questions: readonly ScreeningQuestion[];
  serverReasons: string[];
}) {
  const { form, screen, rescreenRows, resolved, blockedForGood, start } = session;
  const v = form.values;
  return (
    <Fieldset legend="Re-screen before starting">
      <Stack gap="md">
        <Text size="sm">
          Ask the screening questions again today. Anything new or changed since the consultation of{" "}
          {formatDate(plan.consultation.date)} is marked; a block needs a reason to go ahead.
        </Text>
        <RescreenQuestions form={form} questions={questions} />
        <RescreenFindings
          form={form}
          screen={screen}
          rows={rescreenRows}
          resolved={resolved}
          serverReasons={serverReasons}
        />
        {blockedForGood && (
          <Alert color="red" role="alert" title="The session cannot go ahead today">
            A block that cannot be overridden was found. Record what happened in the patient&apos;s notes and
            rebook.
          </Alert>
        )}
        <Group justify="flex-end">
          <Text size="sm" c="dimmed">
            {unanswered(v, questions).length > 0
              ? `${unanswered(v, questions).length} question(s) still to answer`
              : ""}
          </Text>
          <Button onClick={start} disabled={blockedForGood} loading={!screen.findings && !screen.error}>
            Start the session
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
