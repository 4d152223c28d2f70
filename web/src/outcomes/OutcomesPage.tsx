import {
  Alert,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { gql } from "../api/client";
import { ApiError } from "../api/errors";
import { useQuery } from "../api/useQuery";
import { INDICATION, RATER, ZONE } from "../clinical/labels";
import { SCALES, scaleFits, scalesFor, scoreLabel, scoreProblem } from "../clinical/scales";
import { date, describeWith, text, toNumber, type Errors } from "../clinical/validate";
import type { OutcomesPageQuery, Rater, ScaleId } from "../gql/graphql";
import { LoadError } from "../patients/PatientPage";
import { formatDate } from "../patients/labels";
import { todayIso } from "@needlework/core";
import { PageLoader } from "../shell/PageLoader";
import {
  OutcomeTrendQuery,
  OutcomesPageQuery as OutcomesPageDocument,
  RecordAssessmentMutation,
} from "./operations";
import { OutcomeChart } from "./OutcomeChart";

type Patient = NonNullable<OutcomesPageQuery["patient"]>;
type Concern = Patient["concerns"][number];
type SessionNode = Extract<Patient["timeline"]["edges"][number]["node"], { performedOn: string }>;

const LABELS: Record<string, string> = {
  concernId: "Concern",
  scale: "Scale",
  score: "Score",
  rater: "Rater",
  assessedOn: "Date",
  sessionId: "Session",
  notes: "Notes",
};
const describe = describeWith(LABELS);

const concernName = (c: Concern) => `${INDICATION[c.indication]} (${ZONE[c.bodyArea]})`;

export default function OutcomesPage() {
  const { id = "" } = useParams();
  const { data, error, loading } = useQuery(OutcomesPageDocument, { patientId: id });
  // Bumped after each assessment so every chart reloads its trend.
  const [revision, setRevision] = useState(0);
  if (loading && !data) return <PageLoader />;
  if (error) return <LoadError error={error} />;
  if (!data?.patient) return <LoadError error={new ApiError("NOT_FOUND", "Not found")} />;
  const patient = data.patient;
  const sessions = patient.timeline.edges
    .map((e) => e.node)
    .filter((n): n is SessionNode => "performedOn" in n);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>
            Outcomes: {patient.givenName} {patient.familyName}
          </Title>
          <Text c="dimmed">Each concern&apos;s scores across visits against its baseline.</Text>
        </div>
        <Button variant="default" component={Link} to={`/patients/${encodeURIComponent(patient.id)}`}>
          Patient
        </Button>
      </Group>
      {patient.concerns.length === 0 ? (
        <Alert color="yellow" title="No concern recorded yet">
          Outcomes are scored per concern. Record the concerns and their baselines at a consultation first.
        </Alert>
      ) : (
        <>
          <AssessmentForm
            patient={patient}
            sessions={sessions}
            onRecorded={() => setRevision((r) => r + 1)}
          />
          {patient.concerns.map((c) => (
            <ConcernOutcome key={c.id} patientId={patient.id} concern={c} revision={revision} />
          ))}
        </>
      )}
    </Stack>
  );
}

function ConcernOutcome({
  patientId,
  concern,
  revision,
}: {
  patientId: string;
  concern: Concern;
  revision: number;
}) {
  const [params] = useSearchParams();
  const [scale, setScale] = useState<ScaleId>(concern.baselineScale);
  const sectionRef = useRef<HTMLElement>(null);
  const linked = params.get("concern") === concern.id;
  useEffect(() => {
    // Opened from this concern's assessment (?concern=): bring its chart into view.
    if (linked) sectionRef.current?.scrollIntoView({ block: "start" });
  }, [linked]);
  const { data, error, loading, refetch } = useQuery(OutcomeTrendQuery, {
    patientId,
    concernId: concern.id,
    scale,
  });
  const seen = useRef(revision);
  useEffect(() => {
    // A new assessment was recorded: ask for the trend again.
    if (seen.current === revision) return;
    seen.current = revision;
    void refetch();
  }, [revision, refetch]);
  const title = concernName(concern);
  return (
    <Paper ref={sectionRef} withBorder p="md" component="section" aria-labelledby={`concern-${concern.id}`}>
      <Group justify="space-between" align="flex-end" mb="sm">
        <div>
          <Title order={2} size="h3" id={`concern-${concern.id}`}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            Baseline {concern.baselineScore}
            {concern.baselineLabel ? ` (${concern.baselineLabel})` : ""} on{" "}
            {SCALES[concern.baselineScale].short}, {formatDate(concern.baselineOn)}
            {concern.status === "RESOLVED" ? " · resolved" : ""}
          </Text>
        </div>
        <NativeSelect
          label="Scale"
          size="sm"
          value={scale}
          onChange={(e) => setScale(e.currentTarget.value as ScaleId)}
          data={scalesFor(concern.indication).map((s) => ({ value: s, label: SCALES[s].short }))}
        />
      </Group>
      {loading && !data ? (
        <PageLoader />
      ) : error ? (
        <Alert color="red" role="alert" title="The trend could not be loaded">
          {error.userMessage}
        </Alert>
      ) : data ? (
        <OutcomeChart trend={data.outcomeTrend} title={title} />
      ) : null}
    </Paper>
  );
}

