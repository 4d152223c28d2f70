import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { gql } from "../api/client";
import { ApiError, type ContraindicationReason, type FieldError } from "../api/errors";
import { useQuery } from "../api/useQuery";
import { useSite } from "../auth/context";
import { DEVICE, INDICATION, optionsOf, ZONE } from "../clinical/labels";
import { formatScore, SCALES } from "../clinical/scales";
import { FindingList } from "../consultations/Findings";
import { asApiError, nodeOf, placeErrors, todayIso, useIdempotencyKey } from "../consultations/shared";
import type { PlanBuilderQuery } from "../gql/graphql";
import { AllergyBadge } from "../patients/badges";
import { formatDate } from "../patients/labels";
import { LoadError } from "../patients/PatientPage";
import { PageLoader } from "../shell/PageLoader";
import { PickConsultation } from "./PickConsultation";
import { Reasons } from "./Reasons";
import { SerumsSection } from "./SerumsSection";
import { SuggestionPanel } from "./SuggestionPanel";
import { useSerumChecks } from "./useSerumChecks";
import { ZonesSection } from "./ZonesSection";
import { consultationPath, planPath } from "../timeline/paths";
import { DANGER_TEXT } from "../theme";
import {
  CONCERN_CAP_MESSAGE,
  concernLocked,
  formPathOf,
  fromSuggestion,
  initialConcernIds,
  INTERVAL_WEEKS,
  MAX_CONCERNS_PER_PLAN,
  planFieldsKey,
  SESSIONS,
  toPlanInput,
  validatePlan,
  type PlanValues,
  type Suggestion,
} from "./model";
import {
  CreateTreatmentPlanMutation,
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

          <SuggestionPanel
            suggestion={suggestion}
            suggesting={suggesting}
            suggestError={suggestError}
            concernsChosen={chosenConcerns.length}
            edited={edited}
            apply={apply}
          />

          <ZonesSection form={form} />

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

          <SerumsSection
            form={form}
            serums={serums}
            suggestion={suggestion}
            checkOf={checkOf}
            refused={refusal?.serums ?? []}
          />

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
