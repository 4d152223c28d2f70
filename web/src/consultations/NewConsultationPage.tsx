import {
  Alert,
  Anchor,
  Box,
  Button,
  Fieldset,
  Grid,
  Group,
  List,
  Loader,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { gql } from "../api/client";
import { ApiError, type FieldError } from "../api/errors";
import { useQuery } from "../api/useQuery";
import { useSite } from "../auth/context";
import { INDICATION, optionsOf, ZONE } from "../clinical/labels";
import { SCALES } from "../clinical/scales";
import type { NewConsultationQuery, ScreenPatientQuery, Zone } from "../gql/graphql";
import { AllergyBadge, FitzpatrickBadge } from "../patients/badges";
import { LoadError } from "../patients/PatientPage";
import { PageLoader } from "../shell/PageLoader";
import { consultationPath } from "../timeline/paths";
import { FindingList } from "./Findings";
import {
  baselineScalesFor,
  emptyConcern,
  emptyConsultation,
  formPathOf,
  fullyLabelled,
  scaleAfterIndication,
  toAnswersInput,
  toConsultationInput,
  treatmentZones,
  validateConsultation,
  type ConsultationValues,
  type Question,
} from "./model";
import {
  NewConsultationQuery as NewConsultationDocument,
  RecordConsultationMutation,
  ScreenPatientQuery as ScreenPatientDocument,
} from "./operations";
import { asApiError, placeErrors, todayIso, useIdempotencyKey } from "./shared";
import classes from "./consultations.module.css";

type Patient = NonNullable<NewConsultationQuery["patient"]>;
type Screen = ScreenPatientQuery["screenPatient"];

export default function NewConsultationPage() {
  const { id = "" } = useParams();
  const { data, error, loading } = useQuery(NewConsultationDocument, { patientId: id });
  if (loading && !data) return <PageLoader />;
  if (error) return <LoadError error={error} />;
  if (!data?.patient) return <LoadError error={new ApiError("NOT_FOUND", "Not found")} />;
  return <ConsultationForm patient={data.patient} questions={data.screeningQuestions} />;
}

/** Runs the screen on what the form holds so far, debounced; the latest answer wins. */
function useLiveScreen(patientId: string, values: ConsultationValues, questions: readonly Question[]) {
  const request = useMemo(
    () => ({
      patientId,
      answers: toAnswersInput(values.answers, questions),
      onDate: /^\d{4}-\d{2}-\d{2}$/.test(values.date) ? values.date : todayIso(),
      zones: treatmentZones(values.concerns),
    }),
    [patientId, values.answers, values.date, values.concerns, questions],
  );
  const [debounced] = useDebouncedValue(JSON.stringify(request), 350);
  const [screen, setScreen] = useState<Screen | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [running, setRunning] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const id = ++latest.current;
    setRunning(true);
    gql(ScreenPatientDocument, JSON.parse(debounced) as typeof request)
      .then((r) => {
        if (id !== latest.current) return;
        setScreen(r.screenPatient);
        setProblem(null);
      })
      .catch((e: unknown) => {
        if (id === latest.current) setProblem(asApiError(e));
      })
      .finally(() => {
        if (id === latest.current) setRunning(false);
      });
  }, [debounced]);

  return { screen, problem, running };
}

/** "Lemperle wrinkle scale, 0–5": the name with its range, short enough for a tablet's select. */
function scaleOption(id: keyof typeof SCALES): string {
  const s = SCALES[id];
  return `${s.short}, ${s.min}–${s.max}${s.unit ? ` ${s.unit}` : ""}`;
}

/** One sentence for the screen so far, and its state for the colour of the panel. */
function screenSummary(screen: Screen | null): {
  summary: string;
  short: string;
  state: "pending" | "blocked" | "warn" | "clear";
} {
  if (!screen) return { summary: "Screening…", short: "Screening…", state: "pending" };
  const blocks = screen.findings.filter((f) => f.level === "BLOCK").length;
  const warns = screen.findings.filter((f) => f.level === "WARN").length;
  const counts = [
    blocks ? `${blocks} block${blocks === 1 ? "" : "s"}` : "",
    warns ? `${warns} warning${warns === 1 ? "" : "s"}` : "",
  ]
    .filter(Boolean)
    .join(" and ");
  if (blocks > 0)
    return {
      summary: `${counts}: treatment needs a prescriber's override with a reason.`,
      short: counts,
      state: "blocked",
    };
  if (warns > 0)
    return { summary: `No blocks; ${counts} to note.`, short: `No blocks; ${counts}`, state: "warn" };
  return {
    summary: "No contraindications found so far.",
    short: "No contraindications so far",
    state: "clear",
  };
}