interface Values {
  concernId: string;
  scale: ScaleId | "";
  score: number | string;
  rater: Rater;
  assessedOn: string;
  sessionId: string;
  notes: string;
}

/** The API's rules (core's validateAssessmentInput) on the form's fields. */
export function validateAssessment(v: Values, concern: Concern | undefined, now: Date = new Date()): Errors {
  const e: Errors = {};
  if (!concern) e.concernId = "is required";
  if (!v.scale) e.scale = "is required";
  date(e, "assessedOn", v.assessedOn, {
    notAfter: todayIso(now),
    ...(concern ? { notBefore: concern.baselineOn } : {}),
  });
  text(e, "notes", v.notes, { max: 2000, required: false });
  if (v.scale) {
    const s = SCALES[v.scale];
    if (concern && !scaleFits(v.scale, concern.indication))
      e.scale = `${s.name} does not measure this concern`;
    const n = toNumber(v.score);
    if (n === undefined) e.score = "is required";
    else {
      const problem = scoreProblem(v.scale, n);
      if (problem) e.score = problem;
    }
    if (!s.raters.includes(v.rater))
      e.rater = `${s.name} is scored by ${s.raters.join(" or ").toLowerCase()}`;
  }
  return e;
}

function AssessmentForm({
  patient,
  sessions,
  onRecorded,
}: {
  patient: Patient;
  sessions: SessionNode[];
  onRecorded: () => void;
}) {
  const [params] = useSearchParams();
  const fromSession = params.get("session") ?? "";
  const fromConcern = params.get("concern") ?? "";
  const firstConcern =
    patient.concerns.find((c) => c.id === fromConcern) ??
    patient.concerns.find((c) =>
      sessions.find((s) => s.id === fromSession)?.plan.concerns.some((pc) => pc.id === c.id),
    ) ??
    patient.concerns.find((c) => c.status === "ACTIVE") ??
    patient.concerns[0];
  const initial = (c: Concern | undefined): Values => ({
    concernId: c?.id ?? "",
    scale: c?.baselineScale ?? "",
    score: "",
    rater: (c && SCALES[c.baselineScale].raters[0]) ?? "CLINICIAN",
    assessedOn: todayIso(),
    sessionId: sessions.some((s) => s.id === fromSession) ? fromSession : "",
    notes: "",
  });
  const [v, setV] = useState<Values>(() => initial(firstConcern));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const key = useRef(crypto.randomUUID());
  const concern = patient.concerns.find((c) => c.id === v.concernId);
  const scale = v.scale ? SCALES[v.scale] : undefined;
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setErrors((e) => {
      const { [k]: _gone, ...rest } = e;
      return rest;
    });
  };
  const describeAll = (e: Errors): Errors =>
    Object.fromEntries(Object.entries(e).map(([p, r]) => [p, describe(p, r)]));
  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const e = validateAssessment(v, concern);
    setErrors(describeAll(e));
    if (Object.keys(e).length > 0 || !v.scale) {
      focusFirstError();
      return;
    }
    setSaving(true);
    try {
      const { recordAssessment } = await gql(RecordAssessmentMutation, {
        patientId: patient.id,
        idempotencyKey: key.current,
        input: {
          concernId: v.concernId,
          scale: v.scale,
          score: toNumber(v.score) ?? 0,
          rater: v.rater,
          assessedOn: v.assessedOn,
          sessionId: v.sessionId || null,
          notes: v.notes.trim() || null,
        },
      });
      key.current = crypto.randomUUID();
      const a = recordAssessment.assessment;
      notifications.show({
        color: "teal",
        message: `Score recorded: ${SCALES[a.scale].short} ${a.score}${a.label ? ` (${a.label})` : ""}.`,
      });
      setV((x) => ({ ...x, score: "", notes: "" }));
      onRecorded();
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError("INTERNAL_SERVER_ERROR", "Unexpected error");
      if (error.code === "BAD_USER_INPUT") {
        const placed: Errors = {};
        const rest: string[] = [];
        for (const f of error.fields) {
          const field = f.path.replace(/^input\./, "");
          if (field in LABELS) placed[field] = describe(field, f.reason);
          else rest.push(describe(field, f.reason));
        }
        setErrors(placed);
        setFailure(
          rest.length > 0 ? rest.join(" ") : "Some fields need attention: see the messages beside them.",
        );
        focusFirstError();
      } else setFailure(error.userMessage);
    } finally {
      setSaving(false);
    }
  };

  const scoreOptions =
    scale && scale.integer && scale.max - scale.min <= 10
      ? Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i).map((n) => ({
          value: String(n),
          label: `${n}${scoreLabel(scale.id, n) ? `: ${scoreLabel(scale.id, n)}` : ""}`,
        }))
      : null;

  return (
    <form ref={formRef} noValidate onSubmit={(e) => void submit(e)} aria-label="Record an assessment">
      <Fieldset legend="Record an assessment">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <NativeSelect
              label="Concern"
              required
              value={v.concernId}
              error={errors.concernId}
              onChange={(e) => {
                const c = patient.concerns.find((x) => x.id === e.currentTarget.value);
                setV((x) => ({
                  ...x,
                  concernId: e.currentTarget.value,
                  scale: c ? c.baselineScale : "",
                  score: "",
                  rater: c ? (SCALES[c.baselineScale].raters[0] ?? "CLINICIAN") : x.rater,
                }));
                setErrors({});
              }}
              data={patient.concerns.map((c) => ({ value: c.id, label: concernName(c) }))}
            />
            <NativeSelect
              label="Scale"
              required
              description="Only the scales that measure this concern"
              value={v.scale}
              error={errors.scale}
              onChange={(e) => {
                const s = e.currentTarget.value as ScaleId;
                setV((x) => ({
                  ...x,
                  scale: s,
                  score: "",
                  rater: SCALES[s].raters.includes(x.rater) ? x.rater : (SCALES[s].raters[0] ?? "CLINICIAN"),
                }));
                setErrors({});
              }}
              data={(concern ? scalesFor(concern.indication) : []).map((s) => ({
                value: s,
                label: SCALES[s].name,
              }))}
            />
            {scoreOptions ? (
              <NativeSelect
                label="Score"
                required
                description={
                  scale
                    ? `${scale.min}–${scale.max}, ${scale.better === "LOWER" ? "lower" : "higher"} is better`
                    : undefined
                }
                value={String(v.score)}
                error={errors.score}
                onChange={(e) => set("score", e.currentTarget.value)}
                data={[{ value: "", label: "Choose a score" }, ...scoreOptions]}
              />
            ) : (
              <NumberInput
                clampBehavior="none"
                label="Score"
                required
                description={
                  scale
                    ? `${scale.min}–${scale.max}${scale.unit ? ` ${scale.unit}` : ""}${scale.integer ? ", whole numbers" : ""}, ${
                        scale.better === "LOWER" ? "lower" : "higher"
                      } is better`
                    : undefined
                }
                min={scale?.min}
                max={scale?.max}
                allowDecimal={scale ? !scale.integer : true}
                decimalScale={1}
                value={v.score}
                error={errors.score}
                onChange={(n) => set("score", n)}
              />
            )}
            <NativeSelect
              label="Rater"
              required
              value={v.rater}
              error={errors.rater}
              onChange={(e) => set("rater", e.currentTarget.value as Rater)}
              data={(scale?.raters ?? (["CLINICIAN", "PATIENT"] as const)).map((r) => ({
                value: r,
                label: RATER[r],
              }))}
            />
            <TextInput
              label="Date"
              type="date"
              required
              min={concern?.baselineOn}
              max={todayIso()}
              value={v.assessedOn}
              error={errors.assessedOn}
              onChange={(e) => set("assessedOn", e.currentTarget.value)}
            />
            <NativeSelect
              label="After session"
              value={v.sessionId}
              error={errors.sessionId}
              onChange={(e) => set("sessionId", e.currentTarget.value)}
              data={[
                { value: "", label: "Not linked to a session" },
                ...sessions.map((s) => ({
                  value: s.id,
                  label: `${formatDate(s.performedOn)} · ${s.zones.map((z) => ZONE[z.zone]).join(", ")}`,
                })),
              ]}
            />
          </SimpleGrid>
          <Textarea
            label="Notes"
            autosize
            minRows={1}
            value={v.notes}
            error={errors.notes}
            onChange={(e) => set("notes", e.currentTarget.value)}
          />
          {failure && (
            <Alert color="red" title="Not saved" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              Record score
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
