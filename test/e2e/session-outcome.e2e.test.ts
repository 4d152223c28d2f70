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
 * A practitioner records two sessions for Olivia Bennett (seeded: acne scarring of the cheeks,
 * Goodman & Baron grade 3 at baseline, a plan with hyaluronic acid, her anaesthetic allergy
 * overridden at the consultation): the re-screen, the pen and its cartridge, a depth outside the
 * plan with its reason, an expired serum lot refused with its reason, a double-clicked save that
 * records once, the aftercare sheet printed, the recorder stopping a 6th different serum and a 13th
 * application (the store's limits), then a score and the outcome chart with the
 * improvement. Then a clinic admin: the serum catalogue, a new serum with lots, a CONFLICT on a stale
 * edit, the trace of the lot Olivia received, and the users page.
 */
describe("session recorder, outcomes and clinic admin (local stack, Chromium)", () => {
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let patientPath = "";

  const shot = async (name: string) => {
    // From the top, so the fixed header sits where it belongs in a full-page capture; toasts hidden
    // for the capture only (they would cover the page).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: join(SHOTS, `${name}.png`),
      fullPage: true,
      style: ".mantine-Notifications-root { display: none !important; }",
    });
  };
  const errorOf = async (field: Locator): Promise<string> => {
    const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(/\s+/);
    const errorId = ids.find((id) => id.includes("error"));
    return errorId ? ((await page.locator(`[id="${errorId}"]`).textContent()) ?? "") : "";
  };
  /** Calls the API with the signed-in user's token, as a colleague's client would. */
  const api = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const session = await page.evaluate(() => sessionStorage.getItem("needlework.session"));
    const { token } = JSON.parse(session ?? "{}") as { token: string };
    const res = await fetch(stack.apiUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  };
  const signInAs = async (name: string) => {
    if (await page.getByRole("button", { name: "Sign out" }).isVisible()) {
      await page.getByRole("button", { name: "Sign out" }).click();
    } else await page.goto(stack.webUrl);
    await page.getByRole("button", { name: new RegExp(`Sign in as ${name}`) }).click();
    await page.getByTestId("signed-in-user").filter({ hasText: name }).waitFor();
  };

  /** From the patient page: the plan on the timeline, then its "Record session". */
  const openRecorder = async () => {
    await page.goto(new URL(patientPath, stack.webUrl).toString());
    await page.locator('[data-kind="TreatmentPlan"]').getByRole("link").first().click();
    await page.getByRole("link", { name: "Record session" }).click();
    await page.getByRole("heading", { level: 1, name: "Session for Olivia Bennett" }).waitFor();
  };

  /** Every yes/no re-screen question answered "No", the day set, and the session started. */
  const rescreenAndStart = async (performedOn: string, beforeStart?: () => Promise<void>) => {
    await page.getByLabel("Session date").fill(performedOn);
    const questions = page.getByRole("radiogroup");
    const n = await questions.count();
    for (let i = 0; i < n; i++) await questions.nth(i).getByLabel("No", { exact: true }).check();
    // Her anaesthetic allergy was overridden at the consultation: unchanged, so the override carries.
    const allergy = page.locator('[data-finding="ANAESTHETIC_ALLERGY"]');
    await allergy.getByText("As at the consultation").waitFor();
    await allergy.getByText(/Overridden at the consultation by Ava Reid/).waitFor();
    await beforeStart?.();
    await page.getByRole("button", { name: "Start the session" }).click();
    await page.getByRole("radiogroup", { name: /^Device/ }).waitFor();
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), "needlework-e2e-session-"));
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

  it(
    "re-screens, refuses an expired serum lot with its reason, and records the session",
    { timeout: 90_000 },
    async () => {
      await signInAs("Ava Reid");
      await page.getByRole("navigation").getByRole("link", { name: "Patients" }).click();
      await page.getByLabel("Search by name").fill("Bennett");
      const table = page.getByRole("table", { name: "Patients" });
      await expect.poll(() => table.getByRole("link").count(), { timeout: 10_000 }).toBe(1);
      await table.getByRole("link", { name: "Bennett, Olivia" }).click();
      await page.getByRole("heading", { level: 1, name: "Olivia Bennett" }).waitFor();
      patientPath = new URL(page.url()).pathname;

      await openRecorder();
      // Nothing can be recorded before the re-screen: the session's fields are not there yet.
      await expect(page.getByRole("button", { name: "Record session" }).count()).resolves.toBe(0);
      await page.getByRole("button", { name: "Start the session" }).click();
      await page.getByText("Must be answered yes or no").first().waitFor();
      await rescreenAndStart(isoDay(14));

      await page.getByLabel(/^Cartridge needle count/).fill("12");
      await page.getByLabel(/^Cartridge lot/).fill("CART-7781");
      const zone = page.getByRole("group", { name: /^Zone 1: Cheeks/ });
      const planned = (await zone.getByText(/^Planned /).textContent()) ?? "";
      await zone.getByLabel(/^Depth/).fill("2.5");
      // Outside the plan's range: the reason is asked for beside the zones, before saving.
      await zone.getByText(/2\.5 mm is outside the planned .* give a reason below/).waitFor();
      await page
        .getByLabel(/^Reason for treating outside the plan/)
        .fill("Deep boxcar scars on the left cheek; tested 2.5 mm on a small area first.");

      await page.getByRole("button", { name: "Add serum" }).click();
      const serum = page.getByRole("group", { name: /^Serum 1/ });
      await serum.getByLabel(/^Serum/).selectOption({ label: "Hyaluronic acid serum (sterile)" });
      await serum.getByLabel(/^Lot/).selectOption("HYAL-2409");
      const check = page.getByTestId("serum-check-0");
      await check.getByText("Refused: this serum lot cannot be applied.").waitFor();
      await check
        .getByText(/Lot HYAL-2409 of Hyaluronic acid serum \(sterile\) expired on 2025-09-30/)
        .waitFor();
      await check
        .getByText(/cannot be overridden/)
        .first()
        .waitFor();
      // No override path for an expired lot.
      await expect(serum.getByLabel(/^Reason to apply it despite the block/).count()).resolves.toBe(0);
      await shot("session-01-recorder-expired-lot");

      // Saving anyway is refused beside the lot, with the reason.
      await page.getByRole("button", { name: "Record session" }).click();
      const lot = serum.getByLabel(/^Lot/);
      await expect.poll(() => lot.getAttribute("aria-invalid")).toBe("true");
      await expect(errorOf(lot)).resolves.toMatch(/cannot be used: Lot HYAL-2409 .* expired/);

      await lot.selectOption("HYAL-2511");
      await check.getByText("Checked: no allergy, clearance or lot problem.").waitFor();

      // A topical-only serum is a BLOCK the API lets through with a reason: the reason is asked for.
      await page.getByRole("button", { name: "Add serum" }).click();
      const topical = page.getByRole("group", { name: /^Serum 2/ });
      await topical.getByLabel(/^Serum/).selectOption({ label: "Vitamin C serum (topical after healing)" });
      await topical.getByLabel(/^Lot/).selectOption("VITA-2511");
      const topicalCheck = page.getByTestId("serum-check-1");
      await topicalCheck.getByText(/is for topical use after healing only/).waitFor();
      await topical.getByLabel(/^Reason to apply it despite the block/).waitFor();
      await page.getByRole("button", { name: "Record session" }).click();
      await expect
        .poll(() => errorOf(topical.getByLabel(/^Reason to apply it despite the block/)))
        .toBe("Override reason is required to apply a serum despite a block");
      await topical.getByRole("button", { name: /^Remove serum 2/ }).click();
      await page.getByLabel("Immediate reactions").fill("Even pinpoint bleeding, moderate erythema.");
      await page.getByRole("button", { name: "Add adverse event" }).click();
      const event = page.getByRole("group", { name: "Adverse event 1" });
      await event.getByLabel(/^Type/).selectOption("ERYTHEMA_OEDEMA");
      await event.getByLabel(/^Duration/).fill("2");
      await event.getByLabel(/^Serum involved/).selectOption({ label: "Hyaluronic acid serum (sterile)" });
      await event.getByLabel(/^Lot/).selectOption("HYAL-2511");
      await page.getByRole("button", { name: "Record session" }).click();

      await page.getByRole("heading", { level: 1, name: /^Session of .*: Olivia Bennett$/ }).waitFor();
      const treatment = page.getByRole("region", { name: "Treatment" });
      await treatment.getByText(`(planned ${planned.replace(/^Planned | mm$/g, "")})`).waitFor();
      await treatment.getByText(/Deep boxcar scars/).waitFor();
      await page
        .getByRole("region", { name: "Serums and lots" })
        .getByText(/lot HYAL-2511/)
        .waitFor();
      await page.getByRole("region", { name: "Adverse events" }).getByText("Redness / swelling").waitFor();
      await shot("session-02-detail");
    },
  );

  it("prints the aftercare sheet alone on A4", async () => {
    const sheet = page.getByRole("article", { name: "Aftercare after microneedling" });
    await sheet.getByText("Use SPF every day.").waitFor();
    // A4 at 96 dpi, print media: the shell and the clinical record are hidden, the sheet is not.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner").isVisible()).resolves.toBe(false);
    await expect(page.getByRole("navigation").isVisible()).resolves.toBe(false);
    await expect(page.getByRole("button", { name: "Print aftercare sheet" }).isVisible()).resolves.toBe(
      false,
    );
    await expect(sheet.isVisible()).resolves.toBe(true);
    await expect(sheet.getByText("Olivia Bennett").isVisible()).resolves.toBe(true);
    const left = await sheet.evaluate((el) => el.getBoundingClientRect().left);
    expect(left).toBeLessThan(20);
    await shot("session-03-aftercare-print");
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it(
    "stops a 6th different serum and a 13th application before saving (the store's limits)",
    { timeout: 90_000 },
    async () => {
      await openRecorder();
      await rescreenAndStart(isoDay(0));
      const add = page.getByRole("button", { name: "Add serum" });
      const serumOf = (n: number) => page.getByRole("group", { name: new RegExp(`^Serum ${n}\\b`) });
      await add.click();
      const options = await serumOf(1)
        .getByLabel(/^Serum/)
        .locator("option:not([disabled])")
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      expect(options.length).toBeGreaterThan(5);
      const five = options.slice(0, 5);
      await serumOf(1)
        .getByLabel(/^Serum/)
        .selectOption(five[0]!);
      for (let n = 2; n <= 5; n++) {
        await add.click();
        await serumOf(n)
          .getByLabel(/^Serum/)
          .selectOption(five[n - 1]!);
      }
      // A 6th row may repeat one of the five, not add a sixth: the others are disabled, and it says why.
      await add.click();
      const sixth = serumOf(6).getByLabel(/^Serum/);
      const enabled = await sixth
        .locator("option:not([disabled])")
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      expect(enabled.sort()).toEqual([...five].sort());
      await expect(sixth.locator(`option[value="${options[5]}"]`).isDisabled()).resolves.toBe(true);
      await serumOf(6)
        .getByText("A session records at most 5 different serums: choose one already applied")
        .waitFor();
      await sixth.selectOption(five[0]!);
      // Up to twelve applications; then Add serum is disabled, with the reason beside it.
      for (let n = 7; n <= 12; n++) await add.click();
      await expect(page.getByRole("group", { name: /^Serum \d+/ }).count()).resolves.toBe(12);
      await expect(add.isDisabled()).resolves.toBe(true);
      const why = page.getByText("A session records at most 12 serum applications.");
      await why.waitFor();
      await expect(add.getAttribute("aria-describedby")).resolves.toBe(await why.getAttribute("id"));
      await add.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, "session-07-serum-limits.png") });
      // Removing one lets a row be added again.
      await serumOf(12)
        .getByRole("button", { name: /^Remove serum 12/ })
        .click();
      await expect(add.isDisabled()).resolves.toBe(false);
    },
  );

  it(
    "records the second session once, however often Record is clicked (idempotency key)",
    { timeout: 90_000 },
    async () => {
      await openRecorder();
      const plan = new URL(page.url()).searchParams.get("plan") ?? "";
      const progress = async () =>
        (
          await api<{ node: { progress: { done: number } } }>(
            "query($id: ID!) { node(id: $id) { ... on TreatmentPlan { progress { done } } } }",
            { id: plan },
          )
        ).node.progress.done;
      const before = await progress();

      // Tablet width: the recorder as a practitioner holds it in the treatment room.
      await page.setViewportSize({ width: 768, height: 1024 });
      const flareReason =
        "Flare is on the neck, well away from the treated cheeks; reviewed with the patient.";
      await rescreenAndStart(isoDay(0), async () => {
        // A new BLOCK since the consultation: shown with its reason, and it needs an override to go on.
        await page
          .getByRole("radiogroup", { name: /^Eczema, psoriasis or rosacea flaring/ })
          .getByLabel("Yes", { exact: true })
          .check();
        const flare = page.locator("[data-finding]").filter({ hasText: "New since the consultation" });
        await flare.getByText("Block", { exact: true }).waitFor();
        await page.getByRole("button", { name: "Start the session" }).click();
        const reason = flare.getByLabel(/^Reason to proceed despite this/);
        await expect.poll(() => errorOf(reason)).toBe("Give a reason to proceed despite this block");
        await reason.fill(flareReason);
        await shot("session-04-rescreen-new-block-tablet");
      });
      await page.getByText(`New today, overridden: “${flareReason}”`).waitFor();
      await page.getByLabel(/^Cartridge needle count/).fill("12");
      await page.getByLabel(/^Cartridge lot/).fill("CART-7790");
      await page.getByRole("button", { name: "Add serum" }).click();
      const serum = page.getByRole("group", { name: /^Serum 1/ });
      await serum.getByLabel(/^Serum/).selectOption({ label: "Hyaluronic acid serum (sterile)" });
      await serum.getByLabel(/^Lot/).selectOption("HYAL-2511");
      await page
        .getByTestId("serum-check-0")
        .getByText(/^Checked: no allergy/)
        .waitFor();
      await shot("session-05-recorder-tablet");

      await page.getByRole("button", { name: "Record session" }).dblclick();
      await page.getByRole("heading", { level: 1, name: /^Session of .*: Olivia Bennett$/ }).waitFor();
      await expect(progress()).resolves.toBe(before + 1);
      // The override is on the record: who, when and why.
      await page
        .getByRole("region", { name: "Re-screen on the day" })
        .getByText(new RegExp(`overridden by Ava Reid on .*${flareReason.slice(0, 20)}`))
        .waitFor();
      await page.setViewportSize({ width: 1280, height: 900 });
    },
  );

  it("scores the concern and the outcome chart shows the improvement against the baseline", async () => {
    await page.getByRole("link", { name: "Score outcomes" }).click();
    await page.getByRole("heading", { level: 1, name: "Outcomes: Olivia Bennett" }).waitFor();
    const form = page.getByRole("form", { name: "Record an assessment" });
    await expect(form.getByLabel(/^Concern/).inputValue()).resolves.not.toBe("");
    const scale = form.getByLabel(/^Scale/);
    // Only the scales that measure acne scarring (and the general ones) are offered.
    const offered = await scale.locator("option").allTextContents();
    expect(offered).toContain("Goodman & Baron qualitative acne scar grade");
    expect(offered).not.toContain("Modified Melasma Area and Severity Index");
    expect(offered).not.toContain("Lemperle wrinkle assessment scale");
    await expect(scale.inputValue()).resolves.toBe("GOODMAN_BARON_QUALITATIVE");
    await form.getByLabel(/^Score/).selectOption("1");
    await form.getByRole("button", { name: "Record score" }).click();

    const chart = page.getByRole("region", { name: /^Acne scarring \(Cheeks\)/ });
    await chart
      .getByTestId("improvement")
      .getByText("2 points better than the baseline (3 → 1, 67% better). Lower is better on this scale.")
      .waitFor();
    await chart
      .getByRole("img", { name: /Goodman & Baron qualitative acne scar grade across visits/ })
      .waitFor();
    await expect(chart.locator(".recharts-reference-line").count()).resolves.toBe(1);
    const rows = chart.getByRole("table", { name: /scores$/ }).getByRole("row");
    await rows.filter({ hasText: "1 (Macular)" }).filter({ hasText: "2 better (67%)" }).waitFor();
    await rows
      .filter({ hasText: /baseline/ })
      .filter({ hasText: "3 (Moderate)" })
      .first()
      .waitFor();
    await chart.scrollIntoViewIfNeeded();
    await shot("session-06-outcome-chart");
  });

  it(
    "lets a clinic admin keep the serum catalogue: expired lots marked, a new serum checked like the API, lots added",
    { timeout: 90_000 },
    async () => {
      await signInAs("Mia Chen");
      const adminNav = page.getByRole("navigation").getByRole("group", { name: "Clinic admin" });
      await adminNav.getByRole("link", { name: "Serum catalogue" }).click();
      const catalogue = page.getByRole("table", { name: "Serum catalogue" });
      const hyaluronic = catalogue.getByRole("row").filter({ hasText: "Hyaluronic acid serum (sterile)" });
      await hyaluronic.getByText("HYAL-2409 · expired 30 Sept 2025").waitFor();
      await hyaluronic.getByText("Cleared for needling").waitFor();
      await shot("admin-01-serum-catalogue");

      await page.getByRole("link", { name: "New serum" }).click();
      await page.getByLabel(/^Name/).fill("Polynucleotide booster (e2e)");
      const ingredients = page.getByRole("combobox", { name: /^Ingredients/ });
      await ingredients.fill("Polynucleotides");
      await ingredients.press("Enter");
      await ingredients.fill("Sodium chloride");
      await ingredients.press("Enter");
      await page.getByRole("radio", { name: "Cleared for use during needling" }).check();
      await page.getByRole("radio", { name: "Not sterile" }).check();
      await page.getByRole("button", { name: "Add to the catalogue" }).click();
      await page.getByText(/^Sterile a serum cleared for use during needling must be sterile/).waitFor();
      await page.getByRole("radio", { name: "Sterile", exact: true }).check();
      await page.getByRole("button", { name: "Add to the catalogue" }).click();
      await page.getByRole("heading", { level: 1, name: "Polynucleotide booster (e2e)" }).waitFor();

      const lots = page.getByRole("form", { name: "Add a lot" });
      await lots.getByLabel(/^Lot number/).fill("PN-2401");
      await lots.getByLabel(/^Expiry/).fill("2025-01-31");
      await lots.getByRole("button", { name: "Add lot" }).click();
      const lotRows = page.getByRole("table", { name: /^Lots of/ }).getByRole("row");
      await lotRows
        .filter({ hasText: "PN-2401" })
        .filter({ hasText: "31 Jan 2025" })
        .getByText("Expired: never applied")
        .waitFor();
      await lots.getByLabel(/^Lot number/).fill("pn-2401");
      await lots.getByLabel(/^Expiry/).fill("2030-01-31");
      await lots.getByRole("button", { name: "Add lot" }).click();
      await expect.poll(() => errorOf(lots.getByLabel(/^Lot number/))).toMatch(/already in the catalogue/);
      await lots.getByLabel(/^Lot number/).fill("PN-2602");
      await lots.getByRole("button", { name: "Add lot" }).click();
      await lotRows
        .filter({ hasText: "PN-2602" })
        .filter({ hasText: "31 Jan 2030" })
        .getByText("Usable")
        .waitFor();
      await shot("admin-02-serum-lots");
    },
  );

  it("explains a CONFLICT when another admin saved the serum first, keeping what was typed", async () => {
    const id = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
    await page.getByLabel(/^Name/).fill("Polynucleotide booster 2% (e2e)");
    const { node } = await api<{ node: { version: number } }>(
      "query($id: ID!) { node(id: $id) { ... on SerumAddOn { version } } }",
      { id },
    );
    await api(
      "mutation($id: ID!, $v: Int!, $i: SerumInput!) { updateSerum(id: $id, version: $v, input: $i) { serum { version } } }",
      {
        id,
        v: node.version,
        i: {
          name: "Polynucleotide booster (e2e)",
          ingredients: ["Polynucleotides"],
          clearance: "CLEARED_FOR_NEEDLING",
          sterile: true,
        },
      },
    );
    await page.getByRole("button", { name: "Save changes" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Someone else changed this serum" });
    await alert.waitFor();
    await expect(page.getByLabel(/^Name/).inputValue()).resolves.toBe("Polynucleotide booster 2% (e2e)");
    await alert.getByRole("button", { name: /Keep my changes/ }).click();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: "Polynucleotide booster 2% (e2e)" }).waitFor();
  });

  it("traces the lot Olivia received to her sessions", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Lot trace" }).click();
    const form = page.getByRole("form", { name: "Trace a lot" });
    await form.getByLabel(/^Serum/).selectOption({ label: "Hyaluronic acid serum (sterile)" });
    await form.getByLabel(/^Lot/).selectOption("HYAL-2511");
    await form.getByRole("button", { name: "Trace", exact: true }).click();
    const results = page.getByRole("table", { name: "Patients who received lot HYAL-2511" });
    const olivia = results.getByRole("row").filter({ hasText: "Bennett, Olivia" });
    await expect.poll(() => olivia.count()).toBeGreaterThanOrEqual(2);
    // The erythema of her first session names this lot.
    await olivia.getByText("Redness / swelling").waitFor();
    await expect(page.getByTestId("trace-summary").textContent()).resolves.toMatch(/application/);
    await shot("admin-03-lot-trace");
  });

  it("adds, renames and archives a site; settings outside the API's range are refused beside the field", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Sites" }).click();
    const add = page.getByRole("form", { name: "Add a site" });
    await add.getByRole("button", { name: "Add site" }).click();
    await add.getByText("Name is required").waitFor();
    await add.getByLabel(/^New site name/).fill("Canal Side");
    await add.getByRole("button", { name: "Add site" }).click();
    const sites = page.getByRole("table", { name: "Sites" });
    const row = sites.getByRole("row").filter({ hasText: "Canal Side" });
    await row.getByText("Open").waitFor();
    await row.getByRole("button", { name: "Rename Canal Side" }).click();
    await page.getByRole("form", { name: "Rename Canal Side" }).getByLabel(/^Name/).fill("Canal Street");
    await page.getByRole("form", { name: "Rename Canal Side" }).getByRole("button", { name: "Save" }).click();
    const renamed = sites.getByRole("row").filter({ hasText: "Canal Street" });
    await renamed.getByRole("button", { name: "Archive Canal Street" }).click();
    await renamed.getByText("Archived").waitFor();

    await page.getByRole("navigation").getByRole("link", { name: "Clinic settings" }).click();
    const months = page.getByLabel(/^Retreatment after a course/);
    await months.fill("24");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect
      .poll(() => errorOf(months))
      .toMatch(/Retreatment after a course: must be between 3 and 12 months/);
    await months.fill("9");
    await page
      .getByLabel(/^Clinic's own aftercare text/)
      .fill("Questions? Call Harbour Street on 0161 000 0000.");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText(/^Version 1, saved/).waitFor();
  });

  it("shows the users with their roles and sites, and refuses a practitioner without a site", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Users" }).click();
    const users = page.getByRole("table", { name: "Users" });
    await users
      .getByRole("row")
      .filter({ hasText: "Sam Okafor" })
      .getByText("Harbour Street, Riverside")
      .waitFor();
    await page.getByRole("button", { name: "Invite a user" }).click();
    const invite = page.getByRole("form", { name: "Invite a user" });
    await invite.getByLabel(/^Email/).fill("nina.patel@glow.example");
    await invite.getByLabel(/^Name/).fill("Nina Patel");
    await invite.getByRole("button", { name: "Invite" }).click();
    await invite.getByText("Sites a practitioner needs at least one site").waitFor();
    await invite.getByLabel("Riverside").check();
    await invite.getByRole("button", { name: "Invite" }).click();
    await users.getByRole("row").filter({ hasText: "Nina Patel" }).getByText("Riverside").waitFor();
    await shot("admin-04-users");
  });
});
