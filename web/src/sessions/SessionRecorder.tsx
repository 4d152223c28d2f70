import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { gql } from "../api/client";
import { ApiError, type FieldError } from "../api/errors";
import { useAuth } from "../auth/context";
import {
  ADVERSE_EVENT,
  ADVERSE_SEVERITY,
  DEPTH_MAX_MM,
  DEPTH_MIN_MM,
  DEVICE,
  INDICATION,
  ZONE,
  optionsOf,
} from "../clinical/labels";
import { Finding } from "../clinical/Findings";
import { SafetyStrip } from "../clinical/SafetyStrip";
import { describeWith, type Errors } from "../clinical/validate";
import type { PatientFieldsFragment, Zone } from "../gql/graphql";
import { formatDate } from "../patients/labels";
import { todayIso } from "@needlework/core";
import { DANGER_TEXT, WARN_TEXT } from "../theme";
import { lotLabel, type CatalogueSerum } from "./catalogue";
import { RecordSessionMutation } from "./operations";
import { compareWithConsultation, useLiveScreen } from "./rescreen";
import { RescreenFindings, RescreenQuestions, RescreenSummary } from "./RescreenSection";
import { useSerumChecks, type SerumCheckState } from "./serumChecks";
import {
  addSerumBlocked,
  answersInput,
  deviations,
  DISTINCT_SERUM_CAP_MESSAGE,
  emptyAdverseEvent,
  emptySerum,
  emptyZone,
  FIELD_LABELS,
  initialValues,
  numbingWarning,
  placeErrors,
  serumChoicesFor,
  toSessionInput,
  unanswered,
  validateSession,
  type RecorderPlan,
  type ScreeningQuestion,
  type SessionFormValues,
} from "./sessionForm";

const describe = describeWith(FIELD_LABELS);
const ALL_ZONES = Object.keys(ZONE) as Zone[];

function describeAll(errors: Errors): Errors {
  return Object.fromEntries(
    Object.entries(errors).map(([path, reason]) => [
      path,
      path.startsWith("rescreen.") || path.startsWith("overrides.")
        ? reason.charAt(0).toUpperCase() + reason.slice(1)
        : describe(path, reason),
    ]),
  );
}

export interface SessionRecorderProps {
  patient: PatientFieldsFragment;
  plan: RecorderPlan;
  questions: readonly ScreeningQuestion[];
  catalogue: readonly CatalogueSerum[];
  /** Reloads the patient and plan (after a CONFLICT) without touching what was typed. */
  onReload: () => Promise<unknown>;
}

