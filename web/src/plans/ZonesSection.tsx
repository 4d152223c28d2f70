import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useState } from "react";
import { optionsOf, ZONE } from "../clinical/labels";
import type { Zone } from "../gql/graphql";
import { manualZone, mmRange, type PlanValues } from "./model";

/** The planned zones with their depth, and a zone added by hand at its safe range. */
export function ZonesSection({ form }: { form: UseFormReturnType<PlanValues> }) {
  const v = form.values;
  const [addZone, setAddZone] = useState<Zone | "">("");
  const plannedZones = new Set(v.zones.map((z) => z.zone));
  return (
    <Fieldset legend="Zones and needle depth">
      <Stack gap="sm">
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label="Planned zones">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Zone</Table.Th>
                <Table.Th scope="col">Depth (mm)</Table.Th>
                <Table.Th scope="col">Allowed range</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {v.zones.map((z, i) => (
                <Table.Tr key={z.key}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {ZONE[z.zone]}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Depth for ${ZONE[z.zone]} in mm`}
                      min={z.depthMinMm}
                      max={z.depthMaxMm}
                      step={0.05}
                      decimalScale={2}
                      clampBehavior="none"
                      maw={140}
                      {...form.getInputProps(`zones.${i}.depthMm`)}
                      onChange={(n) => form.setFieldValue(`zones.${i}.depthMm`, n === "" ? "" : Number(n))}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{mmRange(z.depthMinMm, z.depthMaxMm)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red.9"
                      onClick={() => form.removeListItem("zones", i)}
                      aria-label={`Remove ${ZONE[z.zone]}`}
                    >
                      Remove
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
              {v.zones.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed">
                      No zone planned yet: the suggestion fills them, or add one below.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {typeof form.errors.zones === "string" && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {form.errors.zones}
          </Text>
        )}
        <Group align="flex-end" gap="xs">
          <NativeSelect
            label="Add a zone"
            value={addZone}
            onChange={(e) => setAddZone(e.currentTarget.value as Zone | "")}
            data={[
              { value: "", label: "Choose…" },
              ...optionsOf(ZONE).filter((o) => !plannedZones.has(o.value)),
            ]}
          />
          <Button
            variant="light"
            disabled={!addZone}
            onClick={() => {
              if (!addZone) return;
              form.insertListItem("zones", manualZone(addZone));
              setAddZone("");
            }}
          >
            Add zone
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