/** On a tablet the screen sits below the questions: this bar keeps its verdict in sight while filling. */
function ScreenBar({ screen, running }: { screen: Screen | null; running: boolean }) {
  const { short, state } = screenSummary(screen);
  return (
    <Box hiddenFrom="md" className={classes.bar} data-state={state}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap">
          {running && <Loader size="xs" aria-hidden />}
          <Text size="sm" fw={700}>
            Screen: {short}
          </Text>
        </Group>
        <Anchor href="#screen-title" size="sm" fw={600}>
          See the reasons
        </Anchor>
      </Group>
    </Box>
  );
}

function ScreenPanel({
  screen,
  problem,
  running,
}: {
  screen: Screen | null;
  problem: ApiError | null;
  running: boolean;
}) {
  const { summary, state } = screenSummary(screen);
  const unanswered = screen?.unanswered ?? [];

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="screen-title"
      className={classes.screen}
      data-state={state}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id="screen-title">
            Contraindication screen
          </Title>
          {running && <Loader size="xs" aria-label="Screening" />}
        </Group>
        <Text size="sm" fw={600} aria-live="polite" data-testid="screen-summary">
          {summary}
        </Text>
        {problem && (
          <Alert color="orange" title="Screen paused" role="status">
            {problem.code === "BAD_USER_INPUT"
              ? `Fix the highlighted answers and the screen runs again: ${problem.fields.map((f) => f.reason).join("; ") || problem.message}`
              : problem.userMessage}
          </Alert>
        )}
        {screen && screen.findings.length > 0 && (
          <FindingList findings={screen.findings} label="Screen findings" />
        )}
        {unanswered.length > 0 && (
          <Text size="sm" c="dimmed">
            {unanswered.length} required question{unanswered.length === 1 ? "" : "s"} still to answer
            (screened as “no” for now).
          </Text>
        )}
        <Text size="xs" c="dimmed">
          The patient’s medications, history, allergies and skin type are screened with the day’s answers.
          Blocks are overridden after saving, with a reason that is recorded with your name.
        </Text>
      </Stack>
    </Paper>
  );
}

function PatientStrip({ patient: p }: { patient: Patient }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label="Patient" className={classes.patient}>
      <Group gap="md" wrap="wrap">
        <Text fw={700}>
          {p.givenName} {p.familyName}
        </Text>
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            Fitzpatrick
          </Text>
          {p.fitzpatrick ? <FitzpatrickBadge type={p.fitzpatrick} /> : <Text size="sm">not assessed</Text>}
        </Group>
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            Allergies
          </Text>
          {p.allergies.length === 0 ? (
            <Text size="sm">none recorded</Text>
          ) : (
            p.allergies.map((a) => <AllergyBadge key={`${a.substance}-${a.kind}`} {...a} />)
          )}
        </Group>
      </Group>
    </Paper>
  );
}

