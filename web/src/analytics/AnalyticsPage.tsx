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
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { useMemo, useRef, useState } from "react";
import { useQuery } from "../api/useQuery";
import { ApiError } from "../api/errors";
import { DEVICE, INDICATION } from "../clinical/labels";
import type { AnalyticsKpisQuery, Device, FitzpatrickType, Indication, OutcomeFilter } from "../gql/graphql";
import { ConcernDepthChart, SerumChart, SummaryTable } from "./charts";
import { exportFileName, fetchOutcomeCsv, saveBlob, type ExportProgress } from "./exportCsv";
import { AnalyticsKpisQuery as KpisDocument, AnalyticsOverviewQuery } from "./operations";

const FITZPATRICK: FitzpatrickType[] = ["I", "II", "III", "IV", "V", "VI"];

interface Filters {
  siteId: string | null;
  indication: Indication | null;
  device: Device | null;
  fitzpatrick: FitzpatrickType | null;
  from: string;
  to: string;
}

const EMPTY: Filters = { siteId: null, indication: null, device: null, fitzpatrick: null, from: "", to: "" };

function toFilter(f: Filters): OutcomeFilter {
  const out: OutcomeFilter = {};
  if (f.siteId) out.siteId = f.siteId;
  if (f.indication) out.indication = f.indication;
  if (f.device) out.device = f.device;
  if (f.fitzpatrick) out.fitzpatrick = f.fitzpatrick;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  return out;
}

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
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const filter = useMemo(() => toFilter(filters), [filters]);
  const overview = useQuery(AnalyticsOverviewQuery, {
    matrixFilter: filters.indication ? { indication: filters.indication } : null,
  });
  const kpis = useQuery(KpisDocument, { filter });
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const siteOptions = (overview.data?.sites.rows ?? []).map((r) => ({ value: r.key, label: r.label }));
  const cells = overview.data?.concernDepthMatrix ?? [];

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

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Outcomes</Title>
        <Text c="dimmed">
          De-identified outcome data for the whole clinic group: no names, contact details or dates of birth.
        </Text>
      </div>

      <Paper withBorder p="md" radius="md" component="section" aria-label="Filters">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm">
          <Select
            label="Site"
            placeholder="All sites"
            data={siteOptions}
            value={filters.siteId}
            onChange={(v) => set("siteId", v)}
            clearable
          />
          <Select
            label="Concern"
            placeholder="All concerns"
            data={Object.entries(INDICATION).map(([value, label]) => ({ value, label }))}
            value={filters.indication}
            onChange={(v) => set("indication", v as Indication | null)}
            clearable
          />
          <Select
            label="Device"
            placeholder="All devices"
            data={Object.entries(DEVICE).map(([value, label]) => ({ value, label }))}
            value={filters.device}
            onChange={(v) => set("device", v as Device | null)}
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
          <TextInput
            label="Course started from"
            type="date"
            value={filters.from}
            onChange={(e) => set("from", e.currentTarget.value)}
          />
          <TextInput
            label="to"
            type="date"
            value={filters.to}
            onChange={(e) => set("to", e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            KPIs and the export apply every filter (dates by the month a course started). The charts come from
            counters kept for all dates and sites; the concern filter narrows the concern × depth chart.
          </Text>
          <Button variant="subtle" size="xs" onClick={() => setFilters(EMPTY)}>
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
