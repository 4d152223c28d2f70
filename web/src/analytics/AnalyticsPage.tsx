import "@mantine/dates/styles.css";
import {
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { MonthPickerInput } from "@mantine/dates";
import { useMemo, useRef, useState } from "react";
import { useQuery } from "../api/useQuery";
import { ApiError } from "../api/errors";
import { DEVICE, INDICATION } from "../clinical/labels";
import type { AnalyticsKpisQuery, Device, FitzpatrickType, Indication } from "../gql/graphql";
import { ConcernDepthChart, DEPTH_BANDS, SerumChart, SummaryTable } from "./charts";
import { exportFileName, fetchOutcomeCsv, saveBlob, type ExportProgress } from "./exportCsv";
import {
  chartFilterBlocked,
  EMPTY_FILTERS,
  fullFilter,
  matrixFilter,
  notApplied,
  serumFilter,
  withFilter,
  type ChartFilterKey,
  type Filters,
} from "./filters";
import {
  AnalyticsKpisQuery as KpisDocument,
  AnalyticsOptionsQuery,
  AnalyticsOverviewQuery,
} from "./operations";

const FITZPATRICK: FitzpatrickType[] = ["I", "II", "III", "IV", "V", "VI"];

/** "2026-03-01" → "March 2026" (month controls' names, for screen readers and tests). */
const monthName = (d: string): string =>
  new Date(`${d.slice(0, 7)}-01T00:00:00Z`).toLocaleString("en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
const firstOfMonth = (v: string | null): string | null => (v ? `${v.slice(0, 7)}-01` : null);

type Kpi = AnalyticsKpisQuery["kpis"]["courseCompletion"];

function KpiTile({ kpi, format }: { kpi: Kpi; format: (v: number) => string }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={`kpi-${kpi.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" fw={600}>
          {kpi.name}
        </Text>
        <Tooltip label={kpi.definition} multiline w={320} withArrow position="bottom-end">
          <Text
            size="xs"
            c="dimmed"
            style={{ cursor: "help" }}
            tabIndex={0}
            aria-label={`Definition: ${kpi.definition}`}
          >
            definition
          </Text>
        </Tooltip>
      </Group>
      <Text fz={28} fw={700} mt={4}>
        {kpi.value == null ? "no data" : format(kpi.value)}
      </Text>
      <Text size="xs" c="dimmed">
        {kpi.numerator} / {kpi.denominator} · {kpi.unit}
      </Text>
    </Paper>
  );
}

export default function AnalyticsPage() {
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  const filter = useMemo(() => fullFilter(filters), [filters]);
  const options = useQuery(AnalyticsOptionsQuery, {});
  const overview = useQuery(AnalyticsOverviewQuery, {
    matrixFilter: matrixFilter(filters),
    serumFilter: serumFilter(filters),
  });
  const kpis = useQuery(KpisDocument, { filter });
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => withFilter(f, k, v));
  const siteOptions = (options.data?.sites.rows ?? []).map((r) => ({ value: r.key, label: r.label }));
  const serumOptions = (options.data?.serums.rows ?? []).map((r) => ({ value: r.key, label: r.label }));
  const cells = overview.data?.concernDepthMatrix ?? [];
  /** A chart filter's select: disabled, with the reason, while another chart filter is set. */
  const chartSelect = (key: ChartFilterKey) => {
    const blocked = chartFilterBlocked(filters, key);
    return {
      disabled: !!blocked,
      description: blocked ?? undefined,
      value: filters[key],
      clearable: true,
    };
  };
  const monthControl = (d: string) => ({ "aria-label": monthName(d) });

  const startExport = async () => {
    abort.current = new AbortController();
    setExporting(true);
    setExportError(null);
    setProgress({ done: 0, total: null });
    try {
      const blob = await fetchOutcomeCsv(filter, setProgress, abort.current.signal);
      saveBlob(blob, exportFileName(filter));
    } catch (e) {
      if (!(e instanceof DOMException && e.name === "AbortError"))
        setExportError(e instanceof ApiError ? e.message : "The export stopped. Try again.");
    } finally {
      setExporting(false);
    }
  };

  const k = kpis.data?.kpis;
  const percent = progress?.total ? Math.min(100, (progress.done / progress.total) * 100) : null;
  const unapplied = (chart: "matrix" | "serums") => {
    const labels = notApplied(filters, chart);
    return labels.length ? (
      <Text size="xs" c="dimmed" data-testid={`${chart}-not-filtered`}>
        Not filtered by {labels.join(" or ").toLowerCase()}: the counters keep it for its own summary only.
      </Text>
    ) : null;
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Outcomes</Title>
        <Text c="dimmed">
          De-identified outcome data for the whole clinic group: no names, contact details or dates of birth.
        </Text>
      </div>

      <Paper withBorder p="md" radius="md" component="section" aria-label="Filters">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <MonthPickerInput
            label="From month"
            placeholder="Any month"
            value={filters.from}
            onChange={(v) => set("from", firstOfMonth(v))}
            maxDate={filters.to ?? undefined}
            getMonthControlProps={monthControl}
            valueFormat="MMM YYYY"
            clearable
            nextLabel="Next year"
            previousLabel="Previous year"
          />
          <MonthPickerInput
            label="To month"
            placeholder="Any month"
            value={filters.to}
            onChange={(v) => set("to", firstOfMonth(v))}
            minDate={filters.from ?? undefined}
            getMonthControlProps={monthControl}
            valueFormat="MMM YYYY"
            clearable
            nextLabel="Next year"
            previousLabel="Previous year"
          />
          <Select
            label="Site"
            placeholder="All sites"
            data={siteOptions}
            onChange={(v) => set("siteId", v)}
            {...chartSelect("siteId")}
          />
          <Select
            label="Concern"
            placeholder="All concerns"
            data={Object.entries(INDICATION).map(([value, label]) => ({ value, label }))}
            onChange={(v) => set("indication", v as Indication | null)}
            {...chartSelect("indication")}
          />
          <Select
            label="Device"
            placeholder="All devices"
            data={Object.entries(DEVICE).map(([value, label]) => ({ value, label }))}
            onChange={(v) => set("device", v as Device | null)}
            {...chartSelect("device")}
          />
          <Select
            label="Depth band"
            placeholder="All depths"
            data={DEPTH_BANDS.map((b) => ({ value: b, label: `${b} mm` }))}
            onChange={(v) => set("depthBand", v)}
            {...chartSelect("depthBand")}
          />
          <Select
            label="Serum"
            placeholder="All serums"
            data={serumOptions}
            value={filters.serumId}
            onChange={(v) => set("serumId", v)}
            clearable
          />
          <Select
            label="Fitzpatrick type"
            placeholder="All types"
            data={FITZPATRICK.map((f) => ({ value: f, label: `Type ${f}` }))}
            value={filters.fitzpatrick}
            onChange={(v) => set("fitzpatrick", v)}
            clearable
          />
        </SimpleGrid>
        <Group justify="space-between" mt="sm" wrap="nowrap" align="flex-start">
          <Text size="xs" c="dimmed" style={{ flex: 1 }}>
            Months: outcomes of courses that started in them; sessions and adverse events performed in them;
            plans that started in them. The charts take one of site, concern, device or depth band; the serum
            chart also its serum. KPIs and the export apply every filter.
          </Text>
          <Button
            variant="subtle"
            size="xs"
            style={{ flexShrink: 0 }}
            onClick={() => setFilters(EMPTY_FILTERS)}
          >
            Clear filters
          </Button>
        </Group>
      </Paper>

      <section aria-labelledby="kpi-heading">
        <Title order={2} size="h3" id="kpi-heading" mb="xs">
          KPIs
        </Title>
        {kpis.error && <Alert color="red">{kpis.error.message}</Alert>}
        {!k && kpis.loading && <Loader size="sm" aria-label="Loading KPIs" />}
        {k && (
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
            <KpiTile kpi={k.courseCompletion} format={(v) => `${v.toFixed(1)}%`} />
            <KpiTile kpi={k.rebooking} format={(v) => `${v.toFixed(1)}%`} />
            <KpiTile kpi={k.adverseEvents} format={(v) => v.toFixed(1)} />
            <KpiTile kpi={k.timeBetweenSessions} format={(v) => `${v > 0 ? "+" : ""}${v.toFixed(1)} days`} />
          </SimpleGrid>
        )}
        {k && (
          <Text size="xs" c="dimmed" mt={4}>
            As of {k.asOf}; {k.plansCounted} treatment plans; rebooking grace {k.graceDays} days.
          </Text>
        )}
      </section>

      {overview.error && <Alert color="red">{overview.error.message}</Alert>}
      {!overview.data && overview.loading && <Loader aria-label="Loading outcomes" />}
      {overview.data && (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="matrix-heading">
            <Title order={2} size="h3" id="matrix-heading">
              Improvement by concern and needle depth
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Mean % improvement against baseline, per depth band treated.
            </Text>
            {unapplied("matrix")}
            <ConcernDepthChart cells={cells} />
            <SummaryTable
              caption="Concern × depth band"
              rows={cells.map((c) => ({
                ...c.summary,
                label: `${c.depthBand} mm`,
                group: INDICATION[c.indication],
              }))}
            />
          </Paper>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="serum-heading">
            <Title order={2} size="h3" id="serum-heading">
              Improvement by serum
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Mean % improvement of the concerns a serum was applied for, and adverse events per 100 sessions
              with it.
            </Text>
            {unapplied("serums")}
            <SerumChart rows={overview.data.serums.rows} />
            <SummaryTable caption="By serum" rows={overview.data.serums.rows} />
          </Paper>
        </SimpleGrid>
      )}

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="export-heading">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h3" id="export-heading">
              Export outcome records
            </Title>
            <Text size="sm" c="dimmed">
              One de-identified row per patient and concern, with the filters above, as CSV.
            </Text>
          </div>
          <Group>
            {exporting && (
              <Button variant="default" onClick={() => abort.current?.abort()}>
                Cancel
              </Button>
            )}
            <Button onClick={() => void startExport()} loading={exporting}>
              Export CSV
            </Button>
          </Group>
        </Group>
        {progress && (
          <Stack gap={4} mt="sm">
            <Progress
              value={percent ?? 100}
              striped={percent === null && exporting}
              animated={percent === null && exporting}
              aria-label="Export progress"
              data-testid="export-progress"
            />
            <Text size="sm" data-testid="export-status">
              {exporting ? "Exporting… " : "Exported "}
              {progress.done} {progress.total != null ? `of ${progress.total} ` : ""}rows
            </Text>
          </Stack>
        )}
        {exportError && (
          <Alert color="red" mt="sm">
            {exportError}
          </Alert>
        )}
      </Paper>
    </Stack>
  );
}
