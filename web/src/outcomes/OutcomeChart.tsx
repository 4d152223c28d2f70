import { Table, Text, VisuallyHidden } from "@mantine/core";
import { useId } from "react";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { SCALES, formatScore } from "../clinical/scales";
import { RATER } from "../clinical/labels";
import type { OutcomeTrendQuery } from "../gql/graphql";
import { formatDate } from "../patients/labels";
import { improvementText } from "./improvement";

type Trend = OutcomeTrendQuery["outcomeTrend"];

const LINE = "var(--mantine-color-teal-9)";
const BASELINE = "var(--mantine-color-gray-7)";

interface Point {
  date: string;
  score: number;
  label: string;
  kind: "Baseline" | "Assessment";
}

/**
 * A concern's scores across visits against its baseline (dashed reference line). The same numbers
 * are in the table below and the summary sentence is the chart's accessible description.
 */
export function OutcomeChart({ trend, title }: { trend: Trend; title: string }) {
  const scale = SCALES[trend.scale];
  const summaryId = useId();
  // The baseline is often also the first assessment (same day, same score): one point, not two.
  const isBaseline = (p: { assessedOn: string; score: number }) =>
    p.assessedOn === trend.baselineOn && p.score === trend.baseline;
  const baselineScored = trend.points.some(isBaseline);
  const data: Point[] = [
    ...(trend.baseline != null && trend.baselineOn && !baselineScored
      ? [
          {
            date: trend.baselineOn,
            score: trend.baseline,
            label: formatScore(trend.scale, trend.baseline),
            kind: "Baseline" as const,
          },
        ]
      : []),
    ...trend.points.map((p) => ({
      date: p.assessedOn,
      score: p.score,
      label: formatScore(trend.scale, p.score, p.label),
      kind: isBaseline(p) ? ("Baseline" as const) : ("Assessment" as const),
    })),
  ];
  const summary = improvementText(trend.scale, trend.baseline, trend.latest);
  const domain: [number, number] | ["auto", "auto"] =
    scale.id === "HAIR_COUNT" ? ["auto", "auto"] : [scale.min, scale.max];

  return (
    <figure style={{ margin: 0 }} aria-describedby={summaryId}>
      <Text id={summaryId} fw={600} mb="xs" data-testid="improvement">
        {summary}
      </Text>
      {data.length > 0 ? (
        <div role="img" aria-label={`${title}: ${scale.name} across visits against the baseline. ${summary}`}>
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={data} margin={{ top: 16, right: 24, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
              <XAxis
                dataKey="date"
                tickFormatter={(d: string) => formatDate(d)}
                tick={{ fill: "var(--mantine-color-gray-8)", fontSize: 12 }}
              />
              <YAxis
                domain={domain}
                allowDecimals={!scale.integer}
                width={44}
                tick={{ fill: "var(--mantine-color-gray-8)", fontSize: 12 }}
              />
              <Tooltip
                labelFormatter={(d) => (typeof d === "string" ? formatDate(d) : "")}
                formatter={(value, _name, item) => {
                  const p = item.payload as Point | undefined;
                  return [p ? p.label : String(value), p?.kind === "Baseline" ? "Baseline" : scale.short];
                }}
              />
              {trend.baseline != null && (
                <ReferenceLine
                  y={trend.baseline}
                  stroke={BASELINE}
                  strokeDasharray="6 4"
                  label={{
                    value: `Baseline ${trend.baseline}`,
                    position: "insideTopRight",
                    fill: BASELINE,
                    fontSize: 12,
                  }}
                />
              )}
              <Line
                type="monotone"
                dataKey="score"
                name={scale.short}
                stroke={LINE}
                strokeWidth={2.5}
                dot={{ r: 5, fill: LINE }}
                activeDot={{ r: 7 }}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <Text c="dimmed">No scores on this scale yet.</Text>
      )}
      <Text size="xs" c="dimmed" mb={4}>
        {scale.name}: {scale.min}–{scale.max}
        {scale.unit ? ` ${scale.unit}` : ""}, {scale.better === "LOWER" ? "lower" : "higher"} is better.
      </Text>
      <Table aria-label={`${title}: scores`} withTableBorder={false} striped fz="sm">
        <VisuallyHidden component="caption">{`${title}: ${scale.name} by visit`}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Score</Table.Th>
            <Table.Th>Rater</Table.Th>
            <Table.Th>Against baseline</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trend.baseline != null && trend.baselineOn && !baselineScored && (
            <Table.Tr>
              <Table.Td>{formatDate(trend.baselineOn)}</Table.Td>
              <Table.Td>{formatScore(trend.scale, trend.baseline)}</Table.Td>
              <Table.Td>Baseline</Table.Td>
              <Table.Td>—</Table.Td>
            </Table.Tr>
          )}
          {trend.points.map((p, i) => (
            <Table.Tr key={`${p.assessedOn}-${i}`}>
              <Table.Td>{formatDate(p.assessedOn)}</Table.Td>
              <Table.Td>{formatScore(trend.scale, p.score, p.label)}</Table.Td>
              <Table.Td>
                {p.rater ? RATER[p.rater] : ""}
                {isBaseline(p) ? " (baseline)" : ""}
              </Table.Td>
              <Table.Td>
                {isBaseline(p)
                  ? "—"
                  : p.improvement.absolute === 0
                    ? "no change"
                    : `${Math.abs(p.improvement.absolute)} ${p.improvement.absolute > 0 ? "better" : "worse"}${
                        p.improvement.percent != null
                          ? ` (${Math.abs(p.improvement.percent).toFixed(0)}%)`
                          : ""
                      }`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </figure>
  );
}