function ConsultationForm({ patient, questions }: { patient: Patient; questions: Question[] }) {
  const site = useSite();
  const navigate = useNavigate();
  const keyFor = useIdempotencyKey();
  const formRef = useRef<HTMLFormElement>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ message: string; unplaced: FieldError[] } | null>(null);
  const today = todayIso();
  const form = useForm<ConsultationValues>({
    initialValues: emptyConsultation(today, questions),
    validate: (v) => validateConsultation(v, questions, today, site.id),
    validateInputOnBlur: true,
  });
  const { screen, problem, running } = useLiveScreen(patient.id, form.values, questions);
  const patientPath = `/patients/${encodeURIComponent(patient.id)}`;

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current
        ?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error="true"] input')
        ?.focus(),
    );

  const submit = async (values: ConsultationValues) => {
    setSaving(true);
    setFailure(null);
    const input = toConsultationInput(values, site.id, questions);
    try {
      const { recordConsultation } = await gql(RecordConsultationMutation, {
        patientId: patient.id,
        input,
        idempotencyKey: keyFor({ patientId: patient.id, input }),
      });
      const c = recordConsultation.consultation;
      notifications.show({
        color: c.cleared ? "teal" : "orange",
        message: c.cleared
          ? "Consultation saved."
          : "Consultation saved. A block needs an override before a plan can be made.",
      });
      await navigate(consultationPath(patient.id, c.id));
    } catch (e) {
      const error = asApiError(e);
      if (error.code === "BAD_USER_INPUT") {
        const { errors, unplaced } = placeErrors(error, (p) => formPathOf(p, values));
        form.setErrors(errors);
        setFailure({
          message:
            Object.keys(errors).length > 0
              ? "Some fields need attention: see the messages beside them."
              : error.message,
          unplaced,
        });
        focusFirstError();
      } else setFailure({ message: error.userMessage, unplaced: [] });
    } finally {
      setSaving(false);
    }
  };

  const booleanQuestions = questions.filter((q) => q.kind === "BOOLEAN");
  const dateQuestions = questions.filter((q) => q.kind === "DATE");

  return (
    <Stack maw={1280}>
      <div>
        <Anchor component={Link} to={patientPath} size="sm">
          ← {patient.givenName} {patient.familyName}
        </Anchor>
        <Title order={1}>New consultation</Title>
        <Text c="dimmed">
          {patient.givenName} {patient.familyName} at {site.name}
        </Text>
      </div>
      <PatientStrip patient={patient} />

      <form
        ref={formRef}
        noValidate
        aria-label="Consultation"
        onSubmit={form.onSubmit((v) => void submit(v), focusFirstError)}
      >
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              <TextInput
                label="Consultation date"
                type="date"
                required
                max={today}
                maw={240}
                {...form.getInputProps("date")}
              />

              <Fieldset legend="Concerns">
                <Stack gap="sm">
                  {form.values.concerns.map((c, i) => {
                    const scales = c.indication ? baselineScalesFor(c.indication) : [];
                    const scale = c.baselineScale ? SCALES[c.baselineScale] : null;
                    const scoreProps = form.getInputProps(`concerns.${i}.baselineScore`);
                    return (
                      <Paper key={c.key} withBorder p="sm" role="group" aria-label={`Concern ${i + 1}`}>
                        <SimpleGrid cols={{ base: 1, sm: 2 }}>
                          <NativeSelect
                            label="Concern"
                            required
                            data={[{ value: "", label: "Choose…" }, ...optionsOf(INDICATION)]}
                            {...form.getInputProps(`concerns.${i}.indication`)}
                            onChange={(e) => {
                              const indication = e.currentTarget.value as typeof c.indication;
                              form.setFieldValue(`concerns.${i}.indication`, indication);
                              const next = scaleAfterIndication(indication, c.baselineScale);
                              if (next !== c.baselineScale) {
                                form.setFieldValue(`concerns.${i}.baselineScale`, next);
                                form.setFieldValue(`concerns.${i}.baselineScore`, "");
                              }
                            }}
                          />
                          <NativeSelect
                            label="Body area"
                            required
                            data={[{ value: "", label: "Choose…" }, ...optionsOf(ZONE)]}
                            {...form.getInputProps(`concerns.${i}.bodyArea`)}
                          />
                          <MultiSelect
                            label="Zones to treat"
                            description="Leave empty to treat the body area"
                            data={optionsOf(ZONE)}
                            clearable
                            searchable
                            {...form.getInputProps(`concerns.${i}.zones`)}
                            onChange={(v: string[]) => form.setFieldValue(`concerns.${i}.zones`, v as Zone[])}
                          />
                          <NativeSelect
                            label="Baseline scale"
                            required
                            disabled={!c.indication}
                            description={
                              c.indication ? "Scales that measure this concern" : "Choose the concern first"
                            }
                            data={[
                              { value: "", label: c.indication ? "Choose…" : "—" },
                              ...scales.map((s) => ({ value: s, label: scaleOption(s) })),
                            ]}
                            {...form.getInputProps(`concerns.${i}.baselineScale`)}
                            onChange={(e) => {
                              form.setFieldValue(
                                `concerns.${i}.baselineScale`,
                                e.currentTarget.value as typeof c.baselineScale,
                              );
                              form.setFieldValue(`concerns.${i}.baselineScore`, "");
                            }}
                          />
                          {c.baselineScale && scale && fullyLabelled(c.baselineScale) ? (
                            <NativeSelect
                              label="Baseline score"
                              required
                              description={`${scale.short}, ${scale.min}–${scale.max}`}
                              data={[
                                { value: "", label: "Choose…" },
                                ...Array.from(
                                  { length: scale.max - scale.min + 1 },
                                  (_, n) => n + scale.min,
                                ).map((n) => ({
                                  value: String(n),
                                  label: `${n}: ${scale.labels?.[n] ?? ""}`,
                                })),
                              ]}
                              {...scoreProps}
                            />
                          ) : (
                            <NumberInput
                              label="Baseline score"
                              required
                              disabled={!scale}
                              description={
                                scale
                                  ? `${scale.short}: ${scale.min}–${scale.max}${scale.unit ? ` ${scale.unit}` : ""}${scale.integer ? ", whole numbers" : ""}`
                                  : "Choose the scale first"
                              }
                              min={scale?.min}
                              max={scale?.max}
                              allowDecimal={!scale?.integer}
                              {...scoreProps}
                              value={c.baselineScore}
                              onChange={(v) =>
                                form.setFieldValue(`concerns.${i}.baselineScore`, v === "" ? "" : String(v))
                              }
                            />
                          )}
                        </SimpleGrid>
                        <Textarea
                          mt="sm"
                          label="Notes"
                          autosize
                          minRows={1}
                          {...form.getInputProps(`concerns.${i}.notes`)}
                        />
                        {form.values.concerns.length > 1 && (
                          <Group justify="flex-end" mt="xs">
                            <Button
                              variant="subtle"
                              color="red.9"
                              size="xs"
                              onClick={() => form.removeListItem("concerns", i)}
                              aria-label={`Remove concern ${i + 1}${c.indication ? ` (${INDICATION[c.indication]})` : ""}`}
                            >
                              Remove
                            </Button>
                          </Group>
                        )}
                      </Paper>
                    );
                  })}
                  {typeof form.errors.concerns === "string" && (
                    <Text size="sm" c="var(--mantine-color-error)" role="alert">
                      {form.errors.concerns}
                    </Text>
                  )}
                  <Group>
                    <Button variant="light" onClick={() => form.insertListItem("concerns", emptyConcern())}>
                      Add concern
                    </Button>
                  </Group>
                </Stack>
              </Fieldset>

              <Fieldset legend="Screening questions">
                <Stack gap="md">
                  {booleanQuestions.map((q) => (
                    <Radio.Group
                      key={q.key}
                      label={q.label}
                      description={q.help}
                      withAsterisk={q.required}
                      {...form.getInputProps(`answers.${q.key}`)}
                      value={form.values.answers[q.key] ?? ""}
                      onChange={(v: string) => form.setFieldValue(`answers.${q.key}`, v)}
                      data-testid={`question-${q.key}`}
                    >
                      <Group gap="lg" mt={6}>
                        <Radio value="yes" label="Yes" />
                        <Radio value="no" label="No" />
                      </Group>
                    </Radio.Group>
                  ))}
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    {dateQuestions.map((q) => (
                      <TextInput
                        key={q.key}
                        type="date"
                        label={q.label}
                        description={q.help}
                        max={form.values.date || today}
                        {...form.getInputProps(`answers.${q.key}`)}
                        value={form.values.answers[q.key] ?? ""}
                      />
                    ))}
                  </SimpleGrid>
                </Stack>
              </Fieldset>
              <ScreenBar screen={screen} running={running} />
            </Stack>
          </Grid.Col>

          <Grid.Col span={{ base: 12, md: 5 }}>
            <div className={classes.sticky}>
              <ScreenPanel screen={screen} problem={problem} running={running} />
            </div>
          </Grid.Col>

          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="sm">
              {failure && (
                <Alert color="red" title="The consultation was not saved" role="alert">
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
                  Save consultation
                </Button>
              </Group>
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
    </Stack>
  );
}
