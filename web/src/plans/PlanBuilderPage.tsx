import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { gql } from "../api/client";
import { ApiError, type ContraindicationReason, type FieldError } from "../api/errors";
import { useQuery } from "../api/useQuery";
import { useSite } from "../auth/context";
import { CLEARANCE, DEVICE, INDICATION, optionsOf, ZONE } from "../clinical/labels";
import { formatScore, SCALES } from "../clinical/scales";
import { FindingList, type Finding } from "../consultations/Findings";
import { asApiError, nodeOf, placeErrors, todayIso, useIdempotencyKey } from "../consultations/shared";
import type { PlanBuilderQuery, Zone } from "../gql/graphql";
import { AllergyBadge } from "../patients/badges";
import { formatDate } from "../patients/labels";
import { LoadError } from "../patients/PatientPage";
import { PageLoader } from "../shell/PageLoader";
import { consultationPath, planPath } from "../timeline/paths";
import { DANGER_TEXT } from "../theme";
import {
  CONCERN_CAP_MESSAGE,
  concernLocked,
  formPathOf,
  fromSuggestion,
  initialConcernIds,
  INTERVAL_WEEKS,
  isLotFinding,
  manualZone,
  MAX_CONCERNS_PER_PLAN,
  mmRange,
  planFieldsKey,
  SESSIONS,
  toPlanInput,
  validatePlan,
  type PlanValues,
  type Suggestion,
} from "./model";
import {
  CheckPlannedSerumQuery,
  CreateTreatmentPlanMutation,
  PatientConsultationsQuery,
  PlanBuilderQuery as PlanBuilderDocument,
  SuggestPlanQuery,
} from "./operations";

type Patient = NonNullable<PlanBuilderQuery["patient"]>;
type Serum = PlanBuilderQuery["serums"]["edges"][number]["node"];
type Consultation = Extract<NonNullable<PlanBuilderQuery["consultation"]>, { date: string }>;

export default function PlanBuilderPage() {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const consultationId = params.get("consultation");
  if (!consultationId) return <PickConsultation patientId={id} />;
  return <PlanBuilderLoader patientId={id} consultationId={consultationId} />;
}

