import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import type { Patient, Principal } from "@needlework/core";
import type { Db } from "../client";
import { groupItem, siteItem, userEmailItem, userItem, type Group, type Site, type User } from "../groups";
import { patientItem } from "../entities/patient";

/**
 * The demo data `npm start` seeds on first start: two clinic groups (so isolation is visible), sites,
 * practitioners, an admin and an analyst each, and patients with allergies, medications and history.
 * Every id is fixed and every write is conditional, so running it again completes a partial seed and
 * otherwise changes nothing.
 */
export interface DemoGroup {
  group: Group;
  sites: Site[];
  users: User[];
  patients: Patient[];
}

const CREATED = "2026-01-05T09:00:00.000Z";

function user(
  groupId: string,
  id: string,
  email: string,
  name: string,
  role: User["role"],
  siteIds: string[],
): User {
  return { id, groupId, email, name, role, siteIds, active: true, version: 1 };
}

type PatientSeed = Pick<Patient, "givenName" | "familyName" | "dateOfBirth"> &
  Partial<Pick<Patient, "fitzpatrick" | "allergies" | "medications" | "historyFlags" | "email" | "phone">>;

function patient(groupId: string, siteId: string, n: number, s: PatientSeed): Patient {
  return {
    id: `demo-${groupId}-p${String(n).padStart(2, "0")}`,
    groupId,
    siteId,
    allergies: [],
    medications: [],
    historyFlags: [],
    archived: false,
    version: 1,
    createdAt: CREATED,
    createdBy: "seed",
    updatedAt: CREATED,
    updatedBy: "seed",
    ...s,
  };
}

export function demoGroups(): DemoGroup[] {
  const g = "glow";
  const glow: DemoGroup = {
    group: { id: g, name: "Glow Clinics", createdAt: CREATED },
    sites: [
      { id: "harbour", groupId: g, name: "Harbour Street", archived: false, version: 1 },
      { id: "riverside", groupId: g, name: "Riverside", archived: false, version: 1 },
    ],
    users: [
      user(g, "u-ava", "ava.reid@glow.example", "Ava Reid", "PRACTITIONER", ["harbour"]),
      user(g, "u-sam", "sam.okafor@glow.example", "Sam Okafor", "PRACTITIONER", ["harbour", "riverside"]),
      user(g, "u-mia", "mia.chen@glow.example", "Mia Chen", "CLINIC_ADMIN", []),
      user(g, "u-leo", "leo.hart@glow.example", "Leo Hart", "ANALYST", []),
    ],
    patients: [],
  };
  const h = "harbour";
  const r = "riverside";
  const seeds: [string, PatientSeed][] = [
    [
      h,
      {
        givenName: "Olivia",
        familyName: "Bennett",
        dateOfBirth: "1988-04-12",
        fitzpatrick: "II",
        email: "olivia.b@example.com",
        allergies: [{ substance: "Lidocaine", kind: "ALLERGY", severity: "MODERATE", reaction: "hives" }],
      },
    ],
    [
      h,
      {
        givenName: "Noah",
        familyName: "Clarke",
        dateOfBirth: "1979-09-30",
        fitzpatrick: "III",
        historyFlags: ["HERPES_SIMPLEX_HISTORY"],
      },
    ],
    [
      h,
      {
        givenName: "Amara",
        familyName: "Diallo",
        dateOfBirth: "1992-01-18",
        fitzpatrick: "V",
        allergies: [
          { substance: "Ascorbic acid", kind: "SENSITIVITY", severity: "MILD", reaction: "stinging" },
        ],
      },
    ],
    [
      h,
      {
        givenName: "Grace",
        familyName: "Evans",
        dateOfBirth: "1965-06-02",
        fitzpatrick: "I",
        medications: [{ name: "Warfarin", class: "ANTICOAGULANT", startedOn: "2024-02-01" }],
      },
    ],
    [
      h,
      {
        givenName: "Hiro",
        familyName: "Fujita",
        dateOfBirth: "1996-11-23",
        fitzpatrick: "III",
        medications: [
          { name: "Roaccutane", class: "ISOTRETINOIN", startedOn: "2025-09-01", stoppedOn: "2026-08-15" },
        ],
      },
    ],
    [
      h,
      {
        givenName: "Isla",
        familyName: "Graham",
        dateOfBirth: "1984-03-07",
        fitzpatrick: "II",
        phone: "+44 7700 900123",
      },
    ],
    [
      h,
      {
        givenName: "Jonas",
        familyName: "Hansen",
        dateOfBirth: "1990-07-14",
        fitzpatrick: "II",
        historyFlags: ["KELOID_TENDENCY"],
      },
    ],
    [r, { givenName: "Keira", familyName: "Ibrahim", dateOfBirth: "1987-12-01", fitzpatrick: "IV" }],
    [
      r,
      {
        givenName: "Liam",
        familyName: "Jones",
        dateOfBirth: "1975-05-19",
        fitzpatrick: "II",
        medications: [{ name: "Minoxidil 5%", class: "MINOXIDIL", startedOn: "2025-10-01" }],
      },
    ],
    [
      r,
      {
        givenName: "Maya",
        familyName: "Kowalski",
        dateOfBirth: "1999-02-26",
        fitzpatrick: "III",
        allergies: [
          { substance: "Nickel", kind: "ALLERGY", severity: "SEVERE", reaction: "contact dermatitis" },
        ],
        historyFlags: ["NICKEL_ALLERGY"],
      },
    ],
    [
      r,
      {
        givenName: "Nadia",
        familyName: "Lopez",
        dateOfBirth: "1982-08-08",
        fitzpatrick: "IV",
        historyFlags: ["ROSACEA"],
      },
    ],
    [r, { givenName: "Omar", familyName: "Malik", dateOfBirth: "1935-10-10", fitzpatrick: "III" }],
  ];
  glow.patients = seeds.map(([site, s], i) => patient(g, site, i + 1, s));

  const n = "northside";
  const northside: DemoGroup = {
    group: { id: n, name: "Northside Skin", createdAt: CREATED },
    sites: [{ id: "central", groupId: n, name: "Northside Central", archived: false, version: 1 }],
    users: [
      user(n, "u-zoe", "zoe.park@northside.example", "Zoe Park", "PRACTITIONER", ["central"]),
      user(n, "u-ian", "ian.moss@northside.example", "Ian Moss", "CLINIC_ADMIN", []),
    ],
    patients: [
      patient(n, "central", 1, {
        givenName: "Pia",
        familyName: "Nilsson",
        dateOfBirth: "1991-04-04",
        fitzpatrick: "I",
      }),
      patient(n, "central", 2, {
        givenName: "Quinn",
        familyName: "Owens",
        dateOfBirth: "1986-06-21",
        fitzpatrick: "VI",
      }),
    ],
  };
  return [glow, northside];
}

