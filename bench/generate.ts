/**
 * Fills DynamoDB with generated clinic groups: sites, practitioners, patients and their treatment
 * sessions with lot traces (the store's item builders), plus the analytics rollup shards those
 * sessions add up to (folded with the store's own rollup builders: what the session transactions add). Writes go out as BatchWriteItem calls
 * of 25 items, several in flight, with progress.
 *
 *   npx tsx bench/generate.ts --groups 1 --patients 500 --sessions 200
 *       --patients is per group, --sessions per patient (here 100,000 sessions in all).
 *       --endpoint URL  (default: $DYNAMODB_ENDPOINT, else the `npm start` DynamoDB Local on :8000,
 *                        else a DynamoDB Local started here with its data in .data/dynamodb)
 *       --table NAME    (default needlework)  --prefix ID  (group id prefix, default "gen")
 *
 * `npm run bench` imports `generate` and `writeItems`.
 */
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { connect } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  Concerns,
  Devices,
  type Device,
  type FitzpatrickType,
  type Indication,
  type Patient,
  type SessionZone,
  type Zone,
} from "@needlework/core";
import { localSecretFile } from "@needlework/api";
import { createDb, ensureTable, type Db } from "@needlework/store";
import {
  groupItem,
  siteItem,
  userItem,
  type Group,
  type Site,
  type User,
} from "../packages/store/src/groups";
import { patientItem } from "../packages/store/src/patients";
import {
  rollupItem,
  RollupDeltas,
  sessionRefs,
  sessionUnit,
  shardOf,
} from "../packages/store/src/clinical/rollups";
import { lotTraceItem, sessionItem, type TreatmentSession } from "../packages/store/src/sessions";
import { progress, type Progress } from "./progress";

export interface GenerateOptions {
  groups: number;
  /** Patients per group. */
  patients: number;
  /** Treatment sessions per patient. */
  sessions: number;
  /** Group ids are `${prefix}-${n}`. */
  prefix?: string;
  /** BatchWriteItem calls in flight. */
  concurrency?: number;
  /** Pseudo-random seed: the same options write the same data. */
  seed?: number;
  progress?: Progress;
}

export interface GeneratedPatient {
  id: string;
  siteId: string;
  sessions: number;
}

export interface GeneratedGroup {
  group: Group;
  sites: Site[];
  practitioners: User[];
  analyst: User;
  admin: User;
  patients: GeneratedPatient[];
  sessions: number;
  rollupItems: number;
}

export interface GenerateResult {
  groups: GeneratedGroup[];
  items: number;
  sessions: number;
  writeRequests: number;
  seconds: number;
}

