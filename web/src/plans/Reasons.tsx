import type { ContraindicationReason } from "../api/errors";
import { FindingList } from "../consultations/Findings";

export function Reasons({ reasons }: { reasons: ContraindicationReason[] }) {
  return (
    <FindingList
      label="Reasons"
      findings={reasons.map((r, i) => ({
        code: r.code ?? `reason-${i}`,
        level: r.level === "WARN" || r.severity === "WARN" ? "WARN" : "BLOCK",
        reason: r.message,
        source: r.source,
      }))}
    />
  );
}
