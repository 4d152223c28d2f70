import { Badge, Group, List, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { ContraindicationLevel } from "../gql/graphql";
import { DANGER_TEXT, WARN_TEXT } from "../theme";

export interface Finding {
  code: string;
  level: ContraindicationLevel;
  reason: string;
  source?: string;
  overridable?: boolean;
}

export interface RecordedOverride {
  code: string;
  reason: string;
  by: { name: string };
  at: string;
}

/** BLOCK in red, WARN in amber; the word is in the badge so colour is never the only signal. */
export function LevelBadge({ level, overridden }: { level: ContraindicationLevel; overridden?: boolean }) {
  if (overridden)
    return (
      <Badge variant="outline" color="gray.7" c="dark.7" tt="none" style={{ flexShrink: 0 }}>
        Block overridden
      </Badge>
    );
  return level === "BLOCK" ? (
    <Badge color="red.9" c="white" tt="none" style={{ flexShrink: 0 }}>
      Block
    </Badge>
  ) : (
    <Badge variant="light" color="yellow" c={WARN_TEXT} tt="none" style={{ flexShrink: 0 }}>
      Warning
    </Badge>
  );
}

export function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** Blocks first, then warnings; the API's order within each. */
export function byLevel<F extends { level: ContraindicationLevel }>(findings: readonly F[]): F[] {
  return [...findings.filter((f) => f.level === "BLOCK"), ...findings.filter((f) => f.level === "WARN")];
}

/**
 * A readable list of findings: level, the reason a practitioner acts on, and its source. An override
 * on record is shown under its finding with who, when and why; `action` renders per finding (e.g. the
 * override form).
 */
export function FindingList({
  findings,
  overrides = [],
  action,
  label,
  overrideLabel = "Overridden by",
}: {
  findings: readonly Finding[];
  overrides?: readonly RecordedOverride[];
  action?: (f: Finding) => ReactNode;
  label: string;
  /** How an override reads, e.g. "Planned anyway by" for a serum. */
  overrideLabel?: string;
}) {
  return (
    <List listStyleType="none" p={0} spacing="sm" aria-label={label}>
      {byLevel(findings).map((f) => {
        const o = overrides.find((x) => x.code === f.code);
        return (
          <List.Item key={f.code} data-finding={f.code} data-level={f.level}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <LevelBadge level={f.level} overridden={!!o && f.level === "BLOCK"} />
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text
                  size="sm"
                  fw={f.level === "BLOCK" && !o ? 600 : 500}
                  c={f.level === "BLOCK" && !o ? DANGER_TEXT : undefined}
                >
                  {f.reason}
                </Text>
                {f.source && (
                  <Text size="xs" c="dimmed">
                    Source: {f.source}
                  </Text>
                )}
                {o && (
                  <Text size="sm" data-testid={`override-${f.code}`}>
                    <Text span fw={600}>
                      {overrideLabel} {o.by.name}
                    </Text>{" "}
                    on {formatInstant(o.at)}: “{o.reason}”
                  </Text>
                )}
                {action?.(f)}
              </Stack>
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}

export function DangerText({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c={DANGER_TEXT} fw={600}>
      {children}
    </Text>
  );
}
