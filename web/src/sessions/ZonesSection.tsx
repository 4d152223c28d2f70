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
  Textarea,
} from "@mantine/core";
import { DEPTH_MAX_MM, DEPTH_MIN_MM, ZONE } from "../clinical/labels";
import type { Zone } from "../gql/graphql";
import { DANGER_TEXT, WARN_TEXT } from "../theme";
import { emptyZone, type Deviation, type RecorderPlan } from "./sessionForm";
import type { SessionForm } from "./useSessionForm";

const ALL_ZONES = Object.keys(ZONE) as Zone[];

export function ZonesSection({
  form,
  plan,
  devs,
}: {
  form: SessionForm;
  plan: RecorderPlan;
  devs: readonly Deviation[];
}) {
  const v = form.values;
  const zoneOptions = (current: Zone | "") => {
    const planned = plan.zones.map((z) => z.zone);
    const others = ALL_ZONES.filter((z) => !planned.includes(z));
    return [
      ...(current ? [] : [{ value: "", label: "Choose a zone" }]),
      { group: "Planned", items: planned.map((z) => ({ value: z, label: ZONE[z] })) },
      { group: "Not in the plan", items: others.map((z) => ({ value: z, label: ZONE[z] })) },
    ];
  };
  return (
    <Fieldset legend="Zones, depth and passes">
      <Stack gap="sm">
        {typeof form.errors.zones === "string" && (
          <Text size="sm" c={DANGER_TEXT} role="alert">
            {form.errors.zones}
          </Text>
        )}
        {v.zones.map((row, i) => {
          const planned = plan.zones.find((p) => p.zone === row.zone);
          const dev = devs.find((d) => d.zone === row.zone);
          return (
            <Paper
              key={row.key}
              withBorder
              p="sm"
              role="group"
              aria-label={`Zone ${i + 1}${row.zone ? `: ${ZONE[row.zone]}` : ""}`}
            >
              <SimpleGrid cols={{ base: 1, xs: 3 }}>
                <NativeSelect
                  label="Zone"
                  required
                  data={zoneOptions(row.zone)}
                  {...form.getInputProps(`zones.${i}.zone`)}
                />
                <NumberInput
                  clampBehavior="none"
                  label="Depth (mm)"
                  required
                  min={DEPTH_MIN_MM}
                  max={DEPTH_MAX_MM}
                  step={0.25}
                  decimalScale={2}
                  description={
                    planned
                      ? `Planned ${planned.depthMinMm}–${planned.depthMaxMm} mm`
                      : row.zone
                        ? "Not in the plan"
                        : undefined
                  }
                  {...form.getInputProps(`zones.${i}.depthMm`)}
                />
                <NumberInput
                  clampBehavior="none"
                  label="Passes"
                  required
                  min={1}
                  max={10}
                  allowDecimal={false}
                  {...form.getInputProps(`zones.${i}.passes`)}
                />
              </SimpleGrid>
              <Group justify="space-between" mt="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" c={WARN_TEXT} fw={600} aria-live="polite">
                  {dev ? `${dev.reason}: give a reason below.` : ""}
                </Text>
                <Button
                  variant="subtle"
                  color="red"
                  c="red.9"
                  size="xs"
                  onClick={() => form.removeListItem("zones", i)}
                  aria-label={`Remove zone ${i + 1}${row.zone ? ` (${ZONE[row.zone]})` : ""}`}
                >
                  Remove
                </Button>
              </Group>
            </Paper>
          );
        })}
        <Group>
          <Button variant="light" onClick={() => form.insertListItem("zones", emptyZone())}>
            Add zone
          </Button>
        </Group>
        {(devs.length > 0 || v.depthDeviationReason) && (
          <Textarea
            label="Reason for treating outside the plan"
            description={devs.map((d) => d.reason).join("; ") || "No zone is outside the plan now."}
            required={devs.length > 0}
            autosize
            minRows={2}
            {...form.getInputProps("depthDeviationReason")}
          />
        )}
      </Stack>
    </Fieldset>
  );
}