/** mulberry32: small, fast, good enough to spread generated values. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const FITZPATRICK: FitzpatrickType[] = ["I", "II", "III", "IV", "V", "VI"];
const GIVEN = [
  "Ava",
  "Ben",
  "Chloe",
  "Dev",
  "Elin",
  "Farah",
  "Gus",
  "Hana",
  "Ivo",
  "Jade",
  "Kofi",
  "Lena",
  "Milo",
  "Nia",
  "Otto",
  "Priya",
];
const FAMILY = [
  "Adams",
  "Brook",
  "Cruz",
  "Dahl",
  "Eze",
  "Frost",
  "Gill",
  "Holt",
  "Ines",
  "Joshi",
  "Kerr",
  "Lund",
  "Moss",
  "Noor",
  "Ortiz",
  "Park",
];
const SERUMS = [
  "hyaluronic-acid",
  "vitamin-c",
  "peptide-complex",
  "growth-factors",
  "niacinamide",
  "tranexamic-acid",
];
const CREATED = "2025-01-06T09:00:00.000Z";

/** A date `days` after 2024-01-01, as YYYY-MM-DD. */
function dayAfterEpoch(days: number): string {
  return new Date(Date.UTC(2024, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

export function generatedPatient(groupId: string, siteId: string, id: string, r: () => number): Patient {
  return {
    id,
    groupId,
    siteId,
    givenName: pick(r, GIVEN),
    familyName: pick(r, FAMILY),
    dateOfBirth: dayAfterEpoch(-Math.floor(7000 + r() * 15000)),
    fitzpatrick: pick(r, FITZPATRICK),
    allergies:
      r() < 0.2 ? [{ substance: "Lidocaine", kind: "ALLERGY", severity: "MODERATE", reaction: "hives" }] : [],
    medications: [],
    historyFlags: [],
    archived: false,
    version: 1,
    createdAt: CREATED,
    createdBy: "generator",
    updatedAt: CREATED,
    updatedBy: "generator",
  };
}

const NO_ANSWERS = {
  activeSkinInfection: false,
  activeAcneInArea: false,
  activeHerpesOutbreak: false,
  openWounds: false,
  pregnantOrBreastfeeding: false,
  eczemaPsoriasisRosaceaFlareInArea: false,
  sunburn: false,
};

/**
 * A treatment session as the store records it (entities/session.ts TreatmentSession), for a
 * generated patient: the plan and consultation it names are not generated, so these records serve
 * analytics and lists, not the session page.
 */
export function generatedSession(
  p: Pick<Patient, "groupId" | "id" | "siteId" | "fitzpatrick">,
  f: {
    id: string;
    date: string;
    device: Device;
    indication: Indication;
    zones: SessionZone[];
    serums: { serumId: string; lotNumber: string; zone: Zone }[];
    adverseEvents: TreatmentSession["adverseEvents"];
    practitioner: Pick<User, "id" | "name">;
  },
): TreatmentSession {
  const refs = sessionRefs({
    indications: [f.indication],
    zones: f.zones,
    serumIds: f.serums.map((x) => x.serumId),
    device: f.device,
    fitzpatrick: p.fitzpatrick,
    siteId: p.siteId,
    practitionerId: f.practitioner.id,
  });
  const at = `${f.date}T10:00:00.000Z`;
  return {
    id: f.id,
    groupId: p.groupId,
    patientId: p.id,
    siteId: p.siteId,
    planRef: `${p.id}|${f.date}|plan-${p.id}`,
    consultationRef: `${p.id}|${f.date}|consult-${p.id}`,
    concernIds: [`concern-${p.id}`],
    indications: [f.indication],
    practitionerId: f.practitioner.id,
    practitionerName: f.practitioner.name,
    performedOn: f.date,
    device: f.device,
    ...(f.device === "PEN" ? { cartridge: { needleCount: 12, lotNumber: `CART-${f.id.slice(-4)}` } } : {}),
    ...(f.device === "RF_MICRONEEDLING" ? { rf: { energyLevel: 3, pulseDurationMs: 120 } } : {}),
    zones: f.zones,
    deviations: [],
    serums: f.serums.map((x) => ({ ...x, serumName: x.serumId, lotExpiresOn: "2030-12-31", findings: [] })),
    numbing: { agent: "Topical anaesthetic cream", minutes: 30 },
    immediateReactions: "Pinpoint bleeding, erythema as expected",
    aftercare: { given: true, lines: [] },
    adverseEvents: f.adverseEvents,
    rescreen: {
      answers: NO_ANSWERS,
      findings: [],
      added: [],
      changed: [],
      resolved: [],
      carried: [],
      overrides: [],
    },
    ...(p.fitzpatrick ? { fitzpatrick: p.fitzpatrick } : {}),
    rollup: { shard: shardOf(p.id), refs },
    version: 1,
    createdAt: at,
    createdBy: f.practitioner.id,
    updatedAt: at,
    updatedBy: f.practitioner.id,
  };
}

/**
 * `n` sessions for one patient, with their lot-trace items (store builders), every 4 to 6 weeks;
 * each session's rollup deltas are folded into `deltas`.
 */
export function sessionsFor(
  p: Pick<Patient, "groupId" | "id" | "siteId" | "fitzpatrick">,
  n: number,
  practitioners: readonly Pick<User, "id" | "name">[],
  r: () => number,
  deltas?: RollupDeltas,
): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const indication = pick(r, Concerns.INDICATIONS);
  const device = pick(r, Devices.DEVICES);
  let day = Math.floor(r() * 200);
  for (let i = 0; i < n; i++) {
    // Every 4 to 6 weeks; weekly for the long histories a benchmark asks for, to stay in this decade.
    day += n > 40 ? 7 : 28 + Math.floor(r() * 14);
    const date = dayAfterEpoch(day);
    const zones = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
      zone: pick(r, Concerns.ZONES),
      depthMm: Math.round((0.25 + r() * 2) * 4) / 4,
      passes: 2 + Math.floor(r() * 3),
    }));
    const serums =
      r() < 0.6
        ? [
            {
              serumId: pick(r, SERUMS),
              lotNumber: `LOT-${1000 + Math.floor(r() * 20)}`,
              zone: zones[0]!.zone,
            },
          ]
        : [];
    const adverseEvents: TreatmentSession["adverseEvents"] =
      r() < 0.05
        ? [
            {
              id: `ae-${p.id}-${i}`,
              type: r() < 0.7 ? "ERYTHEMA_OEDEMA" : "PIH",
              onsetOn: date,
              durationDays: 1 + Math.floor(r() * 10),
              severity: "MILD",
              recordedAt: `${date}T12:00:00.000Z`,
              recordedBy: "generator",
            },
          ]
        : [];
    // Unique within the run, sorted by patient then number, no '#' or '|'.
    const id = `${p.id}s${String(i).padStart(4, "0")}`;
    const s = generatedSession(p, {
      id,
      date,
      device,
      indication,
      zones,
      serums,
      adverseEvents,
      practitioner: pick(r, practitioners),
    });
    items.push(sessionItem(s), ...s.serums.map((a) => lotTraceItem(s, a)));
    deltas?.addUnit(sessionUnit(s, s.fitzpatrick));
  }
  return items;
}

