import { Alert, Button, Group, List, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { SaveFailure } from "./useRecordSession";
import { describe } from "./useSessionForm";

/** What a save that did not go through tells the user, and the way out of a conflict or a reused key. */
export function SaveFeedback({
  conflict,
  failure,
  onReload,
  clearConflict,
  saveAsNew,
}: {
  conflict: boolean;
  failure: SaveFailure | null;
  onReload: () => Promise<unknown>;
  clearConflict: () => void;
  saveAsNew: () => void;
}) {
  return (
    <>
      {conflict && (
        <Alert
          color="orange"
          title="The patient's record or plan changed while you were recording"
          role="alert"
        >
          <Stack gap="xs">
            <Text size="sm">
              Someone saved this patient (for example a new allergy) or this plan after you opened the
              recorder. Nothing was recorded and your entries are kept. Load the latest details, check the
              safety summary, and record again.
            </Text>
            <Group>
              <Button
                size="xs"
                onClick={() =>
                  void onReload().then(() => {
                    clearConflict();
                    notifications.show({
                      color: "teal",
                      message: "Latest details loaded: check them and record again.",
                    });
                  })
                }
              >
                Load the latest details
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {failure && (
        <Alert color="red" title={failure.title} role="alert">
          <Text size="sm">{failure.message}</Text>
          {failure.unplaced.length > 0 && (
            <List size="sm" mt="xs">
              {failure.unplaced.map((f) => (
                <List.Item key={f.path}>{describe(f.path, f.reason)}</List.Item>
              ))}
            </List>
          )}
          {failure.keyReused && (
            <Group mt="xs">
              <Button size="xs" variant="default" onClick={saveAsNew}>
                It is not recorded: save as a new session
              </Button>
            </Group>
          )}
        </Alert>
      )}
    </>
  );
}
