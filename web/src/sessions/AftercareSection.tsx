import { Checkbox, Fieldset, Stack, Textarea } from "@mantine/core";
import type { SessionForm } from "./useSessionForm";

export function AftercareSection({ form }: { form: SessionForm }) {
  return (
    <Fieldset legend="Aftercare and notes">
      <Stack gap="sm">
        <Checkbox
          label="Aftercare advice given to the patient"
          description="The printable aftercare sheet is on the session's page once it is saved."
          {...form.getInputProps("aftercareGiven", { type: "checkbox" })}
        />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps("notes")} />
      </Stack>
    </Fieldset>
  );
}
