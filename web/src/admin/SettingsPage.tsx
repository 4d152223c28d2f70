import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useRef, useState, type FormEvent } from "react";
import { gql } from "../api/client";
import { useQuery } from "../api/useQuery";
import { numberInRange, text, type Errors } from "../clinical/validate";
import type {
  ClinicSettingsFieldsFragment,
  ClinicSettingsInput,
  ContraindicationLevel,
} from "../gql/graphql";
import { formatDate } from "../patients/labels";
import { PageLoader } from "../shell/PageLoader";
import { asApiError, ConflictAlert, FailureAlert, fieldErrors } from "./common";
import { ClinicSettingsQuery, UpdateClinicSettingsMutation } from "./operations";

type Settings = ClinicSettingsFieldsFragment;
type NumericKey =
  | "chemoRadiotherapyMonths"
  | "isotretinoinMonths"
  | "toxinDays"
  | "fillerDays"
  | "peelLaserRetinoidDays"
  | "retreatmentMonths"
  | "rebookingGraceDays"
  | "activesAfterNeedlingDays"
  | "idleLockMinutes";

/** core's SETTING_RANGES: the API refuses anything outside them. */
const NUMERIC: {
  key: NumericKey;
  label: string;
  help: string;
  min: number;
  max: number;
  unit: string;
  group: "screen" | "course" | "devices";
}[] = [
  {
    key: "chemoRadiotherapyMonths",
    label: "After chemotherapy / radiotherapy",
    help: "Block needling for this long after the last treatment",
    min: 0,
    max: 24,
    unit: "months",
    group: "screen",
  },
  {
    key: "isotretinoinMonths",
    label: "After isotretinoin",
    help: "It must have stopped at least this long ago",
    min: 0,
    max: 24,
    unit: "months",
    group: "screen",
  },
  {
    key: "toxinDays",
    label: "After botulinum toxin in the area",
    help: "Warn within this many days",
    min: 0,
    max: 90,
    unit: "days",
    group: "screen",
  },
  {
    key: "fillerDays",
    label: "After dermal filler in the area",
    help: "Warn within this many days",
    min: 0,
    max: 90,
    unit: "days",
    group: "screen",
  },
  {
    key: "peelLaserRetinoidDays",
    label: "After a peel, laser or retinoid",
    help: "Warn within this many days",
    min: 0,
    max: 60,
    unit: "days",
    group: "screen",
  },
  {
    key: "activesAfterNeedlingDays",
    label: "No actives after needling",
    help: "Retinoids, acids, vitamin C: on the aftercare sheet and in serum checks",
    min: 0,
    max: 30,
    unit: "days",
    group: "course",
  },
  {
    key: "retreatmentMonths",
    label: "Retreatment after a course",
    help: "When a completed course is due again",
    min: 3,
    max: 12,
    unit: "months",
    group: "course",
  },
  {
    key: "rebookingGraceDays",
    label: "Grace before overdue",
    help: "Days after a due date before a patient counts as overdue",
    min: 0,
    max: 60,
    unit: "days",
    group: "course",
  },
  {
    key: "idleLockMinutes",
    label: "Lock the portal after",
    help: "Minutes without input before a shared device asks for the password again",
    min: 1,
    max: 60,
    unit: "minutes",
    group: "devices",
  },
];

type Values = Record<NumericKey, number | string> & {
  isotretinoinLevel: ContraindicationLevel;
  aftercareText: string;
};

const toValues = (s: Settings): Values => ({
  chemoRadiotherapyMonths: s.chemoRadiotherapyMonths,
  isotretinoinMonths: s.isotretinoinMonths,
  toxinDays: s.toxinDays,
  fillerDays: s.fillerDays,
  peelLaserRetinoidDays: s.peelLaserRetinoidDays,
  retreatmentMonths: s.retreatmentMonths,
  rebookingGraceDays: s.rebookingGraceDays,
  activesAfterNeedlingDays: s.activesAfterNeedlingDays,
  idleLockMinutes: s.idleLockMinutes,
  isotretinoinLevel: s.isotretinoinLevel,
  aftercareText: s.aftercareText,
});

export function validateSettings(v: Values): Errors {
  const e: Errors = {};
  for (const n of NUMERIC) numberInRange(e, n.key, v[n.key], n.min, n.max, { integer: true, unit: n.unit });
  text(e, "aftercareText", v.aftercareText, { max: 4000, required: false });
  return e;
}

export default function SettingsPage() {
  const { data, error, loading, refetch } = useQuery(ClinicSettingsQuery, {});
  if (loading && !data) return <PageLoader />;
  if (error || !data)
    return (
      <Alert color="red" role="alert" title="Settings could not be loaded" maw={640}>
        {error?.userMessage}
      </Alert>
    );
  return (
    <SettingsForm settings={data.clinicSettings} reload={async () => (await refetch())?.clinicSettings} />
  );
}