export function SessionRecorder({ patient, plan, questions, catalogue, onReload }: SessionRecorderProps) {
  const navigate = useNavigate();
  const { site: currentSite, me } = useAuth();
  const formRef = useRef<HTMLFormElement>(null);
  // One key per recording: a double click or a retry after a lost answer records the session once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [started, setStarted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{
    title: string;
    message: string;
    unplaced: FieldError[];
    keyReused?: boolean;
  } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [rescreenRefusals, setRescreenRefusals] = useState<string[]>([]);
  const [serumRefusals, setSerumRefusals] = useState<Record<number, string[]>>({});
  const form = useForm<SessionFormValues>({ initialValues: initialValues(plan, questions) });
  const v = form.values;

  const siteId =
    currentSite && (me?.role === "CLINIC_ADMIN" || me?.sites.some((s) => s.id === currentSite.id))
      ? currentSite.id
      : plan.site.id;
  const treatedZones = v.zones.map((z) => z.zone).filter((z): z is Zone => !!z);
  const answers = useMemo(() => answersInput(v, questions), [v, questions]);
  const screen = useLiveScreen(patient.id, answers, v.performedOn, treatedZones);
  const { rows: rescreenRows, resolved } = useMemo(
    () => compareWithConsultation(screen.findings ?? [], plan.consultation),
    [screen.findings, plan.consultation],
  );
  const overrideCodes = rescreenRows.filter((r) => r.needsOverride).map((r) => r.finding.code);
  const checks = useSerumChecks(patient.id, v.serums, v.performedOn);
  const devs = deviations(v.zones, plan.zones);
  const serumById = useMemo(() => new Map(catalogue.map((s) => [s.id, s])), [catalogue]);
  const addBlocked = addSerumBlocked(v.serums);

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  /** The re-screen must be complete, and every uncovered BLOCK overridden with a reason, before treating. */
  const rescreenErrors = (): Errors => {
    const all = validateSession(v, plan.zones, questions);
    const errors: Errors = Object.fromEntries(
      Object.entries(all).filter(([p]) => p === "performedOn" || p.startsWith("rescreen.")),
    );
    for (const row of rescreenRows.filter((r) => r.needsOverride && r.finding.overridable))
      if (!(v.overrides[row.finding.code] ?? "").trim())
        errors[`overrides.${row.finding.code}`] = "give a reason to proceed despite this block";
    return errors;
  };
  const blockedForGood = rescreenRows.some((r) => r.needsOverride && !r.finding.overridable);

  const start = () => {
    const errors = rescreenErrors();
    if (Object.keys(errors).length > 0 || !screen.findings || blockedForGood) {
      form.setErrors(describeAll(errors));
      focusFirstError();
      return;
    }
    form.clearErrors();
    setStarted(true);
    requestAnimationFrame(() => document.getElementById("session-device")?.focus());
  };

  /** Serum rows the API's check refused: a bad lot never goes through; other BLOCKs need a reason. */
  const serumGate = (): Errors => {
    const errors: Errors = {};
    v.serums.forEach((row, i) => {
      const c = checks[row.key];
      if (!row.serumId || !row.lotNumber.trim()) return;
      if (!c || c.loading) errors[`serums.${i}.lotNumber`] = "is still being checked: wait a moment";
      else if (c.blocked && !c.overridable)
        errors[`serums.${i}.lotNumber`] =
          "cannot be used: " +
          c.findings
            .filter((f) => f.level === "BLOCK" && !f.overridable)
            .map((f) => f.reason)
            .join(" ");
      else if (c.blocked && !row.overrideReason.trim())
        errors[`serums.${i}.overrideReason`] = "is required to apply a serum despite a block";
    });
    return errors;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const errors = { ...validateSession(v, plan.zones, questions), ...rescreenErrors(), ...serumGate() };
    if (Object.keys(errors).length > 0) {
      form.setErrors(describeAll(errors));
      if (
        Object.keys(errors).some(
          (p) => p.startsWith("rescreen.") || p.startsWith("overrides.") || p === "performedOn",
        )
      )
        setStarted(false);
      focusFirstError();
      return;
    }
    setSaving(true);
    setRescreenRefusals([]);
    setSerumRefusals({});
    try {
      const input = toSessionInput(v, { planId: plan.id, siteId, questions, overrideCodes });
      const { recordTreatmentSession } = await gql(RecordSessionMutation, {
        patientId: patient.id,
        input,
        idempotencyKey,
      });
      const { progress } = recordTreatmentSession.plan;
      notifications.show({
        color: "teal",
        message: `Session recorded (${progress.done} of ${progress.planned}).`,
      });
      await navigate(
        `/patients/${encodeURIComponent(patient.id)}/sessions/${encodeURIComponent(recordTreatmentSession.session.id)}`,
      );
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError("INTERNAL_SERVER_ERROR", "Unexpected error");
      handleError(error);
    } finally {
      setSaving(false);
    }
  };

  const handleError = (error: ApiError) => {
    switch (error.code) {
      case "BAD_USER_INPUT": {
        const keyReused = error.fields.some((f) => f.path === "idempotencyKey");
        const { errors, unplaced } = placeErrors(error.fields.filter((f) => f.path !== "idempotencyKey"));
        form.setErrors(describeAll(errors));
        if (Object.keys(errors).some((p) => p.startsWith("rescreen.") || p === "performedOn"))
          setStarted(false);
        setFailure({
          title: keyReused ? "This session may already be recorded" : "Not saved",
          message: keyReused
            ? "An earlier save of this session may have gone through before the connection dropped, and the form has changed since. Check the patient's timeline before saving it as a new session."
            : Object.keys(errors).length > 0
              ? "Some fields need attention: see the messages beside them."
              : error.message,
          unplaced,
          keyReused,
        });
        focusFirstError();
        return;
      }
      case "CONTRAINDICATED": {
        const rescreen: string[] = [];
        const serums: Record<number, string[]> = {};
        for (const r of error.reasons) {
          const m = /^(?:serums|serumsApplied)\.(\d+)/.exec(r.path ?? "");
          if (m) (serums[Number(m[1])] ??= []).push(r.message);
          else rescreen.push(r.message);
        }
        setRescreenRefusals(rescreen);
        setSerumRefusals(serums);
        if (rescreen.length > 0) setStarted(false);
        setFailure({
          title: "Not saved: a contraindication blocks this session",
          message:
            "The reasons are shown where they apply. Give an override reason where one is allowed, or change the serum or lot.",
          unplaced: [],
        });
        focusFirstError();
        return;
      }
      case "CONFLICT":
        setConflict(true);
        return;
      case "NOT_FOUND":
      case "FORBIDDEN":
      case "UNAUTHENTICATED":
      case "THROTTLED":
      case "IDENTITY_UNAVAILABLE":
      case "INTERNAL_SERVER_ERROR":
      case "NETWORK":
        setFailure({
          title: "Not saved",
          message:
            error.code === "NETWORK" || error.code === "THROTTLED"
              ? `${error.userMessage} Saving again is safe: the session will not be recorded twice.`
              : error.userMessage,
          unplaced: [],
        });
    }
  };

  const zoneOptions = (current: Zone | "") => {
    const planned = plan.zones.map((z) => z.zone);
    const others = ALL_ZONES.filter((z) => !planned.includes(z));
    return [
      ...(current ? [] : [{ value: "", label: "Choose a zone" }]),
      { group: "Planned", items: planned.map((z) => ({ value: z, label: ZONE[z] })) },
      { group: "Not in the plan", items: others.map((z) => ({ value: z, label: ZONE[z] })) },
    ];
  };

  const progress = plan.progress;
  return (
    <form ref={formRef} noValidate onSubmit={(e) => void submit(e)} aria-label="Record a treatment session">
      <Stack gap="lg">
        <div>
          <Title order={1}>
            Session for {patient.givenName} {patient.familyName}
          </Title>
          <Text c="dimmed">
            {plan.concerns.map((c) => `${INDICATION[c.indication]} (${ZONE[c.bodyArea]})`).join(", ")} ·
            session {progress.done + 1} of {progress.planned} · every {plan.intervalWeeks} weeks
            {plan.nextDueOn ? ` · due ${formatDate(plan.nextDueOn)}` : ""}
          </Text>
        </div>

        <SafetyStrip patient={patient} />

        {started ? (
          <RescreenSummary
            form={form}
            plan={plan}
            rows={rescreenRows}
            performedOn={v.performedOn}
            onChange={() => setStarted(false)}
          />
        ) : (
          <Fieldset legend="Re-screen before starting">
            <Stack gap="md">
              <Text size="sm">
                Ask the screening questions again today. Anything new or changed since the consultation of{" "}
                {formatDate(plan.consultation.date)} is marked; a block needs a reason to go ahead.
              </Text>
              <RescreenQuestions form={form} questions={questions} />
              <RescreenFindings
                form={form}
                screen={screen}
                rows={rescreenRows}
                resolved={resolved}
                serverReasons={rescreenRefusals}
              />
              {blockedForGood && (
                <Alert color="red" role="alert" title="The session cannot go ahead today">
                  A block that cannot be overridden was found. Record what happened in the patient&apos;s
                  notes and rebook.
                </Alert>
              )}
              <Group justify="flex-end">
                <Text size="sm" c="dimmed">
                  {unanswered(v, questions).length > 0
                    ? `${unanswered(v, questions).length} question(s) still to answer`
                    : ""}
                </Text>
                <Button onClick={start} disabled={blockedForGood} loading={!screen.findings && !screen.error}>
                  Start the session
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        )}

        {started && (
          <>
            <Fieldset legend="Device">
              <Stack gap="sm">
                <Radio.Group
                  label="Device"
                  required
                  value={v.device}
                  onChange={(d) => form.setFieldValue("device", d)}
                >
                  <Group mt={4} gap="lg">
                    {optionsOf(DEVICE).map((d, i) => (
                      <Radio
                        key={d.value}
                        value={d.value}
                        label={d.label}
                        id={i === 0 ? "session-device" : undefined}
                      />
                    ))}
                  </Group>
                </Radio.Group>
                {v.device !== "DERMAROLLER" && (
                  <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
                    <NumberInput
                      clampBehavior="none"
                      label="Cartridge needle count"
                      required={v.device === "PEN"}
                      min={1}
                      max={100}
                      allowDecimal={false}
                      {...form.getInputProps("cartridgeNeedleCount")}
                    />
                    <TextInput
                      label="Cartridge lot"
                      required={v.device === "PEN"}
                      autoComplete="off"
                      {...form.getInputProps("cartridgeLot")}
                    />
                    {v.device === "RF_MICRONEEDLING" && (
                      <>
                        <NumberInput
                          clampBehavior="none"
                          label="Energy level"
                          description="As the device shows it"
                          required
                          min={0}
                          max={100}
                          decimalScale={2}
                          {...form.getInputProps("rfEnergy")}
                        />
                        <NumberInput
                          clampBehavior="none"
                          label="Pulse duration (ms)"
                          required
                          min={0}
                          max={1000}
                          decimalScale={1}
                          {...form.getInputProps("rfPulse")}
                        />
                      </>
                    )}
                  </SimpleGrid>
                )}
              </Stack>
            </Fieldset>

            <Fieldset legend="Zones, depth and passes">
              <Stack gap="sm">
                {typeof form.errors.zones === "string" && (
                  <Text size="sm" c={DANGER_TEXT} role="alert">
                    {form.errors.zones}
                  </Text>
                )}
                {v.zones.map((row, i) => {
                  const planned = plan.zones.find((p) => p.zone === row.zone);
                  const dev = devs.find((d) => d.zone === row.zone);
                  return (
                    <Paper
                      key={row.key}
                      withBorder
                      p="sm"
                      role="group"
                      aria-label={`Zone ${i + 1}${row.zone ? `: ${ZONE[row.zone]}` : ""}`}
                    >
                      <SimpleGrid cols={{ base: 1, xs: 3 }}>
                        <NativeSelect
                          label="Zone"
                          required
                          data={zoneOptions(row.zone)}
                          {...form.getInputProps(`zones.${i}.zone`)}
                        />
                        <NumberInput
                          clampBehavior="none"
                          label="Depth (mm)"
                          required
                          min={DEPTH_MIN_MM}
                          max={DEPTH_MAX_MM}
                          step={0.25}
                          decimalScale={2}
                          description={
                            planned
                              ? `Planned ${planned.depthMinMm}–${planned.depthMaxMm} mm`
                              : row.zone
                                ? "Not in the plan"
                                : undefined
                          }
                          {...form.getInputProps(`zones.${i}.depthMm`)}
                        />
                        <NumberInput
                          clampBehavior="none"
                          label="Passes"
                          required
                          min={1}
                          max={10}
                          allowDecimal={false}
                          {...form.getInputProps(`zones.${i}.passes`)}
                        />
                      </SimpleGrid>
                      <Group justify="space-between" mt="xs" wrap="nowrap" align="flex-start">
                        <Text size="sm" c={WARN_TEXT} fw={600} aria-live="polite">
                          {dev ? `${dev.reason}: give a reason below.` : ""}
                        </Text>
                        <Button
                          variant="subtle"
                          color="red"
                          c="red.9"
                          size="xs"
                          onClick={() => form.removeListItem("zones", i)}
                          aria-label={`Remove zone ${i + 1}${row.zone ? ` (${ZONE[row.zone]})` : ""}`}
                        >
                          Remove
                        </Button>
                      </Group>
                    </Paper>
                  );
                })}
                <Group>
                  <Button variant="light" onClick={() => form.insertListItem("zones", emptyZone())}>
                    Add zone
                  </Button>
                </Group>
                {(devs.length > 0 || v.depthDeviationReason) && (
                  <Textarea
                    label="Reason for treating outside the plan"
                    description={devs.map((d) => d.reason).join("; ") || "No zone is outside the plan now."}
                    required={devs.length > 0}
                    autosize
                    minRows={2}
                    {...form.getInputProps("depthDeviationReason")}
                  />
                )}
              </Stack>
            </Fieldset>

            <Fieldset legend="Serums">
              <Stack gap="sm">
                {typeof form.errors.serums === "string" && (
                  <Text size="sm" c={DANGER_TEXT} role="alert">
                    {form.errors.serums}
                  </Text>
                )}
                {v.serums.length === 0 && <Text c="dimmed">No serum applied.</Text>}
                {v.serums.map((row, i) => (
                  <SerumRowFields
                    key={row.key}
                    index={i}
                    form={form}
                    serum={serumById.get(row.serumId)}
                    catalogue={catalogue}
                    allowed={serumChoicesFor(v.serums, i)}
                    treated={treatedZones}
                    check={checks[row.key]}
                    refusals={serumRefusals[i] ?? []}
                  />
                ))}
                <Group>
                  <Button
                    variant="light"
                    disabled={!!addBlocked}
                    aria-describedby={addBlocked ? "add-serum-blocked" : undefined}
                    onClick={() =>
                      form.insertListItem(
                        "serums",
                        emptySerum(treatedZones.length === 1 ? (treatedZones[0] ?? "") : ""),
                      )
                    }
                  >
                    Add serum
                  </Button>
                  {addBlocked && (
                    <Text size="sm" c="dimmed" id="add-serum-blocked">
                      {addBlocked}.
                    </Text>
                  )}
                </Group>
              </Stack>
            </Fieldset>

            <Fieldset legend="Numbing and reactions">
              <Stack gap="sm">
                <Checkbox
                  label="Topical numbing used"
                  {...form.getInputProps("numbingUsed", { type: "checkbox" })}
                />
                {v.numbingUsed && (
                  <SimpleGrid cols={{ base: 1, xs: 2 }}>
                    <TextInput
                      label="Numbing agent"
                      required
                      description={numbingWarning(patient, v.numbingAgent)}
                      styles={{ description: { color: DANGER_TEXT, fontWeight: 600 } }}
                      {...form.getInputProps("numbingAgent")}
                    />
                    <NumberInput
                      clampBehavior="none"
                      label="Minutes on the skin"
                      required
                      min={0}
                      max={120}
                      allowDecimal={false}
                      {...form.getInputProps("numbingMinutes")}
                    />
                  </SimpleGrid>
                )}
                <Textarea
                  label="Immediate reactions"
                  description="E.g. pinpoint bleeding, erythema, oedema, discomfort"
                  autosize
                  minRows={2}
                  {...form.getInputProps("immediateReactions")}
                />
              </Stack>
            </Fieldset>

            <Fieldset legend="Adverse events">
              <Stack gap="sm">
                {v.adverseEvents.length === 0 && <Text c="dimmed">None.</Text>}
                {v.adverseEvents.map((row, i) => (
                  <AdverseEventFields key={row.key} index={i} form={form} serumById={serumById} />
                ))}
                <Group>
                  <Button
                    variant="light"
                    onClick={() =>
                      form.insertListItem("adverseEvents", emptyAdverseEvent(v.performedOn || todayIso()))
                    }
                  >
                    Add adverse event
                  </Button>
                </Group>
              </Stack>
            </Fieldset>

            <Fieldset legend="Aftercare and notes">
              <Stack gap="sm">
                <Checkbox
                  label="Aftercare advice given to the patient"
                  description="The printable aftercare sheet is on the session's page once it is saved."
                  {...form.getInputProps("aftercareGiven", { type: "checkbox" })}
                />
                <Textarea label="Notes" autosize minRows={2} {...form.getInputProps("notes")} />
              </Stack>
            </Fieldset>

            {conflict && (
              <Alert
                color="orange"
                title="The patient's record or plan changed while you were recording"
                role="alert"
              >
                <Stack gap="xs">
                  <Text size="sm">
                    Someone saved this patient (for example a new allergy) or this plan after you opened the
                    recorder. Nothing was recorded and your entries are kept. Load the latest details, check
                    the safety summary, and record again.
                  </Text>
                  <Group>
                    <Button
                      size="xs"
                      onClick={() =>
                        void onReload().then(() => {
                          setConflict(false);
                          notifications.show({
                            color: "teal",
                            message: "Latest details loaded: check them and record again.",
                          });
                        })
                      }
                    >
                      Load the latest details
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
            {failure && (
              <Alert color="red" title={failure.title} role="alert">
                <Text size="sm">{failure.message}</Text>
                {failure.unplaced.length > 0 && (
                  <List size="sm" mt="xs">
                    {failure.unplaced.map((f) => (
                      <List.Item key={f.path}>{describe(f.path, f.reason)}</List.Item>
                    ))}
                  </List>
                )}
                {failure.keyReused && (
                  <Group mt="xs">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setIdempotencyKey(crypto.randomUUID());
                        setFailure(null);
                      }}
                    >
                      It is not recorded: save as a new session
                    </Button>
                  </Group>
                )}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => void navigate(`/patients/${encodeURIComponent(patient.id)}`)}
              >
                Cancel
              </Button>
              <Button type="submit" loading={saving}>
                Record session
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </form>
  );
}

function SerumRowFields({
  index: i,
  form,
  serum,
  catalogue,
  allowed,
  treated,
  check,
  refusals,
}: {
  index: number;
  form: ReturnType<typeof useForm<SessionFormValues>>;
  serum: CatalogueSerum | undefined;
  catalogue: readonly CatalogueSerum[];
  /** Set when the other rows apply as many different serums as a session may: the choices left. */
  allowed: ReadonlySet<string> | undefined;
  treated: Zone[];
  check: SerumCheckState | undefined;
  refusals: string[];
}) {
  const row = form.values.serums[i];
  if (!row) return null;
  const lots = serum?.lots ?? [];
  const blocks = check?.findings.filter((f) => f.level === "BLOCK") ?? [];
  const hardBlock = !!check && check.blocked && !check.overridable;
  return (
    <Paper
      withBorder
      p="sm"
      role="group"
      aria-label={`Serum ${i + 1}${serum ? `: ${serum.name}` : ""}`}
      style={hardBlock ? { borderColor: "var(--mantine-color-red-8)" } : undefined}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <NativeSelect
          label="Serum"
          required
          description={allowed ? DISTINCT_SERUM_CAP_MESSAGE : undefined}
          data={[
            { value: "", label: "Choose a serum" },
            ...catalogue.map((s) => ({
              value: s.id,
              label: s.clearance === "TOPICAL_AFTER_HEALING" ? `${s.name} (topical after healing)` : s.name,
              disabled: !!allowed && !allowed.has(s.id),
            })),
          ]}
          {...form.getInputProps(`serums.${i}.serumId`)}
          onChange={(e) => {
            form.setFieldValue(`serums.${i}.serumId`, e.currentTarget.value);
            form.setFieldValue(`serums.${i}.lotNumber`, "");
            form.setFieldValue(`serums.${i}.overrideReason`, "");
          }}
        />
        <NativeSelect
          label="Lot"
          required
          disabled={!serum}
          description={
            serum && lots.length === 0 ? "No lot in the catalogue: ask a clinic admin to add one" : undefined
          }
          data={[
            { value: "", label: serum ? "Choose a lot" : "Choose a serum first" },
            ...lots.map((l) => ({ value: l.lotNumber, label: lotLabel(l, formatDate) })),
          ]}
          {...form.getInputProps(`serums.${i}.lotNumber`)}
        />
        <NativeSelect
          label="Zone"
          required
          data={[
            { value: "", label: "Choose a treated zone" },
            ...treated.map((z) => ({ value: z, label: ZONE[z] })),
          ]}
          {...form.getInputProps(`serums.${i}.zone`)}
        />
      </SimpleGrid>
      {check?.loading && (
        <Text size="sm" c="dimmed" mt="xs">
          Checking against the patient&apos;s allergies, needling clearance and the lot…
        </Text>
      )}
      {check?.error && (
        <Text size="sm" c={DANGER_TEXT} mt="xs">
          The check could not run: {check.error.userMessage}
        </Text>
      )}
      {check && !check.loading && !check.error && (
        <Stack gap={6} mt="xs" aria-live="polite" data-testid={`serum-check-${i}`}>
          {check.findings.length === 0 && (
            <Text size="sm" c="teal.9">
              Checked: no allergy, clearance or lot problem.
            </Text>
          )}
          {hardBlock && (
            <Text size="sm" fw={700} c={DANGER_TEXT}>
              Refused: this serum lot cannot be applied.
            </Text>
          )}
          {check.findings.map((f) => (
            <Finding key={f.code} finding={f} />
          ))}
          {check.blocked && check.overridable && (
            <Textarea
              label="Reason to apply it despite the block"
              description={`Overrides: ${blocks.map((b) => b.code).join(", ")}. Recorded with your name and the time.`}
              required
              autosize
              minRows={2}
              {...form.getInputProps(`serums.${i}.overrideReason`)}
            />
          )}
        </Stack>
      )}
      {refusals.length > 0 && (
        <Alert color="red" mt="xs" title="Refused when saving" role="alert">
          {refusals.map((r) => (
            <Text key={r} size="sm">
              {r}
            </Text>
          ))}
        </Alert>
      )}
      <Group justify="flex-end" mt="xs">
        <Button
          variant="subtle"
          color="red"
          c="red.9"
          size="xs"
          onClick={() => form.removeListItem("serums", i)}
          aria-label={`Remove serum ${i + 1}${serum ? ` (${serum.name})` : ""}`}
        >
          Remove
        </Button>
      </Group>
    </Paper>
  );
}

function AdverseEventFields({
  index: i,
  form,
  serumById,
}: {
  index: number;
  form: ReturnType<typeof useForm<SessionFormValues>>;
  serumById: Map<string, CatalogueSerum>;
}) {
  const row = form.values.adverseEvents[i];
  if (!row) return null;
  const applied = [...new Set(form.values.serums.map((s) => s.serumId).filter(Boolean))];
  const lots = form.values.serums
    .filter((s) => s.serumId === row.serumId && s.lotNumber)
    .map((s) => s.lotNumber);
  return (
    <Paper withBorder p="sm" role="group" aria-label={`Adverse event ${i + 1}`}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <NativeSelect
          label="Type"
          required
          data={[{ value: "", label: "Choose" }, ...optionsOf(ADVERSE_EVENT)]}
          {...form.getInputProps(`adverseEvents.${i}.type`)}
        />
        <TextInput label="Onset" type="date" required {...form.getInputProps(`adverseEvents.${i}.onsetOn`)} />
        <NumberInput
          clampBehavior="none"
          label="Duration (days)"
          description="Leave empty while ongoing"
          min={0}
          max={365}
          allowDecimal={false}
          {...form.getInputProps(`adverseEvents.${i}.durationDays`)}
        />
        <NativeSelect
          label="Severity"
          required
          data={optionsOf(ADVERSE_SEVERITY)}
          {...form.getInputProps(`adverseEvents.${i}.severity`)}
        />
        <NativeSelect
          label="Serum involved"
          data={[
            { value: "", label: "None" },
            ...applied.map((id) => ({ value: id, label: serumById.get(id)?.name ?? id })),
          ]}
          {...form.getInputProps(`adverseEvents.${i}.serumId`)}
        />
        <NativeSelect
          label="Lot"
          disabled={!row.serumId}
          data={[
            { value: "", label: "Not known" },
            ...[...new Set(lots)].map((l) => ({ value: l, label: l })),
          ]}
          {...form.getInputProps(`adverseEvents.${i}.lotNumber`)}
        />
        <Textarea label="Notes" autosize minRows={1} {...form.getInputProps(`adverseEvents.${i}.notes`)} />
      </SimpleGrid>
      <Group justify="flex-end" mt="xs">
        <Button
          variant="subtle"
          color="red"
          c="red.9"
          size="xs"
          onClick={() => form.removeListItem("adverseEvents", i)}
          aria-label={`Remove adverse event ${i + 1}`}
        >
          Remove
        </Button>
      </Group>
    </Paper>
  );
}
