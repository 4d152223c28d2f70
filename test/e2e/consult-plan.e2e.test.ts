import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "@needlework/api";
import { freePort } from "../../packages/store/src/local/dynamo-local";
import { startLocalStack } from "../../scripts/local-stack";
import { launchBrowser } from "../support/browser";

const SHOTS = fileURLToPath(new URL("../../screenshots/", import.meta.url));

/**
 * A practitioner's path from consultation to plan for a patient on warfarin: the screen blocks as the
 * form fills, the block is overridden with a reason (who/when/why on record), the plan is built from
 * the protocol's suggestion with a flagged serum let in with a reason, and the plan shows on the
 * patient's timeline and on Today. A consultation with six concerns: the builder chooses five and
 * locks the sixth, saying why (core's MAX_CONCERNS_PER_PLAN).
 */
describe("consultation and plan in the portal (local stack, Chromium)", () => {
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let patientPath = "";
  let consultationUrl = "";
  const overrideReason = "INR stable at 2.1; haematologist agrees to superficial needling (letter on file).";
  const serumReason = "Patient's own sterile peptide ampoule; batch certificate on file.";

  const shot = async (name: string) => {
    // From the top, so the fixed header sits where it belongs in a full-page capture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  /** What the screen shows now (sticky parts where a user sees them), scrolled to `target`. */
  const viewShot = async (name: string, target: Locator) => {
    await target.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  };
  const question = (label: string): Locator => page.getByRole("radiogroup", { name: label });
  const errorOf = async (field: Locator): Promise<string> => {
    const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(/\s+/);
    const errorId = ids.find((id) => id.includes("error"));
    return errorId ? ((await page.locator(`[id="${errorId}"]`).textContent()) ?? "") : "";
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), "needlework-e2e-consult-"));
    const [apiPort, webPort, dynamoPort] = [await freePort(), await freePort(), await freePort()];
    stack = await startLocalStack({ dataDir, apiPort, webPort, dynamoPort, seed: true, quiet: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("signs in to Today and opens Grace Evans, whose warfarin is flagged in the safety panel", async () => {
    await page.goto(stack.webUrl);
    await page.getByRole("button", { name: /Sign in as Ava Reid/ }).click();
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "Patients" }).click();
    await page.getByLabel("Search by name").fill("Evans");
    const table = page.getByRole("table", { name: "Patients" });
    // The search is debounced: wait for the filtered list before clicking.
    await expect.poll(() => table.getByRole("link").count(), { timeout: 10_000 }).toBe(1);
    await table.getByRole("link", { name: "Evans, Grace" }).click();
    await page.getByRole("heading", { level: 1, name: "Grace Evans" }).waitFor();
    patientPath = new URL(page.url()).pathname;

    const flags = page
      .getByRole("region", { name: "Safety summary" })
      .getByRole("list", { name: "Contraindication flags" });
    await flags.getByText(/Taking an anticoagulant/).waitFor();
    await expect(flags.getByText("Source: medication: Warfarin", { exact: false }).isVisible()).resolves.toBe(
      true,
    );
  });

  it("records a consultation with the screen shown as the form fills", { timeout: 60_000 }, async () => {
    await page.getByRole("link", { name: "New consultation" }).click();
    await page.getByRole("heading", { level: 1, name: "New consultation" }).waitFor();
    const screen = page.getByRole("region", { name: "Contraindication screen" });

    // Before anything is answered the standing block (warfarin) is already on screen, with its source.
    await screen.getByText(/Taking an anticoagulant/).waitFor();
    await expect(screen.getByTestId("screen-summary").textContent()).resolves.toMatch(/1 block/);
    await screen.getByText(/Source: medication: Warfarin/).waitFor();

    const concern = page.getByRole("group", { name: "Concern 1" });
    await concern.getByRole("combobox", { name: "Concern", exact: true }).selectOption("WRINKLES");
    await concern.getByLabel("Body area").selectOption("FOREHEAD");
    // Only the scales that measure wrinkles (never GAIS, which rates change) are offered.
    const scales = await concern.getByLabel("Baseline scale").locator("option").allTextContents();
    expect(scales).toEqual(["Choose…", "Lemperle, 0–5", "Satisfaction, 0–10"]);
    await expect(concern.getByLabel("Baseline scale").inputValue()).resolves.toBe("LEMPERLE");
    await concern.getByLabel("Baseline score").selectOption("3");
    await concern.getByRole("combobox", { name: "Zones to treat" }).click();
    const zoneList = page.getByRole("listbox", { name: "Zones to treat" });
    await zoneList.getByRole("option", { name: "Forehead" }).click();
    await zoneList.getByRole("option", { name: "Around the eyes" }).click();
    await page.keyboard.press("Escape");

    // Saving with questions unanswered: each one says so beside itself, nothing typed is lost.
    await page.getByRole("button", { name: "Save consultation" }).click();
    await expect.poll(() => errorOf(question("Pregnant or breastfeeding?"))).toBe("Answer yes or no");
    await expect(concern.getByLabel("Baseline score").inputValue()).resolves.toBe("3");

    // A yes that warns appears in the screen as it is answered.
    await question("Sunburn in the treatment area?").getByLabel("Yes").check();
    await screen.getByText(/Sunburn/).waitFor();
    await expect
      .poll(() => screen.getByTestId("screen-summary").textContent())
      .toMatch(/1 block and 1 warning/);
    for (const label of [
      "Active skin infection in the treatment area?",
      "Active (inflamed) acne in the treatment area?",
      "Cold sore or other herpes outbreak now?",
      "Open wounds, cuts or broken skin in the area?",
      "Pregnant or breastfeeding?",
      "Eczema, psoriasis or rosacea flaring in the area?",
      "Currently having chemotherapy or radiotherapy?",
    ])
      await question(label).getByLabel("No").check();
    await question("Sunburn in the treatment area?").getByLabel("No").check();
    await expect.poll(() => screen.getByTestId("screen-summary").textContent()).toMatch(/^1 block:/);
    await expect(screen.getByText(/required questions? still to answer/).count()).resolves.toBe(0);
    await shot("consult-01-consultation-screen");

    // On a tablet the screen follows the questions; a bar at the bottom keeps its verdict in sight.
    await page.setViewportSize({ width: 768, height: 1024 });
    await viewShot("consult-02-consultation-tablet", question("Pregnant or breastfeeding?"));
    await page.getByText("Screen: 1 block", { exact: true }).waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole("button", { name: "Save consultation" }).click();
    await page.getByRole("heading", { level: 1, name: /^Consultation on / }).waitFor();
    consultationUrl = page.url();
    await page.getByRole("alert").filter({ hasText: "Not cleared: a plan cannot be made yet" }).waitFor();
  });

  it("refuses a plan while the block stands, with a link to override it", async () => {
    await page.getByRole("link", { name: "Build a treatment plan" }).click();
    await page.getByRole("heading", { level: 1, name: "New treatment plan" }).waitFor();
    await page
      .getByRole("alert")
      .filter({ hasText: "The consultation has a block without an override" })
      .waitFor();
    await page.getByTestId("suggestion").waitFor();
    await page.getByRole("button", { name: "Save plan" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Not saved: the consultation has a block" });
    await refusal.getByText(/^Taking an anticoagulant/).waitFor();
    await refusal.getByText(/Source: medication: Warfarin/).waitFor();
    await refusal.getByRole("link", { name: "Override at the consultation" }).click();
    await page.getByRole("heading", { level: 1, name: /^Consultation on / }).waitFor();
    expect(page.url()).toBe(consultationUrl);
  });

  it("overrides the block with a reason and shows who, when and why", async () => {
    await page.getByRole("button", { name: /^Override: Taking an anticoagulant/ }).click();
    const reason = page.getByLabel("Reason for overriding");
    await page.getByRole("button", { name: "Record override" }).click();
    await expect(errorOf(reason)).resolves.toMatch(/Give the reason/);
    await reason.fill(overrideReason);
    await page.getByRole("button", { name: "Record override" }).click();
    const recorded = page.getByTestId("override-ANTICOAGULANT");
    await recorded.waitFor();
    await expect(recorded.textContent()).resolves.toMatch(
      new RegExp(`Overridden by Ava Reid on .+: “${overrideReason.slice(0, 20)}`),
    );
    await page.getByRole("status").filter({ hasText: "Cleared for treatment planning" }).waitFor();
    await shot("consult-03-consultation-overridden");
  });

  it(
    "builds the plan from the protocol's suggestion, editing depth and serums with their flags",
    { timeout: 60_000 },
    async () => {
      await page.getByRole("link", { name: "Build a treatment plan" }).click();
      await page.getByRole("heading", { level: 1, name: "New treatment plan" }).waitFor();
      await page
        .getByTestId("suggestion")
        .getByText(/3 sessions every 4 weeks/)
        .waitFor();
      const zones = page.getByRole("table", { name: "Planned zones" });
      const forehead = zones.getByLabel("Depth for Forehead in mm");
      await expect(forehead.inputValue()).resolves.toBe("0.35");
      await zones.getByText("0.25–0.5 mm").waitFor();

      // Suggested hyaluronic acid is checked and clear; a serum not cleared for needling is flagged before saving.
      const hyaluronic = page.getByRole("group", { name: "Hyaluronic acid serum (sterile)" });
      await expect(hyaluronic.getByRole("checkbox").isChecked()).resolves.toBe(true);
      await hyaluronic.getByText("No flags for this patient.").waitFor();
      const peptide = page.getByRole("group", { name: "Peptide serum" });
      await peptide.getByRole("checkbox").check();
      await peptide.getByText(/not approved for intradermal use/).waitFor();

      // Edits: a depth outside the zone's range is refused beside the field; sessions up to 4.
      await forehead.fill("0.75");
      await page.getByLabel("Sessions").fill("4");
      await page.getByRole("button", { name: "Save plan" }).click();
      await expect(errorOf(forehead)).resolves.toMatch(/allowed range 0.25–0.5 mm/);
      await forehead.fill("0.45");

      // Saved with the flagged serum and no reason: the API answers CONTRAINDICATED with the serum's reasons.
      await page.getByRole("button", { name: "Save plan" }).click();
      await page
        .getByRole("alert")
        .filter({ hasText: "Serums refused without an override" })
        .getByText(/Peptide serum/)
        .first()
        .waitFor();
      await shot("consult-04-plan-builder");

      // An over-long reason: the API's field error lands beside that serum's reason; nothing typed is lost.
      const serumOverride = peptide.getByLabel("Reason to plan Peptide serum anyway");
      await serumOverride.fill("x".repeat(1001));
      await page.getByRole("button", { name: "Save plan" }).click();
      await expect.poll(() => errorOf(serumOverride)).toMatch(/at most 1000 characters/);
      await expect(forehead.inputValue()).resolves.toBe("0.45");
      await expect(page.getByLabel("Sessions").inputValue()).resolves.toBe("4");

      await serumOverride.fill(serumReason);
      await page.getByRole("button", { name: "Save plan" }).click();
      await page.getByRole("heading", { level: 1, name: "Plan: Wrinkles / fine lines" }).waitFor();
      await expect(page.getByTestId("plan-progress").textContent()).resolves.toBe(
        "0 of 4 sessions done, 4 to go",
      );
      await page
        .getByRole("list", { name: "Flags for Peptide serum" })
        .getByText(/^Planned anyway by Ava Reid/)
        .waitFor();
      await page.getByText(serumReason, { exact: false }).waitFor();
      await page.getByRole("table", { name: "Planned zones" }).getByText("0.45 mm").waitFor();
      // The toast pauses while hovered (the pointer is still over Save): move away and let it close.
      await page.mouse.move(10, 10);
      await page.getByText("Treatment plan saved.").waitFor({ state: "hidden", timeout: 10_000 });
      await shot("consult-05-plan-detail");
    },
  );

  it("shows the consultation and the plan on the patient's timeline", async () => {
    await page.goto(new URL(patientPath, stack.webUrl).toString());
    const timeline = page.getByRole("list", { name: "Timeline, newest first" });
    await timeline.getByRole("link", { name: "Wrinkles / fine lines" }).first().waitFor();
    const kinds = await timeline
      .locator("li")
      .evaluateAll((items) => items.map((i) => i.getAttribute("data-kind")));
    expect(kinds).toContain("Consultation");
    expect(kinds).toContain("TreatmentPlan");
    await timeline.getByText("Cleared with 1 override").first().waitFor();
    await timeline.getByText("0 of 4 sessions done", { exact: false }).first().waitFor();
    await shot("consult-06-timeline");
  });

  it("lists Grace Evans as due today on Today", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Today" }).click();
    const due = page.getByRole("table", { name: "Patients due" });
    const row = due.getByRole("row").filter({ hasText: "Evans, Grace" }).first();
    await row.waitFor();
    await row.getByText("Due", { exact: true }).waitFor();
    await row.getByText(/\(today\)/).waitFor();
    await shot("consult-07-today");

    await page.setViewportSize({ width: 768, height: 1024 });
    await page.reload();
    await row.waitFor();
    await shot("consult-08-today-tablet");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it(
    "caps the concerns a plan treats at core's five, saying why, before saving",
    { timeout: 60_000 },
    async () => {
      // A consultation with six concerns, recorded through the API as the portal would.
      const origin = new URL(stack.apiUrl).origin;
      const auth = await fetch(`${origin}/auth/local/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "ava.reid@glow.example" }),
      });
      const { token } = (await auth.json()) as { token: string };
      const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
        const res = await fetch(stack.apiUrl, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await res.json()) as { data?: T; errors?: unknown };
        expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
        return body.data!;
      };
      const siteId = toGlobalId("Site", "harbour");
      const { createPatient } = await gql<{ createPatient: { patient: { id: string } } }>(
        `mutation($input: PatientInput!) { createPatient(input: $input) { patient { id } } }`,
        {
          input: {
            givenName: "Hana",
            familyName: "Sixconcern",
            dateOfBirth: "1984-05-06",
            fitzpatrick: "III",
            siteId,
          },
        },
      );
      const areas = [
        ["WRINKLES", "FOREHEAD"],
        ["WRINKLES", "PERIORBITAL"],
        ["ACNE_SCARRING", "CHEEKS"],
        ["LAXITY", "NECK"],
        ["PIGMENTATION", "DECOLLETAGE"],
        ["STRETCH_MARKS", "ABDOMEN"],
      ] as const;
      const { recordConsultation } = await gql<{
        recordConsultation: { consultation: { id: string } };
      }>(
        `mutation($patientId: ID!, $input: ConsultationInput!) { recordConsultation(patientId: $patientId, input: $input) { consultation { id } } }`,
        {
          patientId: createPatient.patient.id,
          input: {
            date: new Date().toISOString().slice(0, 10),
            siteId,
            concerns: areas.map(([indication, bodyArea]) => ({
              indication,
              bodyArea,
              zones: [bodyArea],
              baselineScale: "SATISFACTION",
              baselineScore: 4,
            })),
            answers: {
              activeSkinInfection: false,
              activeAcneInArea: false,
              activeHerpesOutbreak: false,
              openWounds: false,
              pregnantOrBreastfeeding: false,
              eczemaPsoriasisRosaceaFlareInArea: false,
              sunburn: false,
            },
          },
        },
      );
      await page.goto(
        new URL(
          `/patients/${encodeURIComponent(createPatient.patient.id)}/plans/new?consultation=${encodeURIComponent(recordConsultation.consultation.id)}`,
          stack.webUrl,
        ).toString(),
      );
      await page.getByRole("heading", { level: 1, name: "New treatment plan" }).waitFor();
      const concerns = page.getByRole("group", { name: "The plan treats" });
      const boxes = concerns.getByRole("checkbox");
      await expect(boxes.count()).resolves.toBe(6);
      // The first five are chosen; the sixth is locked, and the group says why.
      const checked = await boxes.evaluateAll((bs) => bs.map((b) => (b as HTMLInputElement).checked));
      expect(checked).toEqual([true, true, true, true, true, false]);
      await expect(boxes.nth(5).isDisabled()).resolves.toBe(true);
      // The group's description (aria-describedby) says why.
      const description = async () =>
        (await page.locator(`[id="${await concerns.getAttribute("aria-describedby")}"]`).textContent()) ?? "";
      await expect(description()).resolves.toBe(
        "A plan treats at most 5 concerns: plan the others separately.",
      );
      await viewShot("consult-09-plan-concern-cap", concerns);
      // Untick one: the sixth can be chosen instead, and then the rest lock again.
      await boxes.nth(0).uncheck();
      await expect(boxes.nth(5).isDisabled()).resolves.toBe(false);
      await expect(description()).resolves.toBe("At most 5 concerns per plan (4 chosen).");
      await boxes.nth(5).check();
      await expect(boxes.nth(0).isDisabled()).resolves.toBe(true);
    },
  );
});
