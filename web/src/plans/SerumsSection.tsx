import { Alert, Badge, Checkbox, Fieldset, Group, Loader, Paper, Stack, Text, Textarea } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { ContraindicationReason } from "../api/errors";
import { CLEARANCE } from "../clinical/labels";
import { FindingList } from "../consultations/Findings";
import type { PlanBuilderQuery } from "../gql/graphql";
import { DANGER_TEXT } from "../theme";
import type { PlanValues, Suggestion } from "./model";
import { Reasons } from "./Reasons";
import type { SerumCheckState } from "./useSerumChecks";

type Serum = PlanBuilderQuery["serums"]["edges"][number]["node"];

/** The catalogue's serums, each chosen one checked against the patient, with a reason to plan a flagged one. */
export function SerumsSection({
  form,
  serums,
  suggestion,
  checkOf,
  refused,
}: {
  form: UseFormReturnType<PlanValues>;
  serums: readonly Serum[];
  suggestion: Suggestion | null;
  checkOf: (serumId: string) => SerumCheckState | undefined;
  refused: ContraindicationReason[];
}) {
  const v = form.values;
  return (
    <Fieldset legend="Serum add-ons during needling">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Each serum chosen is checked against the patient’s allergies and sensitivities and whether it is
          cleared for use during needling, before the plan is saved.
        </Text>
        {refused.length > 0 && (
          <Alert color="red" title="Serums refused without an override" role="alert">
            <Reasons reasons={refused} />
          </Alert>
        )}
        {serums.length === 0 && (
          <Text size="sm">The serum catalogue is empty: a clinic admin adds serums and their lots.</Text>
        )}
        {serums.map((s) => {
          const chosen = v.serumIds.includes(s.id);
          const check = chosen ? checkOf(s.id) : undefined;
          const blocks = (check?.findings ?? []).filter((f) => f.level === "BLOCK");
          const overrideError = form.errors[`serumOverrides.${s.id}`] ?? form.errors[`serum.${s.id}`];
          return (
            <Paper
              key={s.id}
              withBorder
              p="sm"
              role="group"
              aria-label={s.name}
              data-serum={s.name}
              style={blocks.length > 0 ? { borderColor: "var(--mantine-color-red-8)" } : undefined}
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Checkbox
                  label={s.name}
                  description={`${s.ingredients.join(", ")}${s.allergens.length ? ` · allergens: ${s.allergens.join(", ")}` : ""}`}
                  checked={chosen}
                  onChange={(e) =>
                    form.setFieldValue(
                      "serumIds",
                      e.currentTarget.checked ? [...v.serumIds, s.id] : v.serumIds.filter((x) => x !== s.id),
                    )
                  }
                />
                <Group gap={4} justify="flex-end" style={{ flexShrink: 0, maxWidth: "50%" }}>
                  {suggestion?.serumIds.includes(s.id) && (
                    <Badge variant="light" color="teal" c="teal.9" tt="none">
                      Suggested
                    </Badge>
                  )}
                  <Badge
                    variant="outline"
                    color={s.clearance === "CLEARED_FOR_NEEDLING" ? "teal.9" : "gray.7"}
                    c={s.clearance === "CLEARED_FOR_NEEDLING" ? "teal.9" : "dark.7"}
                    tt="none"
                  >
                    {CLEARANCE[s.clearance]}
                  </Badge>
                </Group>
              </Group>
              {chosen && (
                <Stack gap="xs" mt="xs" pl={32}>
                  {!check || check.loading ? (
                    <Group gap={6}>
                      <Loader size="xs" aria-hidden />
                      <Text size="sm">Checking against the patient…</Text>
                    </Group>
                  ) : check.error ? (
                    <Text size="sm" c={DANGER_TEXT}>
                      Could not check this serum: {check.error}
                    </Text>
                  ) : check.findings.length === 0 ? (
                    <Text size="sm" c="teal.9" fw={600}>
                      No flags for this patient.
                    </Text>
                  ) : (
                    <FindingList label={`Flags for ${s.name}`} findings={check.findings} />
                  )}
                  {blocks.length > 0 && (
                    <Textarea
                      label={`Reason to plan ${s.name} anyway`}
                      description="Recorded with your name; or untick the serum."
                      autosize
                      minRows={1}
                      value={v.serumOverrides[s.id] ?? ""}
                      onChange={(e) =>
                        form.setFieldValue("serumOverrides", {
                          ...v.serumOverrides,
                          [s.id]: e.currentTarget.value,
                        })
                      }
                      error={overrideError}
                    />
                  )}
                  {blocks.length === 0 && overrideError && (
                    <Text size="sm" c="var(--mantine-color-error)">
                      {overrideError}
                    </Text>
                  )}
                </Stack>
              )}
            </Paper>
          );
        })}
      </Stack>
    </Fieldset>
  );
}