function SettingsForm({
  settings,
  reload,
}: {
  settings: Settings;
  reload: () => Promise<Settings | undefined>;
}) {
  const [current, setCurrent] = useState(settings);
  const [version, setVersion] = useState(settings.version);
  const [v, setV] = useState<Values>(() => toValues(settings));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Settings | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const labelOf = (k: string) =>
    NUMERIC.find((n) => n.key === k)?.label ?? (k === "aftercareText" ? "Aftercare text" : k);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setErrors(({ [k]: _gone, ...rest }) => rest);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const local = validateSettings(v);
    setErrors(Object.fromEntries(Object.entries(local).map(([k, r]) => [k, `${labelOf(k)}: ${r}`])));
    if (Object.keys(local).length > 0) {
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setSaving(true);
    const input: ClinicSettingsInput = {
      ...Object.fromEntries(NUMERIC.map((n) => [n.key, Number(v[n.key])])),
      isotretinoinLevel: v.isotretinoinLevel,
      aftercareText: v.aftercareText,
    };
    try {
      const { updateClinicSettings } = await gql(UpdateClinicSettingsMutation, {
        version,
        input,
        idempotencyKey: crypto.randomUUID(),
      });
      setCurrent(updateClinicSettings.settings);
      setVersion(updateClinicSettings.settings.version);
      notifications.show({
        color: "teal",
        message: "Clinic settings saved: they apply from the next screen.",
      });
    } catch (err) {
      const apiError = asApiError(err);
      if (apiError.code === "CONFLICT") {
        const latest = await reload();
        if (latest) setConflict(latest);
      } else if (apiError.code === "BAD_USER_INPUT") {
        setErrors(
          Object.fromEntries(
            Object.entries(fieldErrors(apiError.fields)).map(([k, r]) => [k, `${labelOf(k)}: ${r}`]),
          ),
        );
        setFailure("Some settings need attention: see the messages beside them.");
      } else setFailure(apiError.userMessage);
    } finally {
      setSaving(false);
    }
  };

  const field = (n: (typeof NUMERIC)[number]) => (
    <NumberInput
      clampBehavior="none"
      key={n.key}
      label={n.label}
      description={`${n.help} (${n.min}–${n.max} ${n.unit})`}
      suffix={` ${n.unit}`}
      required
      min={n.min}
      max={n.max}
      allowDecimal={false}
      value={v[n.key]}
      error={errors[n.key]}
      onChange={(x) => set(n.key, x)}
    />
  );

  return (
    <form ref={formRef} noValidate onSubmit={(e) => void submit(e)} aria-label="Clinic settings">
      <Stack gap="md" maw={960}>
        <div>
          <Title order={1}>Clinic settings</Title>
          <Text c="dimmed">
            {current.isDefault
              ? "The defaults apply: nobody has saved settings for this clinic group yet."
              : `Version ${current.version}${current.updatedAt ? `, saved ${formatDate(current.updatedAt)}` : ""}.`}{" "}
            Where sources disagree, these are the clinic&apos;s call.
          </Text>
        </div>
        <Fieldset legend="Waiting periods for the contraindication screen">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {NUMERIC.filter((n) => n.group === "screen").map(field)}
            </SimpleGrid>
            <Radio.Group
              label="Isotretinoin within the waiting period"
              description="Evidence is mixed: a clinic may downgrade the rule to a warning"
              value={v.isotretinoinLevel}
              onChange={(x) => set("isotretinoinLevel", x)}
            >
              <Group mt={6}>
                <Radio value="BLOCK" label="Block (override with a reason)" />
                <Radio value="WARN" label="Warn only" />
              </Group>
            </Radio.Group>
          </Stack>
        </Fieldset>
        <Fieldset legend="Courses and aftercare">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {NUMERIC.filter((n) => n.group === "course").map(field)}
            </SimpleGrid>
            <Textarea
              label="Clinic's own aftercare text"
              description="Printed after the standard advice on every aftercare sheet, one line per paragraph"
              autosize
              minRows={3}
              value={v.aftercareText}
              error={errors.aftercareText}
              onChange={(e) => set("aftercareText", e.currentTarget.value)}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend="Shared devices">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {NUMERIC.filter((n) => n.group === "devices").map(field)}
          </SimpleGrid>
        </Fieldset>
        {failure && <FailureAlert message={failure} />}
        {conflict && (
          <ConflictAlert
            what="the clinic settings"
            onKeepMine={() => {
              setVersion(conflict.version);
              setCurrent(conflict);
              setConflict(null);
            }}
            onLoadLatest={() => {
              setVersion(conflict.version);
              setCurrent(conflict);
              setV(toValues(conflict));
              setErrors({});
              setConflict(null);
            }}
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
