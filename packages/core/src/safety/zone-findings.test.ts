import { describe, expect, it } from "vitest";
import type { Zone } from "../concerns";
import { DEFAULT_SETTINGS } from "../settings";
import { overlappingZones, zonedFindings, type ZonedAnswers } from "./zone-findings";

type Case = [string, ZonedAnswers, Zone[], string[]];

const CASES: Case[] = [
  // Accepted before: acne answered for the whole face blocked a forehead-only plan.
  [
    "acne on the cheeks does not block a forehead-only plan",
    { activeAcneZones: ["CHEEKS"] },
    ["FOREHEAD"],
    [],
  ],
  [
    "acne on the cheeks blocks a plan that treats them",
    { activeAcneZones: ["CHEEKS"] },
    ["FOREHEAD", "CHEEKS"],
    ["ACTIVE_ACNE:BLOCK:true"],
  ],
  [
    "a yes without zones counts everywhere",
    { activeAcneZones: "EVERYWHERE" },
    ["FOREHEAD"],
    ["ACTIVE_ACNE:BLOCK:true"],
  ],
  [
    "infection in a treated zone is a hard stop",
    { activeSkinInfectionZones: ["NECK"] },
    ["NECK"],
    ["ACTIVE_SKIN_INFECTION:BLOCK:false"],
  ],
  ["an open wound elsewhere does not stop the session", { openWoundZones: ["HANDS"] }, ["CHEEKS"], []],
  [
    "a flare in the area blocks",
    { flareZones: ["CHEEKS", "NOSE"] },
    ["NOSE"],
    ["SKIN_FLARE_IN_AREA:BLOCK:true"],
  ],
  [
    "recent toxin in a treated zone warns",
    { toxin: [{ date: "2026-05-25", zones: ["FOREHEAD"] }] },
    ["FOREHEAD"],
    ["RECENT_TOXIN:WARN:true"],
  ],
  [
    "recent toxin in another zone does not",
    { toxin: [{ date: "2026-05-25", zones: ["FOREHEAD"] }] },
    ["CHEEKS"],
    [],
  ],
  [
    "filler past the clinic's days does not warn",
    { filler: [{ date: "2026-04-01", zones: ["CHEEKS"] }] },
    ["CHEEKS"],
    [],
  ],
];

describe("zonedFindings", () => {
  it.each(CASES)("%s", (_name, answers, treated, expected) => {
    const fs = zonedFindings({ answers, treated, onDate: "2026-06-01", settings: DEFAULT_SETTINGS });
    expect(fs.map((f) => `${f.code}:${f.level}:${String(f.overridable)}`)).toEqual(expected);
  });
  it("names only the overlapping zones in the reason", () => {
    const [f] = zonedFindings({
      answers: { activeAcneZones: ["CHEEKS", "CHIN"] },
      treated: ["CHEEKS", "FOREHEAD"],
      onDate: "2026-06-01",
      settings: DEFAULT_SETTINGS,
    });
    expect(f?.reason).toContain("(cheeks)");
    expect(f?.source).toContain("cheeks, chin");
  });
});

describe("overlappingZones", () => {
  it.each<[Parameters<typeof overlappingZones>[0], Zone[], Zone[]]>([
    [["CHEEKS"], ["CHEEKS", "NOSE"], ["CHEEKS"]],
    ["EVERYWHERE", ["NOSE"], ["NOSE"]],
    [null, ["NOSE"], []],
    [[], ["NOSE"], []],
  ])("%j ∩ %j = %j", (finding, treated, expected) => {
    expect(overlappingZones(finding, treated)).toEqual(expected);
  });
});