/**
 * Writes items with BatchWriteItem, 25 per call, `concurrency` calls in flight, retrying unprocessed
 * items with backoff. Returns the number of BatchWriteItem calls made.
 */
export class BatchWriter {
  private buffer: Record<string, unknown>[] = [];
  private inFlight = new Set<Promise<void>>();
  requests = 0;
  written = 0;

  constructor(
    private readonly db: Db,
    private readonly concurrency = 8,
    private readonly onWritten?: (written: number) => void,
  ) {}

  async put(item: Record<string, unknown>): Promise<void> {
    this.buffer.push(item);
    if (this.buffer.length >= 25) await this.flushOne();
  }

  async putAll(items: readonly Record<string, unknown>[]): Promise<void> {
    for (const it of items) await this.put(it);
  }

  private async flushOne(): Promise<void> {
    const batch = this.buffer.splice(0, 25);
    if (batch.length === 0) return;
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    const p = this.send(batch).finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  private async send(batch: Record<string, unknown>[]): Promise<void> {
    let pending = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      this.requests++;
      const res = await this.db.doc.send(
        new BatchWriteCommand({ RequestItems: { [this.db.tableName]: pending } }),
      );
      const left = (res.UnprocessedItems?.[this.db.tableName] ?? []) as typeof pending;
      this.written += pending.length - left.length;
      this.onWritten?.(this.written);
      pending = left;
      if (attempt > 20) throw new Error("BatchWriteItem kept returning unprocessed items");
    }
  }

  async close(): Promise<void> {
    while (this.buffer.length > 0) await this.flushOne();
    await Promise.all(this.inFlight);
  }
}

export async function writeItems(
  db: Db,
  items: readonly Record<string, unknown>[],
  concurrency = 8,
): Promise<number> {
  const w = new BatchWriter(db, concurrency);
  await w.putAll(items);
  await w.close();
  return w.requests;
}

