import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { ApiError, type FieldError } from "../api/errors";

export const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError("INTERNAL_SERVER_ERROR", "Unexpected error");

/** A stale version: what happened, that nothing typed is lost, and the two ways on. */
export function ConflictAlert({
  what,
  onKeepMine,
  onLoadLatest,
}: {
  what: string;
  onKeepMine?: () => void;
  onLoadLatest: () => void;
}) {
  return (
    <Alert color="orange" title={`Someone else changed ${what} while you were editing`} role="alert">
      <Stack gap="xs">
        <Text size="sm">
          Nothing was saved, and what you typed is still here. Another admin saved a newer version after you
          opened it.
        </Text>
        <Group gap="xs">
          {onKeepMine && (
            <Button size="xs" onClick={onKeepMine}>
              Keep my changes (save again to overwrite)
            </Button>
          )}
          <Button size="xs" variant="default" onClick={onLoadLatest}>
            {onKeepMine ? "Discard mine and load the latest" : "Load the latest"}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

export function FailureAlert({ message, unplaced = [] }: { message: string; unplaced?: string[] }) {
  return (
    <Alert color="red" title="Not saved" role="alert">
      <Text size="sm">{message}</Text>
      {unplaced.map((u) => (
        <Text key={u} size="sm">
          {u}
        </Text>
      ))}
    </Alert>
  );
}

/** API field errors by the form's field name (input. dropped; list indexes kept). */
export function fieldErrors(fields: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f.path.replace(/^input\./, "")] ??= f.reason;
  return out;
}
