import { Badge } from "@mantine/core";
import type { DueState } from "../gql/graphql";
import { WARN_TEXT } from "../theme";
import { DUE_STATE } from "./model";

/** Overdue red, due amber, upcoming outlined: the word is always in the badge, not only the colour. */
export function DueBadge({ state }: { state: DueState }) {
  switch (state) {
    case "OVERDUE":
      return (
        <Badge color="red.9" c="white" tt="none" style={{ flexShrink: 0 }}>
          {DUE_STATE.OVERDUE}
        </Badge>
      );
    case "DUE":
      return (
        <Badge variant="light" color="yellow" c={WARN_TEXT} tt="none" style={{ flexShrink: 0 }}>
          {DUE_STATE.DUE}
        </Badge>
      );
    case "NOT_DUE":
      return (
        <Badge variant="outline" color="gray.7" c="dark.7" tt="none" style={{ flexShrink: 0 }}>
          {DUE_STATE.NOT_DUE}
        </Badge>
      );
  }
}
