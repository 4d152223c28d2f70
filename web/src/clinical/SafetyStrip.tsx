import { Group, Paper, Text } from "@mantine/core";
import { AllergyBadge, FitzpatrickBadge } from "../patients/badges";
import { HISTORY_FLAG, MEDICATION_CLASS, SCREENED_MEDICATIONS } from "../patients/labels";
import type { PatientFieldsFragment } from "../gql/graphql";
import { DANGER_TEXT } from "../theme";

/** What must stay in view while recording: allergies, skin type, screened medications, history. */
export function SafetyStrip({ patient: p }: { patient: PatientFieldsFragment }) {
  const meds = p.medications.filter((m) => !m.stoppedOn && SCREENED_MEDICATIONS.has(m.class));
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-label="Safety summary"
      style={{ borderLeft: "4px solid var(--mantine-color-red-8)" }}
    >
      <Group gap="lg" align="flex-start">
        <div>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            Allergies and sensitivities
          </Text>
          {p.allergies.length === 0 ? (
            <Text size="sm">None recorded</Text>
          ) : (
            <Group gap={6} mt={2}>
              {p.allergies.map((a) => (
                <AllergyBadge key={`${a.substance}-${a.kind}`} {...a} />
              ))}
            </Group>
          )}
        </div>
        <div>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            Fitzpatrick
          </Text>
          {p.fitzpatrick ? <FitzpatrickBadge type={p.fitzpatrick} /> : <Text size="sm">Not assessed</Text>}
        </div>
        {meds.length > 0 && (
          <div>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              Screened medications
            </Text>
            {meds.map((m) => (
              <Text key={m.name} size="sm" fw={700} c={DANGER_TEXT}>
                {m.name} ({MEDICATION_CLASS[m.class]})
              </Text>
            ))}
          </div>
        )}
        {p.historyFlags.length > 0 && (
          <div>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              History
            </Text>
            <Text size="sm">{p.historyFlags.map((f) => HISTORY_FLAG[f]).join(" · ")}</Text>
          </div>
        )}
      </Group>
    </Paper>
  );
}
