import { Fieldset, Group, NumberInput, Radio, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { DEVICE, optionsOf } from "../clinical/labels";
import type { SessionForm } from "./useSessionForm";

export function DeviceSection({ form }: { form: SessionForm }) {
  const v = form.values;
  return (
    <Fieldset legend="Device">
      <Stack gap="sm">
        <Radio.Group
          label="Device"
          required
          value={v.device}
          onChange={(d) => form.setFieldValue("device", d)}
        >
          <Group mt={4} gap="lg">
            {optionsOf(DEVICE).map((d, i) => (
              <Radio
                key={d.value}
                value={d.value}
                label={d.label}
                id={i === 0 ? "session-device" : undefined}
              />
            ))}
          </Group>
        </Radio.Group>
        {v.device !== "DERMAROLLER" && (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <NumberInput
              clampBehavior="none"
              label="Cartridge needle count"
              required={v.device === "PEN"}
              min={1}
              max={100}
              allowDecimal={false}
              {...form.getInputProps("cartridgeNeedleCount")}
            />
            <TextInput
              label="Cartridge lot"
              required={v.device === "PEN"}
              autoComplete="off"
              {...form.getInputProps("cartridgeLot")}
            />
            {v.device === "RF_MICRONEEDLING" && (
              <>
                <NumberInput
                  clampBehavior="none"
                  label="Energy level"
                  description="As the device shows it"
                  required
                  min={0}
                  max={100}
                  decimalScale={2}
                  {...form.getInputProps("rfEnergy")}
                />
                <NumberInput
                  clampBehavior="none"
                  label="Pulse duration (ms)"
                  required
                  min={0}
                  max={1000}
                  decimalScale={1}
                  {...form.getInputProps("rfPulse")}
                />
              </>
            )}
          </SimpleGrid>
        )}
      </Stack>
    </Fieldset>
  );
}
