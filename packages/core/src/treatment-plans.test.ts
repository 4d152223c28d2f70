import { describe, expect, it } from "vitest";
import type { DomainError } from "./errors";
import type { Serum } from "./serums";
import { DEFAULT_SETTINGS } from "./settings";
import { checkPlannedSerum, planState, resolvePlannedSerums } from "./treatment-plans";

const ha: Serum = {
  id: "ha",
  name: "Hyaluronic acid serum",
  ingredients: ["Sodium hyaluronate"],
  allergens: [],
  clearance: "CLEARED_FOR_NEEDLING",
  sterile: true,
  lots: [],
};
const vitC: Serum = {
  id: "vc",
  name: "Vitamin C serum",
  ingredients: ["L-ascorbic acid"],
  allergens: [],
  clearance: "TOPICAL_AFTER_HEALING",
  lots: [],
};
const patient = {
  allergies: [{ substance: "Fragrance", kind: "ALLERGY" as const, severity: "MILD" as const }],
};
const peptides: Serum = {
  id: "pp",
  name: "Peptide serum",
  ingredients: ["Copper tripeptide-1"],
  allergens: ["Fragrance"],
  clearance: "TOPICAL_AFTER_HEALING",
  lots: [],
};
const who = { by: "u-ava", at: "2026-11-25T10:00:00.000Z" };

const error = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error("expected a DomainError");
};

describe("checkPlannedSerum", () => {
  it("checks allergies, needling clearance and actives but not lots", () => {
    expect(checkPlannedSerum({ patient, serum: ha, onDate: "2026-12-01" })).toEqual([]);
    expect(
      checkPlannedSerum({ patient, serum: vitC, onDate: "2026-12-01" })
        .map((f) => f.code)
        .sort(),
    ).toEqual(["SERUM_ACTIVE_ON_NEEDLED_SKIN", "SERUM_NOT_CLEARED_FOR_NEEDLING"]);
    expect(
      checkPlannedSerum({ patient, serum: peptides, onDate: "2026-12-01" })
        .map((f) => f.code)
        .sort(),
    ).toEqual(["SERUM_ALLERGY", "SERUM_NOT_CLEARED_FOR_NEEDLING"]);
  });
});

describe("resolvePlannedSerums", () => {
  const checks = [ha, vitC].map((s) => ({
    serumId: s.id,
    serumName: s.name,
    findings: checkPlannedSerum({ patient, serum: s, onDate: "2026-12-01" }),
  }));

  it("answers CONTRAINDICATED for a flagged serum without an override", () => {
    const e = error(() => resolvePlannedSerums(checks, [], who));
    expect(e.code).toBe("CONTRAINDICATED");
    expect(e.reasons.map((r) => r.code).sort()).toEqual([
      "SERUM_ACTIVE_ON_NEEDLED_SKIN",
      "SERUM_NOT_CLEARED_FOR_NEEDLING",
    ]);
  });

  it("lets it in with a reason, recorded per serum", () => {
    const out = resolvePlannedSerums(
      checks,
      [{ serumId: "vc", reason: "Applied after healing only, day 7" }],
      who,
    );
    expect(out.map((s) => [s.serumId, s.overrideReason])).toEqual([
      ["ha", undefined],
      ["vc", "Applied after healing only, day 7"],
    ]);
  });

  it("refuses overrides without a reason or for serums with nothing to override", () => {
    const e = error(() =>
      resolvePlannedSerums(
        checks,
        [
          { serumId: "vc", reason: " " },
          { serumId: "ha", reason: "x" },
          { serumId: "zz", reason: "x" },
        ],
        who,
      ),
    );
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.fields.map((f) => f.path)).toEqual([
      "serumOverrides.0.reason",
      "serumOverrides.1.serumId",
      "serumOverrides.2.serumId",
    ]);
  });
});

describe("a planned serum's override reason", () => {
  it("must say something: a placeholder is BAD_USER_INPUT on the reason", () => {
    const checks = [vitC].map((s) => ({
      serumId: s.id,
      serumName: s.name,
      findings: checkPlannedSerum({ patient, serum: s, onDate: "2026-12-01" }),
    }));
    const e = error(() => resolvePlannedSerums(checks, [{ serumId: "vc", reason: "test" }], who));
    expect(e.code).toBe("BAD_USER_INPUT");
    expect(e.fields.map((f) => f.path)).toEqual(["serumOverrides.0.reason"]);
    expect(e.fields[0]?.reason).toContain("not a placeholder");
  });
});

describe("planState", () => {
  const plan = { startOn: "2026-12-01", sessionsPlanned: 3, intervalWeeks: 4 };
  it("is due at the start before any session", () => {
    expect(planState(plan, [], DEFAULT_SETTINGS)).toMatchObject({
      status: "PLANNED",
      done: 0,
      planned: 3,
      nextDueOn: "2026-12-01",
      dueOn: "2026-12-01",
      dueKind: "SESSION",
    });
  });
  it("moves the next session to last + interval, sessions in any order", () => {
    expect(planState(plan, ["2026-12-29", "2026-12-01"], DEFAULT_SETTINGS)).toMatchObject({
      status: "IN_PROGRESS",
      done: 2,
      lastSessionOn: "2026-12-29",
      nextDueOn: "2027-01-26",
      dueKind: "SESSION",
    });
  });
  it("turns into a retreatment due date once complete", () => {
    expect(planState(plan, ["2026-12-01", "2026-12-29", "2027-01-26"], DEFAULT_SETTINGS)).toMatchObject({
      status: "COMPLETED",
      nextDueOn: null,
      retreatmentDueOn: "2027-07-26",
      dueOn: "2027-07-26",
      dueKind: "RETREATMENT",
    });
  });
  it("has nothing due once cancelled", () => {
    expect(planState({ ...plan, cancelled: true }, ["2026-12-01"], DEFAULT_SETTINGS)).toMatchObject({
      status: "CANCELLED",
      dueOn: null,
      dueKind: null,
    });
  });
});
