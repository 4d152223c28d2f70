import {
  Alert,
  Anchor,
  Badge,
  Button,
  Fieldset,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { gql } from "../api/client";
import { ApiError } from "../api/errors";
import { useQuery } from "../api/useQuery";
import { CLEARANCE, optionsOf } from "../clinical/labels";
import { Serums } from "@needlework/core";
import { errorsOf, problemsOf, type Errors } from "../clinical/validate";
import type { SerumCatalogueFieldsFragment, SerumClearance, SerumInput } from "../gql/graphql";
import { formatDate } from "../patients/labels";
import { PageLoader } from "../shell/PageLoader";
import { asApiError, ConflictAlert, FailureAlert, fieldErrors } from "./common";
import { AddSerumLotMutation, CreateSerumMutation, SerumQuery, UpdateSerumMutation } from "./operations";

type Serum = SerumCatalogueFieldsFragment;

const isSerum = (n: unknown): n is Serum => typeof n === "object" && n !== null && "lots" in n;

interface SerumValues {
  name: string;
  ingredients: string[];
  allergens: string[];
  clearance: SerumClearance;
  sterile: "" | "yes" | "no";
}

const LABELS: Record<string, string> = {
  name: "Name",
  ingredients: "Ingredients",
  allergens: "Allergens",
  clearance: "Needling clearance",
  sterile: "Sterile",
  lotNumber: "Lot number",
  expiresOn: "Expiry",
};

const describe = (path: string, reason: string): string => {
  const [field, index] = path.split(".");
  const label = LABELS[field ?? path] ?? field ?? path;
  return index !== undefined ? `${label} (entry ${Number(index) + 1}) ${reason}` : `${label} ${reason}`;
};

/** Core's validateSerumInput, the rules the API applies, on what the form sends. */
export function validateSerum(v: SerumValues): Errors {
  return errorsOf(problemsOf(() => Serums.validateSerumInput(toInput(v))));
}

/** Core's validateLotInput: a real expiry, and a lot number not already in the serum's list. */
export function validateLot(
  v: { lotNumber: string; expiresOn: string },
  existing: readonly { lotNumber: string; expiresOn: string }[],
): Errors {
  return errorsOf(problemsOf(() => Serums.validateLotInput(v, existing)));
}

const toValues = (s: Serum | undefined): SerumValues => ({
  name: s?.name ?? "",
  ingredients: s ? [...s.ingredients] : [],
  allergens: s ? [...s.allergens] : [],
  clearance: s?.clearance ?? "TOPICAL_AFTER_HEALING",
  sterile: s?.sterile === true ? "yes" : s?.sterile === false ? "no" : "",
});

const toInput = (v: SerumValues): SerumInput => ({
  name: v.name.trim(),
  ingredients: v.ingredients.map((i) => i.trim()).filter(Boolean),
  allergens: v.allergens.map((i) => i.trim()).filter(Boolean),
  clearance: v.clearance,
  sterile: v.sterile === "" ? null : v.sterile === "yes",
});

const describeAll = (e: Errors): Errors => {
  const out: Errors = {};
  for (const [p, r] of Object.entries(e)) {
    const field = p.split(".")[0] ?? p;
    out[field] ??= describe(p, r);
  }
  return out;
};

export default function SerumPage() {
  const { serumId } = useParams();
  if (!serumId) return <NewSerum />;
  return <EditSerumLoader id={serumId} />;
}

function NewSerum() {
  const navigate = useNavigate();
  const key = useRef(crypto.randomUUID());
  return (
    <Stack maw={880}>
      <Title order={1}>New serum</Title>
      <SerumForm
        initial={toValues(undefined)}
        submitLabel="Add to the catalogue"
        onCancel={() => void navigate("/admin/serums")}
        onSubmit={async (input) => {
          const { createSerum } = await gql(CreateSerumMutation, { input, idempotencyKey: key.current });
          notifications.show({
            color: "teal",
            message: `${createSerum.serum.name} was added. Add its lots now.`,
          });
          await navigate(`/admin/serums/${encodeURIComponent(createSerum.serum.id)}`);
        }}
      />
    </Stack>
  );
}

function EditSerumLoader({ id }: { id: string }) {
  const { data, error, loading, refetch } = useQuery(SerumQuery, { id });
  const [latest, setLatest] = useState<Serum | null>(null);
  if (loading && !data) return <PageLoader />;
  const node = data?.node;
  const fromQuery = isSerum(node) ? node : undefined;
  if (error || !fromQuery)
    return (
      <Alert color="yellow" title="Serum not found" role="alert" maw={640}>
        {error?.userMessage ?? "This serum is not in your clinic group's catalogue."}{" "}
        <Anchor component={Link} to="/admin/serums">
          Back to the catalogue
        </Anchor>
      </Alert>
    );
  const serum = latest && latest.version >= fromQuery.version ? latest : fromQuery;
  return (
    <EditSerum
      serum={serum}
      onSaved={setLatest}
      onReload={async () => {
        setLatest(null);
        const r = await refetch();
        const n = r?.node;
        return isSerum(n) ? n : undefined;
      }}
    />
  );
}

function EditSerum({
  serum,
  onSaved,
  onReload,
}: {
  serum: Serum;
  onSaved: (s: Serum) => void;
  onReload: () => Promise<Serum | undefined>;
}) {
  const navigate = useNavigate();
  const [version, setVersion] = useState(serum.version);
  const [formKey, setFormKey] = useState(0);
  const [initial, setInitial] = useState(() => toValues(serum));
  const [conflict, setConflict] = useState<Serum | null>(null);
  const key = useRef(crypto.randomUUID());

  return (
    <Stack maw={880} gap="lg">
      <div>
        <Title order={1}>{serum.name}</Title>
        <Text c="dimmed">
          Version {serum.version} · updated {formatDate(serum.updatedAt)}
        </Text>
      </div>
      <SerumForm
        key={formKey}
        initial={initial}
        submitLabel="Save changes"
        onCancel={() => void navigate("/admin/serums")}
        notice={
          conflict && (
            <ConflictAlert
              what="this serum"
              onKeepMine={() => {
                setVersion(conflict.version);
                setConflict(null);
              }}
              onLoadLatest={() => {
                setVersion(conflict.version);
                setInitial(toValues(conflict));
                setFormKey((k) => k + 1);
                onSaved(conflict);
                setConflict(null);
              }}
            />
          )
        }
        onSubmit={async (input) => {
          try {
            const { updateSerum } = await gql(UpdateSerumMutation, {
              id: serum.id,
              version,
              input,
              idempotencyKey: key.current,
            });
            key.current = crypto.randomUUID();
            setVersion(updateSerum.serum.version);
            onSaved(updateSerum.serum);
            notifications.show({ color: "teal", message: "Serum saved." });
          } catch (e) {
            if (e instanceof ApiError && e.code === "CONFLICT") {
              const latest = await onReload();
              if (latest) {
                setConflict(latest);
                return;
              }
            }
            throw e;
          }
        }}
      />
      <Lots
        serum={serum}
        onAdded={(s) => {
          // Adding a lot makes a new version; the details form carries on from it.
          setVersion(s.version);
          onSaved(s);
        }}
        onReload={onReload}
      />
    </Stack>
  );
}

function SerumForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  notice,
}: {
  initial: SerumValues;
  submitLabel: string;
  onSubmit: (input: SerumInput) => Promise<void>;
  onCancel: () => void;
  notice?: ReactNode;
}) {
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<{ message: string; unplaced: string[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof SerumValues>(k: K, value: SerumValues[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setErrors(({ [k]: _gone, ...rest }) => rest);
  };
  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const local = validateSerum(v);
    setErrors(describeAll(local));
    if (Object.keys(local).length > 0) {
      focusFirstError();
      return;
    }
    setSaving(true);
    try {
      await onSubmit(toInput(v));
    } catch (err) {
      const error = asApiError(err);
      if (error.code === "BAD_USER_INPUT") {
        const placed: Errors = {};
        const unplaced: string[] = [];
        for (const [p, r] of Object.entries(fieldErrors(error.fields))) {
          const field = p.split(".")[0] ?? p;
          if (field in LABELS) placed[field] ??= describe(p, r);
          else unplaced.push(describe(p, r));
        }
        setErrors(placed);
        setFailure({ message: "Some fields need attention: see the messages beside them.", unplaced });
        focusFirstError();
      } else setFailure({ message: error.userMessage, unplaced: [] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={formRef} noValidate onSubmit={(e) => void submit(e)} aria-label="Serum details">
      <Stack gap="md">
        <Fieldset legend="Serum">
          <Stack gap="sm">
            <TextInput
              label="Name"
              required
              value={v.name}
              error={errors.name}
              onChange={(e) => set("name", e.currentTarget.value)}
            />
            <TagsInput
              label="Ingredients"
              description="Type one and press Enter (or separate with commas). The patient's allergies are matched against these."
              required
              value={v.ingredients}
              error={errors.ingredients}
              onChange={(x) => set("ingredients", x)}
              splitChars={[",", ";"]}
              clearable
            />
            <TagsInput
              label="Allergens"
              description="Declared allergens (fragrance, propylene glycol…), matched against allergies too"
              value={v.allergens}
              error={errors.allergens}
              onChange={(x) => set("allergens", x)}
              splitChars={[",", ";"]}
              clearable
            />
          </Stack>
        </Fieldset>
        <Fieldset legend="Use on needled skin">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Radio.Group
              label="Needling clearance"
              required
              value={v.clearance}
              error={errors.clearance}
              onChange={(x) => set("clearance", x)}
            >
              <Stack gap={6} mt={6}>
                {optionsOf(CLEARANCE).map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} />
                ))}
              </Stack>
            </Radio.Group>
            <Radio.Group
              label="Sterile"
              description="Only sterile products may be cleared for needling"
              value={v.sterile}
              error={errors.sterile}
              onChange={(x) => set("sterile", x)}
            >
              <Stack gap={6} mt={6}>
                <Radio value="yes" label="Sterile" />
                <Radio value="no" label="Not sterile" />
                <Radio value="" label="Not recorded" />
              </Stack>
            </Radio.Group>
          </SimpleGrid>
        </Fieldset>
        {failure && <FailureAlert message={failure.message} unplaced={failure.unplaced} />}
        {notice}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Back to the catalogue
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Lots({
  serum,
  onAdded,
  onReload,
}: {
  serum: Serum;
  onAdded: (s: Serum) => void;
  onReload: () => Promise<Serum | undefined>;
}) {
  const [lot, setLot] = useState({ lotNumber: "", expiresOn: "" });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const key = useRef(crypto.randomUUID());

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const local = validateLot(lot, serum.lots);
    setErrors(describeAll(local));
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      const { addSerumLot } = await gql(AddSerumLotMutation, {
        id: serum.id,
        version: serum.version,
        lot: { lotNumber: lot.lotNumber.trim(), expiresOn: lot.expiresOn },
        idempotencyKey: key.current,
      });
      key.current = crypto.randomUUID();
      setLot({ lotNumber: "", expiresOn: "" });
      setConflict(false);
      onAdded(addSerumLot.serum);
      notifications.show({ color: "teal", message: `Lot ${lot.lotNumber.trim()} added.` });
    } catch (err) {
      const error = asApiError(err);
      if (error.code === "CONFLICT") setConflict(true);
      else if (error.code === "BAD_USER_INPUT") {
        const placed: Errors = {};
        for (const [p, r] of Object.entries(fieldErrors(error.fields))) {
          const field = p.replace(/^lot\./, "");
          placed[field] = describe(field, r);
        }
        setErrors(placed);
      } else setFailure(error.userMessage);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Fieldset legend="Lots">
      <Stack gap="sm">
        {serum.lots.length === 0 ? (
          <Text size="sm">No lot yet: a serum cannot be applied without a lot in the catalogue.</Text>
        ) : (
          <Table aria-label={`Lots of ${serum.name}`} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Lot</Table.Th>
                <Table.Th>Use by</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Trace</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {serum.lots.map((l) => (
                <Table.Tr key={l.lotNumber}>
                  <Table.Td>{l.lotNumber}</Table.Td>
                  <Table.Td>{formatDate(l.expiresOn)}</Table.Td>
                  <Table.Td>
                    {l.expired ? (
                      <Badge variant="filled" color="red.9" c="white" tt="none">
                        Expired: never applied
                      </Badge>
                    ) : (
                      <Text size="sm">Usable</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/admin/lot-trace?serum=${encodeURIComponent(serum.id)}&lot=${encodeURIComponent(l.lotNumber)}`}
                      aria-label={`Who received lot ${l.lotNumber}`}
                    >
                      Who received it
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form noValidate onSubmit={(e) => void add(e)} aria-label="Add a lot">
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label="Lot number"
              required
              value={lot.lotNumber}
              error={errors.lotNumber}
              onChange={(e) => {
                const lotNumber = e.currentTarget.value;
                setLot((x) => ({ ...x, lotNumber }));
              }}
            />
            <TextInput
              label="Expiry"
              type="date"
              required
              value={lot.expiresOn}
              error={errors.expiresOn}
              onChange={(e) => {
                const expiresOn = e.currentTarget.value;
                setLot((x) => ({ ...x, expiresOn }));
              }}
            />
            <Button type="submit" mt={24} loading={saving} variant="light">
              Add lot
            </Button>
          </Group>
        </form>
        <Text size="xs" c="dimmed">
          A lot is usable up to and including its expiry day. An already expired lot may be recorded for
          traceability; it can never be applied.
        </Text>
        {conflict && (
          <ConflictAlert
            what="this serum"
            onLoadLatest={() =>
              void onReload().then((s) => {
                if (s) onAdded(s);
                setConflict(false);
              })
            }
          />
        )}
        {failure && <FailureAlert message={failure} />}
      </Stack>
    </Fieldset>
  );
}
