import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { todayIso } from "@needlework/core";
import { ADVERSE_EVENT, ADVERSE_SEVERITY, optionsOf } from "../clinical/labels";
import type { CatalogueSerum } from "./catalogue";
import { emptyAdverseEvent } from "./sessionForm";
import type { SessionForm } from "./useSessionForm";

export function AdverseEventsSection({
  form,
  serumById,
}: {
  form: SessionForm;
  serumById: Map<string, CatalogueSerum>;
}) {
  const v = form.values;
  return (
    <Fieldset legend="Adverse events">
      <Stack gap="sm">
        {v.adverseEvents.length === 0 && <Text c="dimmed">None.</Text>}
        {v.adverseEvents.map((row, i) => (
          <AdverseEventFields key={row.key} index={i} form={form} serumById={serumById} />
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() =>
              form.insertListItem("adverseEvents", emptyAdverseEvent(v.performedOn || todayIso()))
            }
          >
            Add adverse event
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function AdverseEventFields({
  index: i,
  form,
  serumById,
}: {
  index: number;
  form: SessionForm;
  serumById: Map<string, CatalogueSerum>;
}) {
  const row = form.values.adverseEvents[i];
  if (!row) return null;
  const applied = [...new Set(form.values.serums.map((s) => s.serumId).filter(Boolean))];
  const lots = form.values.serums
    .filter((s) => s.serumId === row.serumId && s.lotNumber)
    .map((s) => s.lotNumber);
  return (
    <Paper withBorder p="sm" role="group" aria-label={`Adverse event ${i + 1}`}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <NativeSelect
          label="Type"
          required
          data={[{ value: "", label: "Choose" }, ...optionsOf(ADVERSE_EVENT)]}
          {...form.getInputProps(`adverseEvents.${i}.type`)}
        />
        <TextInput label="Onset" type="date" required {...form.getInputProps(`adverseEvents.${i}.onsetOn`)} />
        <NumberInput
          clampBehavior="none"
          label="Duration (days)"
          description="Leave empty while ongoing"
          min={0}
          max={365}
          allowDecimal={false}
          {...form.getInputProps(`adverseEvents.${i}.durationDays`)}
        />
        <NativeSelect
          label="Severity"
          required
          data={optionsOf(ADVERSE_SEVERITY)}
          {...form.getInputProps(`adverseEvents.${i}.severity`)}
        />
        <NativeSelect
          label="Serum involved"
          data={[
            { value: "", label: "None" },
            ...applied.map((id) => ({ value: id, label: serumById.get(id)?.name ?? id })),
          ]}
          {...form.getInputProps(`adverseEvents.${i}.serumId`)}
        />
        <NativeSelect
          label="Lot"
          disabled={!row.serumId}
          data={[
            { value: "", label: "Not known" },
            ...[...new Set(lots)].map((l) => ({ value: l, label: l })),
          ]}
          {...form.getInputProps(`adverseEvents.${i}.lotNumber`)}
        />
        <Textarea label="Notes" autosize minRows={1} {...form.getInputProps(`adverseEvents.${i}.notes`)} />
      </SimpleGrid>
      <Group justify="flex-end" mt="xs">
        <Button
          variant="subtle"
          color="red"
          c="red.9"
          size="xs"
          onClick={() => form.removeListItem("adverseEvents", i)}
          aria-label={`Remove adverse event ${i + 1}`}
        >
          Remove
        </Button>
      </Group>
    </Paper>
  );
}
