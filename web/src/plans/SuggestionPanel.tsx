import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import type { ApiError } from "../api/errors";
import { DEVICE, ZONE } from "../clinical/labels";
import { mmRange, type Suggestion } from "./model";

/** The protocol's suggestion for the chosen concerns, and a way back to it after edits. */
export function SuggestionPanel({
  suggestion,
  suggesting,
  suggestError,
  concernsChosen,
  edited,
  apply,
}: {
  suggestion: Suggestion | null;
  suggesting: boolean;
  suggestError: ApiError | null;
  concernsChosen: number;
  edited: boolean;
  apply: (s: Suggestion) => void;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="suggestion-title" bg="teal.0">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="suggestion-title">
          Protocol suggestion
        </Title>
        {suggesting && <Loader size="xs" aria-label="Getting the suggestion" />}
      </Group>
      {suggestError ? (
        <Alert color="red" role="alert">
          {suggestError.userMessage}
        </Alert>
      ) : !suggestion ? (
        <Text size="sm">
          {concernsChosen === 0 ? "Choose a concern to get a suggestion." : "Getting the suggestion…"}
        </Text>
      ) : (
        <Stack gap={6} data-testid="suggestion">
          <Text size="sm">
            {suggestion.sessions} sessions every {suggestion.intervalWeeks} week
            {suggestion.intervalWeeks === 1 ? "" : "s"} with a {DEVICE[suggestion.device].toLowerCase()};{" "}
            {suggestion.zones.map((z) => `${ZONE[z.zone]} ${mmRange(z.depthMinMm, z.depthMaxMm)}`).join(", ")}
            {suggestion.serums.length > 0 ? `; serums: ${suggestion.serums.join(", ")}` : ""}.
          </Text>
          {suggestion.conservative && (
            <Text size="sm" fw={600}>
              Fitzpatrick IV–VI: the lower end of each depth range is suggested.
            </Text>
          )}
          {suggestion.notes.map((n) => (
            <Text key={n} size="sm" c="dimmed">
              {n}
            </Text>
          ))}
          {edited && (
            <Group gap="xs">
              <Text size="sm">You have edited the plan below.</Text>
              <Button size="xs" variant="default" onClick={() => apply(suggestion)}>
                Reset to the suggestion
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Paper>
  );
}
