import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { gql } from "../api/client";
import { ApiError } from "../api/errors";
import { useQuery } from "../api/useQuery";
import { useAuth } from "../auth/context";
import {
  ADVERSE_CLASS,
  ADVERSE_EVENT,
  ADVERSE_SEVERITY,
  DEVICE,
  INDICATION,
  ZONE,
  optionsOf,
} from "../clinical/labels";
import { Finding, FindingList } from "../clinical/Findings";
import { SafetyStrip } from "../clinical/SafetyStrip";
import { describeWith, toNumber, type Errors } from "../clinical/validate";
import type {
  AdverseEventSeverity,
  AdverseEventType,
  PatientFieldsFragment,
  SessionFieldsFragment,
} from "../gql/graphql";
import { LoadError } from "../patients/PatientPage";
import { ageOn, formatDate } from "../patients/labels";
import { todayIso } from "@needlework/core";
import { PageLoader } from "../shell/PageLoader";
import { DANGER_TEXT, WARN_TEXT } from "../theme";
import { RecordAdverseEventMutation, SessionQuery } from "./operations";
import { FIELD_LABELS, validateSession } from "./sessionForm";
import classes from "./SessionPage.module.css";

type Session = SessionFieldsFragment;

function isSession(n: unknown): n is Session {
  return typeof n === "object" && n !== null && "performedOn" in n && "aftercare" in n;
}

export default function SessionPage() {
  const { id = "", sessionId = "" } = useParams();
  const { data, error, loading, refetch } = useQuery(SessionQuery, { patientId: id, sessionId });
  const [latest, setLatest] = useState<Session | null>(null);
  if (loading && !data) return <PageLoader />;
  if (error) return <LoadError error={error} />;
  if (!data?.patient || !isSession(data.session))
    return <LoadError error={new ApiError("NOT_FOUND", "This session was not found.")} />;
  const session =
    latest && latest.id === data.session.id && latest.version > data.session.version ? latest : data.session;
  return (
    <SessionView
      patient={data.patient}
      session={session}
      onChanged={setLatest}
      onReload={async () => {
        setLatest(null);
        await refetch();
      }}
    />
  );
}

function deviceText(d: Session["device"]): string {
  const base = DEVICE[d.kind];
  if ("cartridgeNeedleCount" in d && d.cartridgeNeedleCount != null)
    return `${base} · ${d.cartridgeNeedleCount}-needle cartridge, lot ${d.cartridgeLot}`;
  if ("energyLevel" in d && d.energyLevel != null)
    return `${base} · energy ${d.energyLevel}, pulse ${d.pulseDurationMs} ms${
      d.rfNeedleCount != null ? ` · ${d.rfNeedleCount}-needle cartridge, lot ${d.rfLot ?? ""}` : ""
    }`;
  return base;
}

