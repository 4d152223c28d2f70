import { Schedule } from "@needlework/core";
import { Table, Text } from "@mantine/core";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AnalyticsSummaryRowFragment, Indication } from "../gql/graphql";
import { INDICATION } from "../clinical/labels";

type Row = AnalyticsSummaryRowFragment;

/** core's depth bands, in order. */
export const DEPTH_BANDS = Schedule.DEPTH_BANDS;
/** Sequential teal → indigo: shallow to deep, distinguishable without relying on hue alone. */
const BAND_COLOURS = ["#96f2d7", "#38d9a9", "#0ca678", "#087f5b", "#364fc7"];

/** Legend text in the body colour: the series colours are too light for text on white. */
const LEGEND_TEXT = { color: "var(--mantine-color-dark-7)", fontSize: 13 };

const pct = (v: number | null | undefined): string => (v == null ? "–" : `${v.toFixed(1)}%`);
const num = (v: number | null | undefined): string => (v == null ? "–" : v.toFixed(1));

export interface MatrixCell {
  indication: Indication;
  depthBand: string;
  summary: Row;
}

/** Mean % improvement by concern (x) and depth band (bars). */
export function ConcernDepthChart({ cells }: { cells: readonly MatrixCell[] }) {
  const indications = [...new Set(cells.map((c) => c.indication))];
  const data = indications.map((ind) => {
    const row: Record<string, string | number | null> = { concern: INDICATION[ind] };
    for (const b of DEPTH_BANDS) {
      const cell = cells.find((c) => c.indication === ind && c.depthBand === b);
      row[b] = cell?.summary.meanImprovementPercent ?? null;
      row[`${b} n`] = cell?.summary.n ?? 0;
    }
    return row;
  });
  const bands = DEPTH_BANDS.filter((b) =>
    cells.some((c) => c.depthBand === b && c.summary.meanImprovementPercent != null),
  );
  if (data.length === 0 || bands.length === 0)
    return <Text c="dimmed">No follow-up scores yet for these concerns.</Text>;
  return (
    <div
      role="img"
      aria-label="Mean improvement by concern and needle depth band"
      data-testid="concern-depth-chart"
    >
      <ResponsiveContainer width="100%" height={320}>
        <BarChart data={data} margin={{ top: 8, right: 16, left: 0, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="concern"
            tick={{ fontSize: 12 }}
            interval={0}
            angle={data.length > 3 ? -20 : 0}
            textAnchor={data.length > 3 ? "end" : "middle"}
            height={data.length > 3 ? 64 : 30}
          />
          <YAxis unit="%" tick={{ fontSize: 12 }} width={52} />
          <Tooltip formatter={(v) => pct(typeof v === "number" ? v : null)} />
          <Legend formatter={(v: string) => <span style={LEGEND_TEXT}>{v} mm</span>} />
          {bands.map((b) => (
            <Bar
              key={b}
              dataKey={b}
              name={b}
              fill={BAND_COLOURS[DEPTH_BANDS.indexOf(b)]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Mean % improvement per serum, with its adverse events per 100 sessions. */
export function SerumChart({ rows }: { rows: readonly Row[] }) {
  const data = rows
    .filter((r) => r.meanImprovementPercent != null || r.sessions > 0)
    .map((r) => ({
      serum: r.label,
      improvement: r.meanImprovementPercent,
      adverse: r.adverseEventsPer100Sessions,
      n: r.n,
    }));
  if (data.length === 0) return <Text c="dimmed">No sessions with serums yet.</Text>;
  return (
    <div
      role="img"
      aria-label="Mean improvement and adverse events per 100 sessions by serum"
      data-testid="serum-chart"
    >
      <ResponsiveContainer width="100%" height={Math.max(180, data.length * 64 + 60)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, left: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="serum" width={220} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip
            formatter={(v, name) =>
              name === "Mean improvement"
                ? pct(typeof v === "number" ? v : null)
                : num(typeof v === "number" ? v : null)
            }
          />
          <Legend formatter={(v: string) => <span style={LEGEND_TEXT}>{v}</span>} />
          <Bar
            dataKey="improvement"
            name="Mean improvement"
            unit="%"
            fill="#0ca678"
            isAnimationActive={false}
          />
          <Bar
            dataKey="adverse"
            name="Adverse events per 100 sessions"
            fill="#e8590c"
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The numbers behind a chart, for reading exactly and for screen readers. */
export function SummaryTable({
  rows,
  caption,
}: {
  rows: readonly (Row & { group?: string })[];
  caption: string;
}) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder fz="sm" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Group</Table.Th>
            <Table.Th ta="right">Scored (n)</Table.Th>
            <Table.Th ta="right">Mean improvement</Table.Th>
            <Table.Th ta="right">Improved</Table.Th>
            <Table.Th ta="right">Sessions</Table.Th>
            <Table.Th ta="right">Adverse events / 100 sessions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.group ?? ""}${r.key}`}>
              <Table.Td>{r.group ? `${r.group}, ${r.label}` : r.label}</Table.Td>
              <Table.Td ta="right">{r.n}</Table.Td>
              <Table.Td ta="right">{pct(r.meanImprovementPercent)}</Table.Td>
              <Table.Td ta="right">{pct(r.improvedShare)}</Table.Td>
              <Table.Td ta="right">{r.sessions}</Table.Td>
              <Table.Td ta="right">{num(r.adverseEventsPer100Sessions)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
