import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useNavigate } from "react-router";
import { INDICATION, ZONE } from "../clinical/labels";
import { SafetyStrip } from "../clinical/SafetyStrip";
import type { PatientFieldsFragment } from "../gql/graphql";
import { formatDate } from "../patients/labels";
import { AdverseEventsSection } from "./AdverseEventsSection";
import { AftercareSection } from "./AftercareSection";
import type { CatalogueSerum } from "./catalogue";
import { DeviceSection } from "./DeviceSection";
import { NumbingSection } from "./NumbingSection";
import { RescreenSummary } from "./RescreenSection";
import { RescreenStep } from "./RescreenStep";
import { SaveFeedback } from "./SaveFeedback";
import { SerumsSection } from "./SerumsSection";
import type { RecorderPlan, ScreeningQuestion } from "./sessionForm";
import { useRecordSession } from "./useRecordSession";
import { useSessionForm } from "./useSessionForm";
import { ZonesSection } from "./ZonesSection";

export interface SessionRecorderProps {
  patient: PatientFieldsFragment;
  plan: RecorderPlan;
  questions: readonly ScreeningQuestion[];
  catalogue: readonly CatalogueSerum[];
  /** Reloads the patient and plan (after a CONFLICT) without touching what was typed. */
  onReload: () => Promise<unknown>;
}

export function SessionRecorder({ patient, plan, questions, catalogue, onReload }: SessionRecorderProps) {
  const navigate = useNavigate();
  const session = useSessionForm({ patient, plan, questions, catalogue });
  const save = useRecordSession({ patient, plan, questions, session });
  const { form, formRef, started, setStarted } = session;
  const progress = plan.progress;
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => void save.submit(e)}
      aria-label="Record a treatment session"
    >
      <Stack gap="lg">
        <div>
          <Title order={1}>
            Session for {patient.givenName} {patient.familyName}
          </Title>
          <Text c="dimmed">
            {plan.concerns.map((c) => `${INDICATION[c.indication]} (${ZONE[c.bodyArea]})`).join(", ")} ·
            session {progress.done + 1} of {progress.planned} · every {plan.intervalWeeks} weeks
            {plan.nextDueOn ? ` · due ${formatDate(plan.nextDueOn)}` : ""}
          </Text>
        </div>

        <SafetyStrip patient={patient} />

        {started ? (
          <RescreenSummary
            form={form}
            plan={plan}
            rows={session.rescreenRows}
            performedOn={form.values.performedOn}
            onChange={() => setStarted(false)}
          />
        ) : (
          <RescreenStep
            session={session}
            plan={plan}
            questions={questions}
            serverReasons={save.rescreenRefusals}
          />
        )}

        {started && (
          <>
            <DeviceSection form={form} />
            <ZonesSection form={form} plan={plan} devs={session.devs} />
            <SerumsSection
              form={form}
              catalogue={catalogue}
              serumById={session.serumById}
              treatedZones={session.treatedZones}
              checks={session.checks}
              serumRefusals={save.serumRefusals}
              addBlocked={session.addBlocked}
            />
            <NumbingSection form={form} patient={patient} />
            <AdverseEventsSection form={form} serumById={session.serumById} />
            <AftercareSection form={form} />
            <SaveFeedback
              conflict={save.conflict}
              failure={save.failure}
              onReload={onReload}
              clearConflict={save.clearConflict}
              saveAsNew={save.saveAsNew}
            />
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => void navigate(`/patients/${encodeURIComponent(patient.id)}`)}
              >
                Cancel
              </Button>
              <Button type="submit" loading={save.saving}>
                Record session
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </form>
  );
}
