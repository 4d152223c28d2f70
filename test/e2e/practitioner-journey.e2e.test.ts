import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../packages/store/src/local/dynamo-local";
import { startLocalStack } from "../../scripts/local-stack";
import { launchBrowser } from "../support/browser";

const SHOTS = fileURLToPath(new URL("../../screenshots/", import.meta.url));

const isoDay = (daysAgo: number): string =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/**
 * One practitioner (Ava Reid, Harbour Street), one patient (Grace Evans, on warfarin), the whole
 * clinical flow in one browser: the consultation's BLOCK shown and overridden with a reason (baseline
 * Lemperle 3 for forehead wrinkles), the plan from the protocol's suggestion, two sessions (an expired
 * serum lot refused with its reason in the first), an assessment, and the outcome chart showing the
 * improvement against the baseline.
 */
describe("a practitioner's journey from consultation to the outcome chart (local stack, Chromium)", () => {
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let patientPath = "";
  const overrideReason = "INR stable at 2.1; haematologist agrees to superficial needling (letter on file).";

  const shot = async (name: string) => {
    // From the top, so the fixed header sits where it belongs; toasts hidden for the capture only.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: join(SHOTS, `${name}.png`),
      fullPage: true,
      style: ".mantine-Notifications-root { display: none !important; }",
    });
  };
  const question = (label: string): Locator => page.getByRole("radiogroup", { name: label });
  const errorOf = async (field: Locator): Promise<string> => {
    const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(/\s+/);
    const errorId = ids.find((id) => id.includes("error"));
    return errorId ? ((await page.locator(`[id="${errorId}"]`).textContent()) ?? "") : "";
  };

  /** From the patient page: the plan on the timeline, then its "Record session". */
  const openRecorder = async () => {
    await page.goto(new URL(patientPath, stack.webUrl).toString());
    await page.locator('[data-kind="TreatmentPlan"]').getByRole("link").first().click();
    await page.getByRole("link", { name: "Record session" }).click();
    await page.getByRole("heading", { level: 1, name: "Session for Grace Evans" }).waitFor();
  };

  /** Every yes/no re-screen question answered "No", the day set, and the session started. */
  const rescreenAndStart = async (performedOn: string) => {
    await page.getByLabel("Session date").fill(performedOn);
    const questions = page.getByRole("radiogroup");
    const n = await questions.count();
    for (let i = 0; i < n; i++) await questions.nth(i).getByLabel("No", { exact: true }).check();
    // Her warfarin block was overridden at the consultation: unchanged, so the override carries.
    const anticoagulant = page.locator('[data-finding="ANTICOAGULANT"]');
    await anticoagulant.getByText("As at the consultation").waitFor();
    await anticoagulant.getByText(/Overridden at the consultation by Ava Reid/).waitFor();
    await page.getByRole("button", { name: "Start the session" }).click();
    await page.getByRole("radiogroup", { name: /^Device/ }).waitFor();
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), "needlework-e2e-journey-"));
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

  it("signs in as Ava Reid and opens Grace Evans, whose warfarin is flagged", async () => {
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
    await page
      .getByRole("region", { name: "Safety summary" })
      .getByRole("list", { name: "Contraindication flags" })
      .getByText(/Taking an anticoagulant/)
      .waitFor();
  });

  it(
    "records the consultation: the BLOCK is shown, then overridden with a reason",
    { timeout: 60_000 },
    async () => {
      await page.getByRole("link", { name: "New consultation" }).click();
      await page.getByRole("heading", { level: 1, name: "New consultation" }).waitFor();
      const screen = page.getByRole("region", { name: "Contraindication screen" });
      await screen.getByText(/Taking an anticoagulant/).waitFor();
      await screen.getByText(/Source: medication: Warfarin/).waitFor();

      const concern = page.getByRole("group", { name: "Concern 1" });
      await concern.getByRole("combobox", { name: "Concern", exact: true }).selectOption("WRINKLES");
      await concern.getByLabel("Body area").selectOption("FOREHEAD");
      await expect(concern.getByLabel("Baseline scale").inputValue()).resolves.toBe("LEMPERLE");
      await concern.getByLabel("Baseline score").selectOption("3");
      await concern.getByRole("combobox", { name: "Zones to treat" }).click();
      const zoneList = page.getByRole("listbox", { name: "Zones to treat" });
      await zoneList.getByRole("option", { name: "Forehead" }).click();
      await zoneList.getByRole("option", { name: "Around the eyes" }).click();
      await page.keyboard.press("Escape");

      for (const label of [
        "Active skin infection in the treatment area?",
        "Active (inflamed) acne in the treatment area?",
        "Cold sore or other herpes outbreak now?",
        "Open wounds, cuts or broken skin in the area?",
        "Pregnant or breastfeeding?",
        "Eczema, psoriasis or rosacea flaring in the area?",
        "Currently having chemotherapy or radiotherapy?",
        "Sunburn in the treatment area?",
      ])
        await question(label).getByLabel("No").check();
      await expect.poll(() => screen.getByTestId("screen-summary").textContent()).toMatch(/^1 block:/);
      await shot("journey-01-consultation-block");

      await page.getByRole("button", { name: "Save consultation" }).click();
      await page.getByRole("heading", { level: 1, name: /^Consultation on / }).waitFor();
      await page.getByRole("alert").filter({ hasText: "Not cleared: a plan cannot be made yet" }).waitFor();

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
      await shot("journey-02-consultation-overridden");
    },
  );

  it("saves the plan from the protocol's suggestion", { timeout: 60_000 }, async () => {
    await page.getByRole("link", { name: "Build a treatment plan" }).click();
    await page.getByRole("heading", { level: 1, name: "New treatment plan" }).waitFor();
    await page
      .getByTestId("suggestion")
      .getByText(/3 sessions every 4 weeks/)
      .waitFor();
    const zones = page.getByRole("table", { name: "Planned zones" });
    await expect(zones.getByLabel("Depth for Forehead in mm").inputValue()).resolves.toBe("0.35");
    const hyaluronic = page.getByRole("group", { name: "Hyaluronic acid serum (sterile)" });
    await expect(hyaluronic.getByRole("checkbox").isChecked()).resolves.toBe(true);
    await hyaluronic.getByText("No flags for this patient.").waitFor();
    await shot("journey-03-plan-builder");

    await page.getByRole("button", { name: "Save plan" }).click();
    await page.getByRole("heading", { level: 1, name: "Plan: Wrinkles / fine lines" }).waitFor();
    await expect(page.getByTestId("plan-progress").textContent()).resolves.toBe(
      "0 of 3 sessions done, 3 to go",
    );
    // The toast pauses while hovered (the pointer is still over Save): move away and let it close.
    await page.mouse.move(10, 10);
    await page.getByText("Treatment plan saved.").waitFor({ state: "hidden", timeout: 10_000 });
    await shot("journey-04-plan-detail");
  });

  it(
    "records the first session, refusing an expired serum lot with its reason",
    { timeout: 90_000 },
    async () => {
      await openRecorder();
      await rescreenAndStart(isoDay(14));
      await page.getByLabel(/^Cartridge needle count/).fill("12");
      await page.getByLabel(/^Cartridge lot/).fill("CART-7781");

      await page.getByRole("button", { name: "Add serum" }).click();
      const serum = page.getByRole("group", { name: /^Serum 1/ });
      await serum.getByLabel(/^Serum/).selectOption({ label: "Hyaluronic acid serum (sterile)" });
      await serum.getByLabel(/^Lot/).selectOption("HYAL-2409");
      const check = page.getByTestId("serum-check-0");
      await check.getByText("Refused: this serum lot cannot be applied.").waitFor();
      await check
        .getByText(/Lot HYAL-2409 of Hyaluronic acid serum \(sterile\) expired on 2025-09-30/)
        .waitFor();
      await expect(serum.getByLabel(/^Reason to apply it despite the block/).count()).resolves.toBe(0);

      // Saving anyway is refused beside the lot, with the reason.
      await page.getByRole("button", { name: "Record session" }).click();
      const lot = serum.getByLabel(/^Lot/);
      await expect.poll(() => lot.getAttribute("aria-invalid")).toBe("true");
      await expect(errorOf(lot)).resolves.toMatch(/cannot be used: Lot HYAL-2409 .* expired/);
      await shot("journey-05-session-expired-lot-refused");

      await lot.selectOption("HYAL-2511");
      // Two zones are treated: the serum names the one it went on.
      await serum.getByLabel(/^Zone/).selectOption({ label: "Forehead" });
      await check.getByText("Checked: no allergy, clearance or lot problem.").waitFor();
      await page.getByRole("button", { name: "Record session" }).click();
      await page.getByRole("heading", { level: 1, name: /^Session of .*: Grace Evans$/ }).waitFor();
      await page
        .getByRole("region", { name: "Serums and lots" })
        .getByText(/lot HYAL-2511/)
        .waitFor();
      await shot("journey-06-session-1");
    },
  );

  it("records the second session", { timeout: 90_000 }, async () => {
    await openRecorder();
    await rescreenAndStart(isoDay(0));
    await page.getByLabel(/^Cartridge needle count/).fill("12");
    await page.getByLabel(/^Cartridge lot/).fill("CART-7790");
    await page.getByRole("button", { name: "Add serum" }).click();
    const serum = page.getByRole("group", { name: /^Serum 1/ });
    await serum.getByLabel(/^Serum/).selectOption({ label: "Hyaluronic acid serum (sterile)" });
    await serum.getByLabel(/^Lot/).selectOption("HYAL-2511");
    await serum.getByLabel(/^Zone/).selectOption({ label: "Forehead" });
    await page
      .getByTestId("serum-check-0")
      .getByText(/^Checked: no allergy/)
      .waitFor();
    await page.getByRole("button", { name: "Record session" }).click();
    await page.getByRole("heading", { level: 1, name: /^Session of .*: Grace Evans$/ }).waitFor();
    await shot("journey-07-session-2");
  });

  it("scores the concern and the outcome chart shows the improvement against the baseline", async () => {
    await page.getByRole("link", { name: "Score outcomes" }).click();
    await page.getByRole("heading", { level: 1, name: "Outcomes: Grace Evans" }).waitFor();
    const form = page.getByRole("form", { name: "Record an assessment" });
    await expect(form.getByLabel(/^Concern/).inputValue()).resolves.not.toBe("");
    await expect(form.getByLabel(/^Scale/).inputValue()).resolves.toBe("LEMPERLE");
    await form.getByLabel(/^Score/).selectOption("1");
    await form.getByRole("button", { name: "Record score" }).click();

    // Grace also has the seeded, still unscored consultation of 10 Nov (baseline 4): its chart is the
    // other "Wrinkles / fine lines (Forehead)" region, so ours is the one with the improvement.
    const chart = page
      .getByRole("region", { name: /^Wrinkles \/ fine lines \(Forehead\)/ })
      .filter({ hasText: "2 points better than the baseline" });
    await chart
      .getByTestId("improvement")
      .getByText("2 points better than the baseline (3 → 1, 67% better). Lower is better on this scale.")
      .waitFor();
    await chart
      .getByRole("img", {
        name: /Lemperle wrinkle assessment scale across visits against the baseline\. 2 points better/,
      })
      .waitFor();
    await expect(chart.locator(".recharts-reference-line").count()).resolves.toBe(1);
    const rows = chart.getByRole("table", { name: /scores$/ }).getByRole("row");
    await rows.filter({ hasText: "2 better (67%)" }).waitFor();
    await rows
      .filter({ hasText: /baseline/ })
      .first()
      .waitFor();
    await chart.scrollIntoViewIfNeeded();
    await shot("journey-08-outcome-chart");
  });
});