export async function generate(db: Db, opts: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  const prefix = opts.prefix ?? "gen";
  const r = rng(opts.seed ?? 9);
  // Patients, sessions and (for about 60% of sessions) a lot trace each; rollups come on top.
  const perGroup = Math.round(opts.patients * (1 + opts.sessions * 1.6));
  const total = opts.groups * perGroup;
  const prog = opts.progress;
  const writer = new BatchWriter(db, opts.concurrency ?? 8, (n) => prog?.update(n, total, "items"));
  const groups: GeneratedGroup[] = [];
  let items = 0;
  for (let g = 0; g < opts.groups; g++) {
    const groupId = `${prefix}-${g + 1}`;
    const group: Group = { id: groupId, name: `Generated Clinics ${g + 1}`, createdAt: CREATED };
    const sites: Site[] = [1, 2].map((n) => ({
      id: `site-${n}`,
      groupId,
      name: `Site ${n}`,
      archived: false,
      version: 1,
    }));
    const user = (id: string, name: string, role: User["role"], siteIds: string[]): User => ({
      id,
      groupId,
      email: `${id}@${groupId}.example`,
      name,
      role,
      siteIds,
      active: true,
      version: 1,
    });
    const practitioners = [1, 2, 3, 4].map((n) =>
      user(
        `u-prac-${n}`,
        `Practitioner ${n}`,
        "PRACTITIONER",
        sites.map((s) => s.id),
      ),
    );
    const analyst = user("u-analyst", "Analyst", "ANALYST", []);
    const admin = user("u-admin", "Admin", "CLINIC_ADMIN", []);
    const head = [
      groupItem(group),
      ...sites.map(siteItem),
      ...[...practitioners, analyst, admin].map(userItem),
    ];
    await writer.putAll(head);
    items += head.length;
    const deltas = new RollupDeltas();
    const patients: GeneratedPatient[] = [];
    for (let i = 0; i < opts.patients; i++) {
      const p = generatedPatient(groupId, sites[i % sites.length]!.id, `p${String(i).padStart(6, "0")}`, r);
      await writer.put(patientItem(p));
      const sessions = sessionsFor(p, opts.sessions, practitioners, r, deltas);
      await writer.putAll(sessions);
      items += 1 + sessions.length;
      patients.push({ id: p.id, siteId: p.siteId, sessions: sessions.length });
    }
    const rollups = deltas.exported().map((e) => rollupItem(groupId, e));
    await writer.putAll(rollups);
    items += rollups.length;
    groups.push({
      group,
      sites,
      practitioners,
      analyst,
      admin,
      patients,
      sessions: opts.patients * opts.sessions,
      rollupItems: rollups.length,
    });
  }
  await writer.close();
  prog?.update(writer.written, writer.written, "items");
  return {
    groups,
    items,
    sessions: opts.groups * opts.patients * opts.sessions,
    writeRequests: writer.requests,
    seconds: (Date.now() - started) / 1000,
  };
}

async function listening(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      res(true);
    });
    s.once("error", () => res(false));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      groups: { type: "string", default: "1" },
      patients: { type: "string", default: "100" },
      sessions: { type: "string", default: "10" },
      endpoint: { type: "string" },
      table: { type: "string", default: "needlework" },
      prefix: { type: "string", default: "gen" },
      concurrency: { type: "string", default: "8" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(
      "npx tsx bench/generate.ts --groups N --patients N(per group) --sessions N(per patient) [--endpoint URL] [--table NAME] [--prefix ID]",
    );
    return;
  }
  const num = (name: string, v: string | undefined): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not "${v}"`);
    return n;
  };
  let endpoint = values.endpoint ?? process.env.DYNAMODB_ENDPOINT;
  let stop: (() => Promise<void>) | undefined;
  if (!endpoint && (await listening(8000))) endpoint = "http://127.0.0.1:8000";
  if (!endpoint) {
    const { startDynamoLocal } = await import("@needlework/store/local");
    const dataDir = join(fileURLToPath(new URL("..", import.meta.url)), ".data", "dynamodb");
    const local = await startDynamoLocal({ port: 8000, dataDir });
    endpoint = local.endpoint;
    stop = () => local.stop();
    console.log(`Started DynamoDB Local at ${endpoint} (data in .data/dynamodb)`);
  }
  try {
    // The secret npm start uses for .data (NEEDLEWORK_DATA_DIR), so the API reads what this writes.
    const dataRoot =
      process.env.NEEDLEWORK_DATA_DIR ?? join(fileURLToPath(new URL("..", import.meta.url)), ".data");
    const db = createDb({ endpoint, tableName: values.table, pseudonymSecret: localSecretFile(dataRoot) });
    await ensureTable(db);
    const opts = {
      groups: num("groups", values.groups),
      patients: num("patients", values.patients),
      sessions: num("sessions", values.sessions),
      prefix: values.prefix,
      concurrency: Math.max(1, num("concurrency", values.concurrency)),
    };
    console.log(
      `Generating ${opts.groups} group(s) × ${opts.patients} patients × ${opts.sessions} sessions into ${db.tableName} at ${endpoint}`,
    );
    const res = await generate(db, { ...opts, progress: progress("generate") });
    process.stderr.write("\n");
    console.log(
      `Wrote ${res.items.toLocaleString("en-GB")} items (${res.sessions.toLocaleString("en-GB")} sessions, ${res.groups.reduce((a, g) => a + g.rollupItems, 0)} rollup shards) ` +
        `in ${res.writeRequests.toLocaleString("en-GB")} BatchWriteItem calls, ${res.seconds.toFixed(1)} s. Groups: ${res.groups.map((g) => g.group.id).join(", ")}`,
    );
  } finally {
    await stop?.();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
