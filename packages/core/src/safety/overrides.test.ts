import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors";
import type { Principal } from "../principal";
import { blockFinding, hardStopFinding, warnFinding, type SafetyFinding } from "./findings";
import { assertOverrides, consentFinding, decideOverrides, isHardStop, reasonProblem } from "./overrides";

const practitioner: Pick<Principal, "role" | "clinicalLead"> = { role: "PRACTITIONER" };
const lead: Pick<Principal, "role" | "clinicalLead"> = { role: "PRACTITIONER", clinicalLead: true };
const analystFlagged: Pick<Principal, "role" | "clinicalLead"> = { role: "ANALYST", clinicalLead: true };

const PREGNANT = blockFinding("PREGNANT_OR_BREASTFEEDING", "Pregnant.", "screening answer");
const SERUM_ALLERGY = blockFinding("SERUM_ALLERGY", "Allergic to the serum.", "allergy");
// The existing screen marks infection overridable; the policy still treats it as a hard stop.
const INFECTION = blockFinding("ACTIVE_SKIN_INFECTION", "Infection in the area.", "screening answer");
const EXPIRED = hardStopFinding("LOT_EXPIRED", "Lot expired.", "lot");
const SUNBURN = warnFinding("SUNBURN", "Sunburn.", "screening answer");
const INTERVAL = warnFinding("INTERVAL_BELOW_MINIMUM", "Too soon.", "sessions", true);
const GOOD = "Discussed with her GP today; anticoagulant paused by the prescriber.";

describe("reasonProblem", () => {
  it.each([
    ["test", false],
    ["x", false],
    ["n/a", false],
    ["ok", false],
    ["override", false],
    ["aaaaaaaaaaaaaaaaaaaa", false],
    ["test test test test test", false],
    ["ok override approved fine", false],
    ["x x x x x x x x x x x", false],
    ["   ", false],
    ["short reason", false],
    ["Patient seen by GP, cleared", true],
    [GOOD, true],
  ])("%j acceptable: %s", (reason, ok) => {
    expect(reasonProblem(reason) === undefined).toBe(ok);
  });
  it("refuses an essay over 1000 characters", () => {
    expect(reasonProblem(`${GOOD} `.repeat(30))).toContain("1000");
  });
});

interface Case {
  name: string;
  who: Pick<Principal, "role" | "clinicalLead">;
  findings: SafetyFinding[];
  overrides: { code: string; reason: string }[];
  errors: string[];
  overridden: string[];
  unresolved: string[];
}

const CASES: Case[] = [
  // Accepted before: any practitioner overrode pregnancy and a serum allergy with "test".
  {
    name: "a practitioner without the permission cannot override a BLOCK",
    who: practitioner,
    findings: [PREGNANT, SERUM_ALLERGY],
    overrides: [
      { code: "PREGNANT_OR_BREASTFEEDING", reason: GOOD },
      { code: "SERUM_ALLERGY", reason: GOOD },
    ],
    errors: ["FORBIDDEN"],
    overridden: [],
    unresolved: ["PREGNANT_OR_BREASTFEEDING", "SERUM_ALLERGY"],
  },
  {
    name: "a clinical lead with a placeholder reason is refused",
    who: lead,
    findings: [PREGNANT],
    overrides: [{ code: "PREGNANT_OR_BREASTFEEDING", reason: "test" }],
    errors: ["BAD_USER_INPUT"],
    overridden: [],
    unresolved: ["PREGNANT_OR_BREASTFEEDING"],
  },
  {
    name: "a clinical lead with a real reason overrides every code named",
    who: lead,
    findings: [PREGNANT, SERUM_ALLERGY, SUNBURN],
    overrides: [
      { code: "SERUM_ALLERGY", reason: GOOD },
      { code: "PREGNANT_OR_BREASTFEEDING", reason: GOOD },
    ],
    errors: [],
    overridden: ["PREGNANT_OR_BREASTFEEDING", "SERUM_ALLERGY"],
    unresolved: [],
  },
  {
    name: "nobody overrides a hard stop, not even a clinical lead",
    who: lead,
    findings: [INFECTION, EXPIRED],
    overrides: [
      { code: "ACTIVE_SKIN_INFECTION", reason: GOOD },
      { code: "LOT_EXPIRED", reason: GOOD },
    ],
    errors: ["CONTRAINDICATED"],
    overridden: [],
    unresolved: ["ACTIVE_SKIN_INFECTION", "LOT_EXPIRED"],
  },
  {
    name: "an analyst flagged as lead is still not a clinical lead",
    who: analystFlagged,
    findings: [PREGNANT],
    overrides: [{ code: "PREGNANT_OR_BREASTFEEDING", reason: GOOD }],
    errors: ["FORBIDDEN"],
    overridden: [],
    unresolved: ["PREGNANT_OR_BREASTFEEDING"],
  },
  {
    name: "any practitioner gives the reason a WARN needs",
    who: practitioner,
    findings: [INTERVAL],
    overrides: [{ code: "INTERVAL_BELOW_MINIMUM", reason: "Patient travelling abroad for three months" }],
    errors: [],
    overridden: ["INTERVAL_BELOW_MINIMUM"],
    unresolved: [],
  },
  {
    name: "an unknown code is bad input",
    who: lead,
    findings: [PREGNANT],
    overrides: [{ code: "NOPE", reason: GOOD }],
    errors: ["BAD_USER_INPUT"],
    overridden: [],
    unresolved: ["PREGNANT_OR_BREASTFEEDING"],
  },
  {
    name: "errors come hard stop first, then permission, then reason",
    who: practitioner,
    findings: [INFECTION, PREGNANT, INTERVAL],
    overrides: [
      { code: "ACTIVE_SKIN_INFECTION", reason: GOOD },
      { code: "PREGNANT_OR_BREASTFEEDING", reason: GOOD },
      { code: "INTERVAL_BELOW_MINIMUM", reason: "x" },
    ],
    errors: ["CONTRAINDICATED", "FORBIDDEN", "BAD_USER_INPUT"],
    overridden: [],
    unresolved: ["ACTIVE_SKIN_INFECTION", "PREGNANT_OR_BREASTFEEDING"],
  },
];

