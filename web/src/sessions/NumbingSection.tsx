import { Checkbox, Fieldset, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";
import type { PatientFieldsFragment } from "../gql/graphql";
import { DANGER_TEXT } from "../theme";
import { numbingWarning } from "./sessionForm";
import type { SessionForm } from "./useSessionForm";

export function NumbingSection({ form, patient }: { form: SessionForm; patient: PatientFieldsFragment }) {
  const v = form.values;
  return (
    <Fieldset legend="Numbing and reactions">
      <Stack gap="sm">
        <Checkbox label="Topical numbing used" {...form.getInputProps("numbingUsed", { type: "checkbox" })} />
        {v.numbingUsed && (
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label="Numbing agent"
              required
              description={numbingWarning(patient, v.numbingAgent)}
              styles={{ description: { color: DANGER_TEXT, fontWeight: 600 } }}
              {...form.getInputProps("numbingAgent")}
            />
            <NumberInput
              clampBehavior="none"
              label="Minutes on the skin"
              required
              min={0}
              max={120}
              allowDecimal={false}
              {...form.getInputProps("numbingMinutes")}
            />
          </SimpleGrid>
        )}
        <Textarea
          label="Immediate reactions"
          description="E.g. pinpoint bleeding, erythema, oedema, discomfort"
          autosize
          minRows={2}
          {...form.getInputProps("immediateReactions")}
        />
      </Stack>
    </Fieldset>
  );
}