/** Opened without a consultation: the plan is built from one, so pick it. */
function PickConsultation({ patientId }: { patientId: string }) {
  const { data, error, loading } = useQuery(PatientConsultationsQuery, { patientId });
  if (loading && !data) return <PageLoader />;
  if (error) return <LoadError error={error} />;
  const p = data?.patient;
  if (!p) return <LoadError error={new ApiError("NOT_FOUND", "Not found")} />;
  const byId = new Map<string, { id: string; date: string; cleared: boolean; concerns: string[] }>();
  for (const c of p.concerns) {
    const entry = byId.get(c.consultation.id) ?? { ...c.consultation, concerns: [] };
    entry.concerns.push(`${INDICATION[c.indication]} (${ZONE[c.bodyArea].toLowerCase()})`);
    byId.set(c.consultation.id, entry);
  }
  const consultations = [...byId.values()].sort((a, b) => b.date.localeCompare(a.date));
  const patientPath = `/patients/${encodeURIComponent(p.id)}`;
  return (
    <Stack maw={800}>
      <Anchor component={Link} to={patientPath} size="sm">
        ← {p.givenName} {p.familyName}
      </Anchor>
      <Title order={1}>New treatment plan</Title>
      {consultations.length === 0 ? (
        <Alert color="gray" title="A consultation comes first">
          A plan is built from the concerns recorded at a consultation, after the contraindication screen.{" "}
          <Anchor component={Link} to={`${patientPath}/consultations/new`} inherit fw={600}>
            Record a consultation
          </Anchor>
          .
        </Alert>
      ) : (
        <>
          <Text>Choose the consultation whose concerns the plan treats.</Text>
          <Stack gap="xs">
            {consultations.map((c) => (
              <Paper key={c.id} withBorder p="sm">
                <Group justify="space-between">
                  <div>
                    <Anchor component={Link} to={`?consultation=${encodeURIComponent(c.id)}`} fw={600}>
                      Consultation on {formatDate(c.date)}
                    </Anchor>
                    <Text size="sm">{c.concerns.join(", ")}</Text>
                  </div>
                  {!c.cleared && (
                    <Badge color="red.9" tt="none">
                      Block to override
                    </Badge>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

function PlanBuilderLoader({ patientId, consultationId }: { patientId: string; consultationId: string }) {
  const { data, error, loading } = useQuery(PlanBuilderDocument, { patientId, consultationId });
  if (loading && !data) return <PageLoader />;
  if (error) return <LoadError error={error} />;
  const c = nodeOf(data?.consultation, "date");
  if (!data?.patient || !c) return <LoadError error={new ApiError("NOT_FOUND", "Not found")} />;
  return (
    <PlanBuilder patient={data.patient} consultation={c} serums={data.serums.edges.map((e) => e.node)} />
  );
}

interface SerumCheckState {
  loading: boolean;
  findings: Finding[];
  error?: string;
}

/** Checks each chosen serum against the patient before saving (allergies, clearance, actives). */
function useSerumChecks(
  patientId: string,
  serums: readonly Serum[],
  chosen: readonly string[],
  onDate: string,
) {
  const [checks, setChecks] = useState<Record<string, SerumCheckState>>({});
  const asked = useRef(new Set<string>());
  const date = /^\d{4}-\d{2}-\d{2}$/.test(onDate) ? onDate : todayIso();

  useEffect(() => {
    for (const serumId of chosen) {
      const key = `${serumId}@${date}`;
      if (asked.current.has(key)) continue;
      asked.current.add(key);
      const serum = serums.find((s) => s.id === serumId);
      // A plan names a serum, not a lot: any lot will do for the check, and lot findings are dropped.
      const lot = serum?.lots.find((l) => !l.expired) ?? serum?.lots[0];
      setChecks((prev) => ({ ...prev, [key]: { loading: true, findings: [] } }));
      gql(CheckPlannedSerumQuery, {
        patientId,
        serumId,
        lotNumber: lot?.lotNumber ?? "-",
        onDate: date,
        duringNeedling: true,
      })
        .then((r) =>
          setChecks((prev) => ({
            ...prev,
            [key]: { loading: false, findings: r.checkSerum.findings.filter((f) => !isLotFinding(f.code)) },
          })),
        )
        .catch((e: unknown) => {
          asked.current.delete(key);
          setChecks((prev) => ({
            ...prev,
            [key]: { loading: false, findings: [], error: asApiError(e).userMessage },
          }));
        });
    }
  }, [patientId, serums, chosen, date]);

  return (serumId: string): SerumCheckState | undefined => checks[`${serumId}@${date}`];
}

function Reasons({ reasons }: { reasons: ContraindicationReason[] }) {
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

function PlanBuilder({
  patient,
  consultation,
  serums,
}: {
  patient: Patient;
  consultation: Consultation;
  serums: Serum[];
}) {
  const site = useSite();
  const navigate = useNavigate();
  const keyFor = useIdempotencyKey();
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayIso();
  const activeConcerns = consultation.concerns.filter((c) => c.status === "ACTIVE");
  const form = useForm<PlanValues>({
    initialValues: {
      concernIds: initialConcernIds(activeConcerns.map((c) => c.id)),
      startDate: consultation.date > today ? consultation.date : today,
      zones: [],
      sessionsPlanned: "",
      intervalWeeks: "",
      device: "",
      serumIds: [],
      serumOverrides: {},
      notes: "",
    },
    validate: (v) => validatePlan(v, consultation.date),
    validateInputOnBlur: true,
  });
  const v = form.values;
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [appliedKey, setAppliedKey] = useState<string | null>(null);
  const [suggestError, setSuggestError] = useState<ApiError | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ message: string; unplaced: FieldError[] } | null>(null);
  const [refusal, setRefusal] = useState<{
    consultation: ContraindicationReason[];
    serums: ContraindicationReason[];
  } | null>(null);
  const [addZone, setAddZone] = useState<Zone | "">("");
  const latestSuggest = useRef(0);
  const patientPath = `/patients/${encodeURIComponent(patient.id)}`;

  const edited = appliedKey !== null && planFieldsKey(v) !== appliedKey;
  const editedRef = useRef(edited);
  editedRef.current = edited;
  const apply = (s: Suggestion) => {
    const fields = fromSuggestion(s);
    form.setValues(fields);
    setAppliedKey(planFieldsKey(fields));
  };
  const applyRef = useRef(apply);
  applyRef.current = apply;

  // The protocol's suggestion for the chosen concerns; applied unless the practitioner has edited.
  const concernKey = [...v.concernIds].sort().join(",");
  useEffect(() => {
    if (!concernKey) {
      setSuggestion(null);
      return;
    }
    const id = ++latestSuggest.current;
    setSuggesting(true);
    setSuggestError(null);
    gql(SuggestPlanQuery, { patientId: patient.id, concernIds: concernKey.split(",") })
      .then((r) => {
        if (id !== latestSuggest.current) return;
        setSuggestion(r.suggestPlan);
        // A new suggestion fills the plan unless the practitioner has edited it: edits are never lost.
        if (!editedRef.current) applyRef.current(r.suggestPlan);
      })
      .catch((e: unknown) => {
        if (id === latestSuggest.current) setSuggestError(asApiError(e));
      })
      .finally(() => {
        if (id === latestSuggest.current) setSuggesting(false);
      });
  }, [concernKey, patient.id]);

  const checkOf = useSerumChecks(patient.id, serums, v.serumIds, v.startDate);
  const flagged = new Set(
    v.serumIds.filter((id) => (checkOf(id)?.findings ?? []).some((f) => f.level === "BLOCK")),
  );
  const serumName = (id: string) => serums.find((s) => s.id === id)?.name ?? "Serum";

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const submit = async (values: PlanValues) => {
    setSaving(true);
    setFailure(null);
    setRefusal(null);
    const { input, overrideOrder } = toPlanInput(values, consultation.id, site.id, flagged);
    try {
      const r = await gql(CreateTreatmentPlanMutation, { input, idempotencyKey: keyFor(input) });
      notifications.show({ color: "teal", message: "Treatment plan saved." });
      await navigate(planPath(patient.id, r.createTreatmentPlan.plan.id));
    } catch (e) {
      const error = asApiError(e);
      if (error.code === "BAD_USER_INPUT") {
        const { errors, unplaced } = placeErrors(error, (p) => formPathOf(p, values, overrideOrder));
        form.setErrors(errors);
        setFailure({
          message:
            Object.keys(errors).length > 0
              ? "Some fields need attention: see the messages beside them."
              : error.message,
          unplaced,
        });
        focusFirstError();
      } else if (error.code === "CONTRAINDICATED") {
        const isSerum = (r: ContraindicationReason) => (r.code ?? "").startsWith("SERUM_");
        setRefusal({
          consultation: error.reasons.filter((r) => !isSerum(r)),
          serums: error.reasons.filter(isSerum),
        });
        requestAnimationFrame(() => document.getElementById("plan-refusal")?.focus());
      } else setFailure({ message: error.userMessage, unplaced: [] });
    } finally {
      setSaving(false);
    }
  };

  const chosenConcerns = consultation.concerns.filter((c) => v.concernIds.includes(c.id));
  const plannedZones = new Set(v.zones.map((z) => z.zone));

  return (
    <Stack maw={1100}>
      <div>
        <Anchor component={Link} to={patientPath} size="sm">
          ← {patient.givenName} {patient.familyName}
        </Anchor>
        <Title order={1}>New treatment plan</Title>
        <Text c="dimmed">
          {patient.givenName} {patient.familyName} · from the{" "}
          <Anchor component={Link} to={consultationPath(patient.id, consultation.id)}>
            consultation on {formatDate(consultation.date)}
          </Anchor>{" "}
          · {site.name}
        </Text>
      </div>

      <Paper withBorder p="sm" component="section" aria-label="Patient safety">
        <Group gap="md">
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              Allergies and sensitivities
            </Text>
            {patient.allergies.length === 0 ? (
              <Text size="sm">none recorded</Text>
            ) : (
              patient.allergies.map((a) => <AllergyBadge key={`${a.substance}-${a.kind}`} {...a} />)
            )}
          </Group>
          {patient.activeFlags.length > 0 && (
            <Text size="sm" c={DANGER_TEXT} fw={600}>
              {patient.activeFlags.length} standing contraindication flag
              {patient.activeFlags.length === 1 ? "" : "s"}:{" "}
              {patient.activeFlags.map((f) => f.code.replace(/_/g, " ").toLowerCase()).join(", ")}
            </Text>
          )}
        </Group>
      </Paper>

      {!consultation.cleared && (
        <Alert color="red" title="The consultation has a block without an override" role="alert">
          <Stack gap="xs">
            <Text size="sm">
              A plan cannot be saved until every block is overridden by a prescriber with a reason (the API
              answers CONTRAINDICATED).
            </Text>
            <FindingList label="Blocks to override" findings={consultation.unresolvedBlocks} />
            <Anchor component={Link} to={consultationPath(patient.id, consultation.id)} fw={600} size="sm">
              Override at the consultation
            </Anchor>
          </Stack>
        </Alert>
      )}

      <form
        ref={formRef}
        noValidate
        aria-label="Treatment plan"
        onSubmit={form.onSubmit((values) => void submit(values), focusFirstError)}
      >
        <Stack gap="lg">
          <Fieldset legend="Concerns to treat">
            <Checkbox.Group
              {...form.getInputProps("concernIds")}
              value={v.concernIds}
              onChange={(ids) => form.setFieldValue("concernIds", ids)}
              label="The plan treats"
              description={
                activeConcerns.length > MAX_CONCERNS_PER_PLAN
                  ? v.concernIds.length >= MAX_CONCERNS_PER_PLAN
                    ? `${CONCERN_CAP_MESSAGE}.`
                    : `At most ${MAX_CONCERNS_PER_PLAN} concerns per plan (${v.concernIds.length} chosen).`
                  : undefined
              }
            >
              <Stack gap="xs" mt="xs">
                {consultation.concerns.map((c) => (
                  <Checkbox
                    key={c.id}
                    value={c.id}
                    disabled={c.status !== "ACTIVE" || concernLocked(v.concernIds, c.id)}
                    label={`${INDICATION[c.indication]}: ${ZONE[c.bodyArea]}${c.zones.length ? ` (${c.zones.map((z) => ZONE[z]).join(", ")})` : ""}`}
                    description={`Baseline ${SCALES[c.baselineScale].short} ${formatScore(c.baselineScale, c.baselineScore, c.baselineLabel)}`}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          </Fieldset>

          <Paper withBorder p="md" component="section" aria-labelledby="suggestion-title" bg="teal.0">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4" id="suggestion-title">
                Protocol suggestion
              </Title>
              {suggesting && <Loader size="xs" aria-label="Getting the suggestion" />}
            </Group>
            {suggestError ? (
              <Alert color="red" role="alert">
                {suggestError.userMessage}
              </Alert>
            ) : !suggestion ? (
              <Text size="sm">
                {chosenConcerns.length === 0
                  ? "Choose a concern to get a suggestion."
                  : "Getting the suggestion…"}
              </Text>
            ) : (
              <Stack gap={6} data-testid="suggestion">
                <Text size="sm">
                  {suggestion.sessions} sessions every {suggestion.intervalWeeks} week
                  {suggestion.intervalWeeks === 1 ? "" : "s"} with a {DEVICE[suggestion.device].toLowerCase()}
                  ;{" "}
                  {suggestion.zones
                    .map((z) => `${ZONE[z.zone]} ${mmRange(z.depthMinMm, z.depthMaxMm)}`)
                    .join(", ")}
                  {suggestion.serums.length > 0 ? `; serums: ${suggestion.serums.join(", ")}` : ""}.
                </Text>
                {suggestion.conservative && (
                  <Text size="sm" fw={600}>
                    Fitzpatrick IV–VI: the lower end of each depth range is suggested.
                  </Text>
                )}
                {suggestion.notes.map((n) => (
                  <Text key={n} size="sm" c="dimmed">
                    {n}
                  </Text>
                ))}
                {edited && (
                  <Group gap="xs">
                    <Text size="sm">You have edited the plan below.</Text>
                    <Button size="xs" variant="default" onClick={() => apply(suggestion)}>
                      Reset to the suggestion
                    </Button>
                  </Group>
                )}
              </Stack>
            )}
          </Paper>

          <Fieldset legend="Zones and needle depth">
            <Stack gap="sm">
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="xs" aria-label="Planned zones">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Zone</Table.Th>
                      <Table.Th scope="col">Depth (mm)</Table.Th>
                      <Table.Th scope="col">Allowed range</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {v.zones.map((z, i) => (
                      <Table.Tr key={z.key}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {ZONE[z.zone]}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <NumberInput
                            aria-label={`Depth for ${ZONE[z.zone]} in mm`}
                            min={z.depthMinMm}
                            max={z.depthMaxMm}
                            step={0.05}
                            decimalScale={2}
                            clampBehavior="none"
                            maw={140}
                            {...form.getInputProps(`zones.${i}.depthMm`)}
                            onChange={(n) =>
                              form.setFieldValue(`zones.${i}.depthMm`, n === "" ? "" : Number(n))
                            }
                          />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{mmRange(z.depthMinMm, z.depthMaxMm)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red.9"
                            onClick={() => form.removeListItem("zones", i)}
                            aria-label={`Remove ${ZONE[z.zone]}`}
                          >
                            Remove
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                    {v.zones.length === 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={4}>
                          <Text size="sm" c="dimmed">
                            No zone planned yet: the suggestion fills them, or add one below.
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {typeof form.errors.zones === "string" && (
                <Text size="sm" c="var(--mantine-color-error)" role="alert">
                  {form.errors.zones}
                </Text>
              )}
              <Group align="flex-end" gap="xs">
                <NativeSelect
                  label="Add a zone"
                  value={addZone}
                  onChange={(e) => setAddZone(e.currentTarget.value as Zone | "")}
                  data={[
                    { value: "", label: "Choose…" },
                    ...optionsOf(ZONE).filter((o) => !plannedZones.has(o.value)),
                  ]}
                />
                <Button
                  variant="light"
                  disabled={!addZone}
                  onClick={() => {
                    if (!addZone) return;
                    form.insertListItem("zones", manualZone(addZone));
                    setAddZone("");
                  }}
                >
                  Add zone
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <Fieldset legend="Course">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <TextInput
                label="Start date"
                type="date"
                required
                min={consultation.date}
                {...form.getInputProps("startDate")}
              />
              <NumberInput
                label="Sessions"
                required
                min={SESSIONS.min}
                max={SESSIONS.max}
                allowDecimal={false}
                clampBehavior="none"
                description={
                  suggestion ? `Suggested: ${suggestion.sessions}` : `${SESSIONS.min}–${SESSIONS.max}`
                }
                {...form.getInputProps("sessionsPlanned")}
              />
              <NumberInput
                label="Interval (weeks)"
                required
                min={INTERVAL_WEEKS.min}
                max={INTERVAL_WEEKS.max}
                allowDecimal={false}
                clampBehavior="none"
                description={
                  suggestion
                    ? `Suggested: ${suggestion.intervalWeeks}`
                    : `${INTERVAL_WEEKS.min}–${INTERVAL_WEEKS.max}`
                }
                {...form.getInputProps("intervalWeeks")}
              />
              <NativeSelect
                label="Device"
                description={suggestion ? `Suggested: ${DEVICE[suggestion.device]}` : " "}
                data={[{ value: "", label: "Not set" }, ...optionsOf(DEVICE)]}
                {...form.getInputProps("device")}
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend="Serum add-ons during needling">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                Each serum chosen is checked against the patient’s allergies and sensitivities and whether it
                is cleared for use during needling, before the plan is saved.
              </Text>
              {refusal && refusal.serums.length > 0 && (
                <Alert color="red" title="Serums refused without an override" role="alert">
                  <Reasons reasons={refusal.serums} />
                </Alert>
              )}
              {serums.length === 0 && (
                <Text size="sm">
                  The serum catalogue is empty: a clinic admin adds serums and their lots.
                </Text>
              )}
              {serums.map((s) => {
                const chosen = v.serumIds.includes(s.id);
                const check = chosen ? checkOf(s.id) : undefined;
                const blocks = (check?.findings ?? []).filter((f) => f.level === "BLOCK");
                const overrideError = form.errors[`serumOverrides.${s.id}`] ?? form.errors[`serum.${s.id}`];
                return (
                  <Paper
                    key={s.id}
                    withBorder
                    p="sm"
                    role="group"
                    aria-label={s.name}
                    data-serum={s.name}
                    style={blocks.length > 0 ? { borderColor: "var(--mantine-color-red-8)" } : undefined}
                  >
                    <Group justify="space-between" align="flex-start" wrap="nowrap">
                      <Checkbox
                        label={s.name}
                        description={`${s.ingredients.join(", ")}${s.allergens.length ? ` · allergens: ${s.allergens.join(", ")}` : ""}`}
                        checked={chosen}
                        onChange={(e) =>
                          form.setFieldValue(
                            "serumIds",
                            e.currentTarget.checked
                              ? [...v.serumIds, s.id]
                              : v.serumIds.filter((x) => x !== s.id),
                          )
                        }
                      />
                      <Group gap={4} justify="flex-end" style={{ flexShrink: 0, maxWidth: "50%" }}>
                        {suggestion?.serumIds.includes(s.id) && (
                          <Badge variant="light" color="teal" c="teal.9" tt="none">
                            Suggested
                          </Badge>
                        )}
                        <Badge
                          variant="outline"
                          color={s.clearance === "CLEARED_FOR_NEEDLING" ? "teal.9" : "gray.7"}
                          c={s.clearance === "CLEARED_FOR_NEEDLING" ? "teal.9" : "dark.7"}
                          tt="none"
                        >
                          {CLEARANCE[s.clearance]}
                        </Badge>
                      </Group>
                    </Group>
                    {chosen && (
                      <Stack gap="xs" mt="xs" pl={32}>
                        {!check || check.loading ? (
                          <Group gap={6}>
                            <Loader size="xs" aria-hidden />
                            <Text size="sm">Checking against the patient…</Text>
                          </Group>
                        ) : check.error ? (
                          <Text size="sm" c={DANGER_TEXT}>
                            Could not check this serum: {check.error}
                          </Text>
                        ) : check.findings.length === 0 ? (
                          <Text size="sm" c="teal.9" fw={600}>
                            No flags for this patient.
                          </Text>
                        ) : (
                          <FindingList label={`Flags for ${s.name}`} findings={check.findings} />
                        )}
                        {blocks.length > 0 && (
                          <Textarea
                            label={`Reason to plan ${s.name} anyway`}
                            description="Recorded with your name; or untick the serum."
                            autosize
                            minRows={1}
                            value={v.serumOverrides[s.id] ?? ""}
                            onChange={(e) =>
                              form.setFieldValue("serumOverrides", {
                                ...v.serumOverrides,
                                [s.id]: e.currentTarget.value,
                              })
                            }
                            error={overrideError}
                          />
                        )}
                        {blocks.length === 0 && overrideError && (
                          <Text size="sm" c="var(--mantine-color-error)">
                            {overrideError}
                          </Text>
                        )}
                      </Stack>
                    )}
                  </Paper>
                );
              })}
            </Stack>
          </Fieldset>

          <Textarea label="Notes" autosize minRows={2} {...form.getInputProps("notes")} />

          {refusal && refusal.consultation.length > 0 && (
            <Alert
              color="red"
              title="Not saved: the consultation has a block without an override"
              role="alert"
              id="plan-refusal"
              tabIndex={-1}
            >
              <Stack gap="xs">
                <Reasons reasons={refusal.consultation} />
                <Anchor
                  component={Link}
                  to={consultationPath(patient.id, consultation.id)}
                  fw={600}
                  size="sm"
                >
                  Override at the consultation
                </Anchor>
              </Stack>
            </Alert>
          )}
          {refusal && refusal.consultation.length === 0 && refusal.serums.length > 0 && (
            <Alert color="red" role="alert" id="plan-refusal" tabIndex={-1} title="Not saved">
              Give a reason to plan a flagged serum anyway, or untick it:{" "}
              {[...new Set(v.serumIds.filter((id) => flagged.has(id)).map(serumName))].join(", ")}.
            </Alert>
          )}
          {failure && (
            <Alert color="red" title="The plan was not saved" role="alert">
              <Text size="sm">{failure.message}</Text>
              {failure.unplaced.length > 0 && (
                <List size="sm" mt="xs">
                  {failure.unplaced.map((f) => (
                    <List.Item key={f.path}>
                      {f.path}: {f.reason}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={patientPath}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Save plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
