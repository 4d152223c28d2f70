import { Badge } from "@mantine/core";
import type { AllergyKind, AllergySeverity, FitzpatrickType } from "../gql/graphql";
import { WARN_TEXT } from "../theme";
import { ALLERGY_KIND, fitzpatrickRisk, SEVERITY } from "./labels";

/**
 * An allergy (red) or sensitivity (amber); severe ones filled. Text stays dark on light tints so
 * every badge keeps 4.5:1 contrast, and the kind and severity are in the accessible name, not only
 * in the colour.
 */
export function AllergyBadge({
  substance,
  kind,
  severity,
}: {
  substance: string;
  kind: AllergyKind;
  severity: AllergySeverity;
}) {
  const severe = severity === "SEVERE";
  const allergy = kind === "ALLERGY";
  return (
    <Badge
      tt="none"
      variant={severe ? "filled" : "light"}
      color={severe ? (allergy ? "red.9" : WARN_TEXT) : allergy ? "red" : "yellow"}
      c={severe ? "white" : allergy ? "red.9" : WARN_TEXT}
      title={`${ALLERGY_KIND[kind]}, ${SEVERITY[severity].toLowerCase()}`}
      aria-label={`${substance}: ${ALLERGY_KIND[kind].toLowerCase()}, ${SEVERITY[severity].toLowerCase()}`}
      style={{ flexShrink: 0 }}
    >
      {substance}
    </Badge>
  );
}

export function FitzpatrickBadge({ type }: { type: FitzpatrickType }) {
  const risk = fitzpatrickRisk(type);
  return (
    <Badge
      variant="light"
      color={risk ? "orange" : "gray"}
      c={risk ? WARN_TEXT : "dark.7"}
      title={risk ? "Risk of post-inflammatory hyperpigmentation" : undefined}
    >
      {type}
    </Badge>
  );
}
