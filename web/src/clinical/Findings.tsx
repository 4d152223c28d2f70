import { Badge, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { DANGER_TEXT, WARN_TEXT } from "../theme";

export interface FindingLike {
  code?: string | null;
  level?: string | null;
  reason: string;
  source?: string | null;
  overridable?: boolean | null;
}

/** BLOCK in red, WARN in amber; the word is in the badge, so colour is never the only signal. */
export function LevelBadge({ level }: { level: string | null | undefined }) {
  const block = level === "BLOCK";
  return (
    <Badge
      variant={block ? "filled" : "light"}
      color={block ? "red.9" : "yellow"}
      c={block ? "white" : WARN_TEXT}
      style={{ flexShrink: 0 }}
    >
      {block ? "Block" : "Warn"}
    </Badge>
  );
}

export function Finding({ finding, extra }: { finding: FindingLike; extra?: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-finding={finding.code ?? undefined}>
      <LevelBadge level={finding.level} />
      <div>
        <Text
          size="sm"
          c={finding.level === "BLOCK" ? DANGER_TEXT : undefined}
          fw={finding.level === "BLOCK" ? 600 : 400}
        >
          {finding.reason}
        </Text>
        {finding.source && (
          <Text size="xs" c="dimmed">
            {finding.source}
            {finding.level === "BLOCK" && finding.overridable === false ? " · cannot be overridden" : ""}
          </Text>
        )}
        {extra}
      </div>
    </Group>
  );
}

export function FindingList({ findings, empty }: { findings: readonly FindingLike[]; empty?: string }) {
  if (findings.length === 0) return empty ? <Text size="sm">{empty}</Text> : null;
  return (
    <Stack gap={6}>
      {findings.map((f, i) => (
        <Finding key={`${f.code ?? ""}-${i}`} finding={f} />
      ))}
    </Stack>
  );
}
