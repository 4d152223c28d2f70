import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import { ZONE } from "../clinical/labels";
import { Finding } from "../clinical/Findings";
import type { Zone } from "../gql/graphql";
import { formatDate } from "../patients/labels";
import { DANGER_TEXT } from "../theme";
import { lotLabel, type CatalogueSerum } from "./catalogue";
import type { SerumCheckState } from "./serumChecks";
import { DISTINCT_SERUM_CAP_MESSAGE } from "./sessionForm";
import type { SessionForm } from "./useSessionForm";

export function SerumRowFields({
  index: i,
  form,
  serum,
  catalogue,
  allowed,
  treated,
  check,
  refusals,
}: {
  index: number;
  form: SessionForm;
  serum: CatalogueSerum | undefined;
  catalogue: readonly CatalogueSerum[];
  /** Set when the other rows apply as many different serums as a session may: the choices left. */
  allowed: ReadonlySet<string> | undefined;
  treated: Zone[];
  check: SerumCheckState | undefined;
  refusals: string[];
}) {
  const row = form.values.serums[i];
  if (!row) return null;
  const lots = serum?.lots ?? [];
  const blocks = check?.findings.filter((f) => f.level === "BLOCK") ?? [];
  const hardBlock = !!check && check.blocked && !check.overridable;
  return (
    <Paper
      withBorder
      p="sm"
      role="group"
      aria-label={`Serum ${i + 1}${serum ? `: ${serum.name}` : ""}`}
      style={hardBlock ? { borderColor: "var(--mantine-color-red-8)" } : undefined}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <NativeSelect
          label="Serum"
          required
          description={allowed ? DISTINCT_SERUM_CAP_MESSAGE : undefined}
          data={[
            { value: "", label: "Choose a serum" },
            ...catalogue.map((s) => ({
              value: s.id,
              label: s.clearance === "TOPICAL_AFTER_HEALING" ? `${s.name} (topical after healing)` : s.name,
              disabled: !!allowed && !allowed.has(s.id),
            })),
          ]}
          {...form.getInputProps(`serums.${i}.serumId`)}
          onChange={(e) => {
            form.setFieldValue(`serums.${i}.serumId`, e.currentTarget.value);
            form.setFieldValue(`serums.${i}.lotNumber`, "");
            form.setFieldValue(`serums.${i}.overrideReason`, "");
          }}
        />
        <NativeSelect
          label="Lot"
          required
          disabled={!serum}
          description={
            serum && lots.length === 0 ? "No lot in the catalogue: ask a clinic admin to add one" : undefined
          }
          data={[
            { value: "", label: serum ? "Choose a lot" : "Choose a serum first" },
            ...lots.map((l) => ({ value: l.lotNumber, label: lotLabel(l, formatDate) })),
          ]}
          {...form.getInputProps(`serums.${i}.lotNumber`)}
        />
        <NativeSelect
          label="Zone"
          required
          data={[
            { value: "", label: "Choose a treated zone" },
            ...treated.map((z) => ({ value: z, label: ZONE[z] })),
          ]}
          {...form.getInputProps(`serums.${i}.zone`)}
        />
      </SimpleGrid>
      {check?.loading && (
        <Text size="sm" c="dimmed" mt="xs">
          Checking against the patient&apos;s allergies, needling clearance and the lot…
        </Text>
      )}
      {check?.error && (
        <Text size="sm" c={DANGER_TEXT} mt="xs">
          The check could not run: {check.error.userMessage}
        </Text>
      )}
      {check && !check.loading && !check.error && (
        <Stack gap={6} mt="xs" aria-live="polite" data-testid={`serum-check-${i}`}>
          {check.findings.length === 0 && (
            <Text size="sm" c="teal.9">
              Checked: no allergy, clearance or lot problem.
            </Text>
          )}
          {hardBlock && (
            <Text size="sm" fw={700} c={DANGER_TEXT}>
              Refused: this serum lot cannot be applied.
            </Text>
          )}
          {check.findings.map((f) => (
            <Finding key={f.code} finding={f} />
          ))}
          {check.blocked && check.overridable && (
            <Textarea
              label="Reason to apply it despite the block"
              description={`Overrides: ${blocks.map((b) => b.code).join(", ")}. Recorded with your name and the time.`}
              required
              autosize
              minRows={2}
              {...form.getInputProps(`serums.${i}.overrideReason`)}
            />
          )}
        </Stack>
      )}
      {refusals.length > 0 && (
        <Alert color="red" mt="xs" title="Refused when saving" role="alert">
          {refusals.map((r) => (
            <Text key={r} size="sm">
              {r}
            </Text>
          ))}
        </Alert>
      )}
      <Group justify="flex-end" mt="xs">
        <Button
          variant="subtle"
          color="red"
          c="red.9"
          size="xs"
          onClick={() => form.removeListItem("serums", i)}
          aria-label={`Remove serum ${i + 1}${serum ? ` (${serum.name})` : ""}`}
        >
          Remove
        </Button>
      </Group>
    </Paper>
  );
}
