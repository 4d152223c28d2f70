import { Badge } from "@mantine/core";
import { formatDate } from "../patients/labels";

/** A lot and its expiry; an expired one is marked in words, not only in red. */
export function LotBadge({ lot }: { lot: { lotNumber: string; expiresOn: string; expired: boolean } }) {
  return (
    <Badge
      tt="none"
      variant={lot.expired ? "filled" : "outline"}
      color={lot.expired ? "red.9" : "gray.7"}
      c={lot.expired ? "white" : "dark.7"}
      title={
        lot.expired
          ? `Expired ${formatDate(lot.expiresOn)}: never applied`
          : `Use by ${formatDate(lot.expiresOn)}`
      }
    >
      {lot.lotNumber} ·{" "}
      {lot.expired ? `expired ${formatDate(lot.expiresOn)}` : `to ${formatDate(lot.expiresOn)}`}
    </Badge>
  );
}
