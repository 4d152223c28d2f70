import { Button, Fieldset, Group, Stack, Text } from "@mantine/core";
import type { Zone } from "../gql/graphql";
import { DANGER_TEXT } from "../theme";
import type { CatalogueSerum } from "./catalogue";
import type { SerumCheckState } from "./serumChecks";
import { SerumRowFields } from "./SerumRowFields";
import { emptySerum, serumChoicesFor } from "./sessionForm";
import type { SessionForm } from "./useSessionForm";

export function SerumsSection({
  form,
  catalogue,
  serumById,
  treatedZones,
  checks,
  serumRefusals,
  addBlocked,
}: {
  form: SessionForm;
  catalogue: readonly CatalogueSerum[];
  serumById: Map<string, CatalogueSerum>;
  treatedZones: Zone[];
  checks: Record<string, SerumCheckState | undefined>;
  serumRefusals: Record<number, string[]>;
  addBlocked: string | undefined;
}) {
  const v = form.values;
  return (
    <Fieldset legend="Serums">
      <Stack gap="sm">
        {typeof form.errors.serums === "string" && (
          <Text size="sm" c={DANGER_TEXT} role="alert">
            {form.errors.serums}
          </Text>
        )}
        {v.serums.length === 0 && <Text c="dimmed">No serum applied.</Text>}
        {v.serums.map((row, i) => (
          <SerumRowFields
            key={row.key}
            index={i}
            form={form}
            serum={serumById.get(row.serumId)}
            catalogue={catalogue}
            allowed={serumChoicesFor(v.serums, i)}
            treated={treatedZones}
            check={checks[row.key]}
            refusals={serumRefusals[i] ?? []}
          />
        ))}
        <Group>
          <Button
            variant="light"
            disabled={!!addBlocked}
            aria-describedby={addBlocked ? "add-serum-blocked" : undefined}
            onClick={() =>
              form.insertListItem(
                "serums",
                emptySerum(treatedZones.length === 1 ? (treatedZones[0] ?? "") : ""),
              )
            }
          >
            Add serum
          </Button>
          {addBlocked && (
            <Text size="sm" c="dimmed" id="add-serum-blocked">
              {addBlocked}.
            </Text>
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}