function SessionView({
  patient,
  session: s,
  onChanged,
  onReload,
}: {
  patient: PatientFieldsFragment;
  session: Session;
  onChanged: (s: Session) => void;
  onReload: () => Promise<void>;
}) {
  const base = `/patients/${encodeURIComponent(patient.id)}`;
  const concerns = s.plan.concerns.map((c) => `${INDICATION[c.indication]} (${ZONE[c.bodyArea]})`).join(", ");
  const rescreenNew = new Set([...s.rescreen.added, ...s.rescreen.changed]);
  return (
    <Stack gap="lg">
      <div className={classes.screenOnly}>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={1}>
              Session of {formatDate(s.performedOn)}: {patient.givenName} {patient.familyName}
            </Title>
            <Text c="dimmed">
              {concerns} · {s.plan.sessionsPlanned}-session course ({s.plan.progress.done} done) ·{" "}
              {s.site.name} · {s.practitioner.name}
            </Text>
          </div>
          <Group gap="xs">
            <Button variant="default" component={Link} to={base}>
              Patient
            </Button>
            <Button
              variant="default"
              component={Link}
              to={`${base}/outcomes?session=${encodeURIComponent(s.id)}`}
            >
              Score outcomes
            </Button>
            <Button onClick={() => window.print()} disabled={!s.aftercare.given}>
              Print aftercare sheet
            </Button>
          </Group>
        </Group>
      </div>

      <div className={classes.screenOnly}>
        <Stack gap="lg">
          <SafetyStrip patient={patient} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Paper withBorder p="md" component="section" aria-labelledby="treatment-heading">
              <Title order={2} size="h4" id="treatment-heading" mb="xs">
                Treatment
              </Title>
              <Text size="sm" mb="xs">
                {deviceText(s.device)}
              </Text>
              <Table aria-label="Zones treated" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Zone</Table.Th>
                    <Table.Th>Depth</Table.Th>
                    <Table.Th>Passes</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.zones.map((z) => {
                    const dev = s.deviations.find((d) => d.zone === z.zone);
                    return (
                      <Table.Tr key={z.zone}>
                        <Table.Td>{ZONE[z.zone]}</Table.Td>
                        <Table.Td>
                          {z.depthMm} mm
                          {dev && (
                            <Text span size="xs" c={WARN_TEXT} fw={600}>
                              {" "}
                              {dev.plannedMinMm != null
                                ? `(planned ${dev.plannedMinMm}–${dev.plannedMaxMm})`
                                : "(not planned)"}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{z.passes}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              {s.depthDeviationReason && (
                <Text size="sm" mt="xs">
                  <Text span fw={600}>
                    Outside the plan because:
                  </Text>{" "}
                  {s.depthDeviationReason}
                </Text>
              )}
              <Text size="sm" mt="sm">
                <Text span fw={600}>
                  Numbing:
                </Text>{" "}
                {s.numbing ? `${s.numbing.agent}, ${s.numbing.minutes} min` : "none"}
              </Text>
              <Text size="sm">
                <Text span fw={600}>
                  Immediate reactions:
                </Text>{" "}
                {s.immediateReactions ?? "none recorded"}
              </Text>
              {s.notes && (
                <Text size="sm">
                  <Text span fw={600}>
                    Notes:
                  </Text>{" "}
                  {s.notes}
                </Text>
              )}
            </Paper>

            <Paper withBorder p="md" component="section" aria-labelledby="serums-heading">
              <Title order={2} size="h4" id="serums-heading" mb="xs">
                Serums and lots
              </Title>
              {s.serumsApplied.length === 0 ? (
                <Text size="sm">No serum applied.</Text>
              ) : (
                <Stack gap="sm">
                  {s.serumsApplied.map((a) => (
                    <div key={`${a.serum.id}-${a.lotNumber}-${a.zone}`}>
                      <Text size="sm" fw={600}>
                        {a.serumName} · lot {a.lotNumber} (use by {formatDate(a.lotExpiresOn)}) ·{" "}
                        {ZONE[a.zone]}
                      </Text>
                      <FindingList findings={a.findings} />
                      {a.override && (
                        <Text size="xs" c="dimmed">
                          Applied despite the block by {a.override.by.name}: “{a.override.reason}”
                        </Text>
                      )}
                    </div>
                  ))}
                </Stack>
              )}
            </Paper>

            <Paper withBorder p="md" component="section" aria-labelledby="rescreen-heading">
              <Title order={2} size="h4" id="rescreen-heading" mb="xs">
                Re-screen on the day
              </Title>
              <Stack gap={6}>
                {s.rescreen.findings.length === 0 && <Text size="sm">Nothing found.</Text>}
                {s.rescreen.findings.map((f) => (
                  <Finding
                    key={f.code}
                    finding={f}
                    extra={
                      rescreenNew.has(f.code) ? (
                        <Badge size="xs" variant="outline" color="orange.9" c={WARN_TEXT}>
                          New or changed since the consultation
                        </Badge>
                      ) : undefined
                    }
                  />
                ))}
                {[...s.rescreen.carriedOverrides, ...s.rescreen.overrides].map((o) => (
                  <Text key={`${o.code}-${o.at}`} size="xs" c="dimmed">
                    {o.code} overridden by {o.by.name} on {formatDate(o.at)}: “{o.reason}”
                  </Text>
                ))}
              </Stack>
            </Paper>

            <AdverseEvents session={s} onChanged={onChanged} onReload={onReload} />
          </SimpleGrid>
        </Stack>
      </div>

      {s.aftercare.given ? (
        <AftercareSheet patient={patient} session={s} />
      ) : (
        <Alert color="yellow" className={classes.screenOnly} title="No aftercare sheet">
          Aftercare was not recorded as given at this session, so there is no sheet to print.
        </Alert>
      )}
    </Stack>
  );
}

/** What the patient takes home: clean on A4, nothing of the portal around it when printed. */
function AftercareSheet({ patient, session: s }: { patient: PatientFieldsFragment; session: Session }) {
  const { me } = useAuth();
  return (
    <Paper
      withBorder
      p="xl"
      component="article"
      className={classes.sheet}
      aria-labelledby="aftercare-heading"
    >
      <Group justify="space-between" align="flex-start" className={classes.sheetHeader}>
        <div>
          <Text size="sm" fw={700} tt="uppercase" c="teal.9">
            {me?.groupName ?? ""} · {s.site.name}
          </Text>
          <Title order={2} id="aftercare-heading" size="h2">
            Aftercare after microneedling
          </Title>
        </div>
        <div className={classes.sheetMeta}>
          <Text size="sm">
            <strong>
              {patient.givenName} {patient.familyName}
            </strong>
            {ageOn(patient.dateOfBirth) != null ? `, ${ageOn(patient.dateOfBirth)}` : ""}
          </Text>
          <Text size="sm">Treated on {formatDate(s.performedOn)}</Text>
          <Text size="sm">By {s.practitioner.name}</Text>
        </div>
      </Group>
      <Text size="sm" mt="sm">
        Areas treated: {s.zones.map((z) => ZONE[z.zone]).join(", ")}
        {s.serumsApplied.length > 0
          ? ` · applied: ${[...new Set(s.serumsApplied.map((a) => a.serumName))].join(", ")}`
          : ""}
      </Text>
      <List mt="md" spacing="xs" className={classes.sheetList}>
        {s.aftercare.lines.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      {s.plan.nextDueOn && (
        <Text mt="md" fw={600}>
          Your next session is due around {formatDate(s.plan.nextDueOn)}.
        </Text>
      )}
      <Text size="sm" mt="lg" c="dimmed">
        Questions or worries after your treatment? Contact {s.site.name}.
      </Text>
    </Paper>
  );
}

interface EventValues {
  type: AdverseEventType | "";
  onsetOn: string;
  durationDays: number | string;
  severity: AdverseEventSeverity;
  serumId: string;
  lotNumber: string;
  notes: string;
}

const describe = describeWith(FIELD_LABELS);

/** Adverse events, with a form for one reported after the session (version-checked: CONFLICT explained). */
function AdverseEvents({
  session: s,
  onChanged,
  onReload,
}: {
  session: Session;
  onChanged: (s: Session) => void;
  onReload: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const empty: EventValues = {
    type: "",
    onsetOn: todayIso(),
    durationDays: "",
    severity: "MILD",
    serumId: "",
    lotNumber: "",
    notes: "",
  };
  const [values, setValues] = useState<EventValues>(empty);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ color: string; title: string; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const key = useRef(crypto.randomUUID());
  const set = <K extends keyof EventValues>(k: K, v: EventValues[K]) => setValues((x) => ({ ...x, [k]: v }));
  const serums = [...new Map(s.serumsApplied.map((a) => [a.serum.id, a.serumName])).entries()];

  const save = async () => {
    // The same rules as a session's adverse event (onset not before the session, not in the future).
    const all = validateSession(
      {
        performedOn: s.performedOn,
        rescreen: {},
        overrides: {},
        device: "DERMAROLLER",
        cartridgeNeedleCount: "",
        cartridgeLot: "",
        rfEnergy: "",
        rfPulse: "",
        zones: [{ key: "z", zone: "CHEEKS", depthMm: 1, passes: 1 }],
        depthDeviationReason: "",
        serums: [],
        numbingUsed: false,
        numbingAgent: "",
        numbingMinutes: 0,
        immediateReactions: "",
        adverseEvents: [{ key: "e", ...values }],
        aftercareGiven: true,
        notes: "",
      },
      [],
      [],
    );
    const mine: Errors = {};
    for (const [p, r] of Object.entries(all))
      if (p.startsWith("adverseEvents.0.")) mine[p.slice(16)] = describe(p, r);
    setErrors(mine);
    if (Object.keys(mine).length > 0) return;
    setSaving(true);
    setMessage(null);
    try {
      const res = await gql(RecordAdverseEventMutation, {
        sessionId: s.id,
        version: s.version,
        idempotencyKey: key.current,
        event: {
          type: values.type as AdverseEventType,
          onsetOn: values.onsetOn,
          durationDays: toNumber(values.durationDays) ?? null,
          severity: values.severity,
          serumId: values.serumId || null,
          lotNumber: values.lotNumber || null,
          notes: values.notes.trim() || null,
        },
      });
      onChanged(res.recordAdverseEvent.session);
      notifications.show({ color: "teal", message: "Adverse event recorded." });
      key.current = crypto.randomUUID();
      setValues(empty);
      setOpen(false);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError("INTERNAL_SERVER_ERROR", "Unexpected error");
      if (error.code === "BAD_USER_INPUT") {
        const placed: Errors = {};
        for (const f of error.fields) {
          const last = f.path.split(".").pop() ?? f.path;
          placed[last] = describe(last, f.reason);
        }
        setErrors(placed);
        setMessage({
          color: "red",
          title: "Not saved",
          text: "Some fields need attention: see the messages beside them.",
        });
      } else if (error.code === "CONFLICT") {
        setMessage({
          color: "orange",
          title: "Someone else changed this session meanwhile",
          text: "Another adverse event was recorded after you opened this page. Nothing was saved and your entry is kept: load the latest session, check it is not the same event, and save again.",
        });
      } else setMessage({ color: "red", title: "Not saved", text: error.userMessage });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="adverse-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="adverse-heading">
          Adverse events
        </Title>
        {!open && (
          <Button size="xs" variant="light" onClick={() => setOpen(true)}>
            Report an adverse event
          </Button>
        )}
      </Group>
      {s.adverseEvents.length === 0 && <Text size="sm">None recorded.</Text>}
      <Stack gap="xs">
        {s.adverseEvents.map((e, i) => (
          <div key={`${e.type}-${e.onsetOn}-${i}`}>
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {e.label}
              </Text>
              <Badge
                size="sm"
                variant={e.classification === "ABNORMAL" ? "filled" : "light"}
                color={
                  e.classification === "ABNORMAL"
                    ? "red.9"
                    : e.classification === "PROLONGED"
                      ? "yellow"
                      : "gray"
                }
                c={
                  e.classification === "ABNORMAL"
                    ? "white"
                    : e.classification === "PROLONGED"
                      ? WARN_TEXT
                      : "dark.7"
                }
              >
                {ADVERSE_CLASS[e.classification]}
              </Badge>
            </Group>
            <Text size="sm">
              {ADVERSE_SEVERITY[e.severity]} · from {formatDate(e.onsetOn)}
              {e.durationDays != null
                ? ` for ${e.durationDays} day${e.durationDays === 1 ? "" : "s"}`
                : " (ongoing)"}
              {e.serum ? ` · ${e.serum.name}${e.lotNumber ? ` lot ${e.lotNumber}` : ""}` : ""}
            </Text>
            {e.notes && <Text size="sm">{e.notes}</Text>}
            {e.flag && (
              <Text size="sm" c={DANGER_TEXT} fw={600}>
                {e.flag}
              </Text>
            )}
          </div>
        ))}
      </Stack>
      {open && (
        <Stack gap="sm" mt="md" role="group" aria-label="Report an adverse event">
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NativeSelect
              label="Type"
              required
              value={values.type}
              error={errors.type}
              onChange={(e) => set("type", e.currentTarget.value as AdverseEventType | "")}
              data={[{ value: "", label: "Choose" }, ...optionsOf(ADVERSE_EVENT)]}
            />
            <NativeSelect
              label="Severity"
              required
              value={values.severity}
              error={errors.severity}
              onChange={(e) => set("severity", e.currentTarget.value as AdverseEventSeverity)}
              data={optionsOf(ADVERSE_SEVERITY)}
            />
            <TextInput
              label="Onset"
              type="date"
              required
              min={s.performedOn}
              max={todayIso()}
              value={values.onsetOn}
              error={errors.onsetOn}
              onChange={(e) => set("onsetOn", e.currentTarget.value)}
            />
            <NumberInput
              clampBehavior="none"
              label="Duration (days)"
              description="Leave empty while ongoing"
              min={0}
              max={365}
              allowDecimal={false}
              value={values.durationDays}
              error={errors.durationDays}
              onChange={(v) => set("durationDays", v)}
            />
            <NativeSelect
              label="Serum involved"
              value={values.serumId}
              error={errors.serumId}
              onChange={(e) => {
                set("serumId", e.currentTarget.value);
                set("lotNumber", "");
              }}
              data={[
                { value: "", label: "None" },
                ...serums.map(([id, name]) => ({ value: id, label: name })),
              ]}
            />
            <NativeSelect
              label="Lot"
              disabled={!values.serumId}
              value={values.lotNumber}
              error={errors.lotNumber}
              onChange={(e) => set("lotNumber", e.currentTarget.value)}
              data={[
                { value: "", label: "Not known" },
                ...[
                  ...new Set(
                    s.serumsApplied.filter((a) => a.serum.id === values.serumId).map((a) => a.lotNumber),
                  ),
                ].map((l) => ({
                  value: l,
                  label: l,
                })),
              ]}
            />
          </SimpleGrid>
          <Textarea
            label="Notes"
            autosize
            minRows={2}
            value={values.notes}
            error={errors.notes}
            onChange={(e) => set("notes", e.currentTarget.value)}
          />
          {message && (
            <Alert color={message.color} title={message.title} role="alert">
              <Text size="sm">{message.text}</Text>
              {message.color === "orange" && (
                <Button size="xs" mt="xs" onClick={() => void onReload().then(() => setMessage(null))}>
                  Load the latest session
                </Button>
              )}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button loading={saving} onClick={() => void save()}>
              Save adverse event
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