describe("decideOverrides", () => {
  it.each(CASES)("$name", (c) => {
    const d = decideOverrides({ principal: c.who, findings: c.findings, overrides: c.overrides });
    expect(d.errors.map((e) => e.code)).toEqual(c.errors);
    expect(d.overriddenCodes).toEqual(c.overridden);
    expect(d.unresolved.map((f) => f.code)).toEqual(c.unresolved);
  });
});

describe("assertOverrides", () => {
  const codeOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
      return undefined;
    } catch (e) {
      return isDomainError(e) ? e.code : "not a domain error";
    }
  };
  it("returns the codes for the audit entry when everything is covered", () => {
    expect(
      assertOverrides({
        principal: lead,
        findings: [PREGNANT, SUNBURN],
        overrides: [{ code: "PREGNANT_OR_BREASTFEEDING", reason: GOOD }],
      }),
    ).toEqual(["PREGNANT_OR_BREASTFEEDING"]);
  });
  it("throws CONTRAINDICATED for BLOCKs left, BAD_USER_INPUT for a WARN without its reason", () => {
    expect(codeOf(() => assertOverrides({ principal: lead, findings: [PREGNANT], overrides: [] }))).toBe(
      "CONTRAINDICATED",
    );
    expect(codeOf(() => assertOverrides({ principal: lead, findings: [INTERVAL], overrides: [] }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(
      codeOf(() =>
        assertOverrides({
          principal: practitioner,
          findings: [PREGNANT],
          overrides: [{ code: "PREGNANT_OR_BREASTFEEDING", reason: GOOD }],
        }),
      ),
    ).toBe("FORBIDDEN");
  });
});

describe("hard stops", () => {
  it.each([
    ["ACTIVE_SKIN_INFECTION", true, true],
    ["OPEN_WOUNDS", true, true],
    ["IMPLANTED_ELECTRONIC_DEVICE", true, true],
    ["SAME_ZONE_SAME_DAY", false, true],
    ["PREGNANT_OR_BREASTFEEDING", true, false],
  ])("%s (overridable %s) is a hard stop: %s", (code, overridable, hard) => {
    expect(isHardStop({ code, overridable })).toBe(hard);
  });
  it("missing consent is a hard stop once consent is required", () => {
    expect(consentFinding({ consentRequired: true }).map((f) => [f.code, f.overridable])).toEqual([
      ["CONSENT_MISSING", false],
    ]);
    expect(consentFinding({ consentRequired: true, validConsentOn: "2026-01-01" })).toEqual([]);
    expect(consentFinding({ consentRequired: false })).toEqual([]);
  });
});