export type Progress = (done: number, total: number, label: string) => void;

async function putIfMissing(db: Db, item: Record<string, unknown>): Promise<boolean> {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: item,
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return true;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return false;
    throw e;
  }
}

/**
 * Extra per-group seeding (clinical history) registered by other modules, so the demo grows with the
 * domain without this file knowing every entity.
 */
export type GroupSeeder = (
  db: Db,
  g: DemoGroup,
) => Record<string, unknown>[] | Promise<Record<string, unknown>[]>;
const extraSeeders: GroupSeeder[] = [];
export function registerSeeder(s: GroupSeeder): void {
  extraSeeders.push(s);
}

/**
 * Seeding derived from what the first pass wrote (the analytics records read the seeded patient
 * collections): run after it, its items written the same conditional way.
 */
const postSeeders: GroupSeeder[] = [];
export function registerPostSeeder(s: GroupSeeder): void {
  postSeeders.push(s);
}

export async function seedDemo(db: Db, progress?: Progress): Promise<{ written: number; skipped: number }> {
  const items: Record<string, unknown>[] = [];
  for (const g of demoGroups()) {
    items.push(
      groupItem(g.group),
      ...g.sites.map(siteItem),
      ...g.users.map(userItem),
      ...g.patients.map(patientItem),
    );
    items.push(...g.users.map(userEmailItem));
    for (const s of extraSeeders) items.push(...(await s(db, g)));
  }
  // A later seeder may restate an earlier one's item (a plan with the sessions seeded after it
  // counted): the last statement of a key wins, in the place of the first.
  const byKey = new Map<string, Record<string, unknown>>();
  for (const it of items) byKey.set(`${String(it.pk)}\u0000${String(it.sk)}`, it);
  items.splice(0, items.length, ...byKey.values());
  let written = 0;
  let skipped = 0;
  for (let i = 0; i < items.length; i++) {
    if (await putIfMissing(db, items[i]!)) written++;
    else skipped++;
    if (progress && (i % 10 === 9 || i === items.length - 1)) progress(i + 1, items.length, "demo records");
  }
  const derived: Record<string, unknown>[] = [];
  for (const g of demoGroups()) for (const s of postSeeders) derived.push(...(await s(db, g)));
  for (let i = 0; i < derived.length; i++) {
    if (await putIfMissing(db, derived[i]!)) written++;
    else skipped++;
    if (progress && (i % 10 === 9 || i === derived.length - 1))
      progress(i + 1, derived.length, "analytics records");
  }
  return { written, skipped };
}

/** Demo sign-ins for the local issuer, straight from the seeded groups. */
export function demoPrincipals(): (Principal & {
  groupName: string;
  sites: { id: string; name: string }[];
})[] {
  return demoGroups().flatMap((g) =>
    g.users.map((u) => ({
      userId: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      groupId: g.group.id,
      siteIds: u.siteIds,
      groupName: g.group.name,
      sites: (u.role === "CLINIC_ADMIN" ? g.sites : g.sites.filter((s) => u.siteIds.includes(s.id))).map(
        (s) => ({
          id: s.id,
          name: s.name,
        }),
      ),
    })),
  );
}
