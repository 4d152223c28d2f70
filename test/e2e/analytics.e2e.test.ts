import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@needlework/core";
import { demoPrincipals } from "@needlework/store/local";
import { freePort } from "../../packages/store/src/local/dynamo-local";
import { startLocalStack } from "../../scripts/local-stack";
import { COHORT, recordCohort } from "../analytics/cohort";
import type { GqlResult } from "../support/api";
import { launchBrowser } from "../support/browser";
import { toGlobalId } from "@needlework/api";

const SHOTS = fileURLToPath(new URL("../../screenshots/", import.meta.url));

/**
 * The analyst's dashboard on the local stack: a treated cohort is recorded through the API, then the
 * analyst opens Outcomes, reads the KPI tiles and the two charts, filters by concern, and exports the
 * CSV with the progress bar, and the file names no patient.
 */
describe("outcomes dashboard in the portal (local stack, Chromium)", () => {
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let gql: <T>(query: string, variables?: Record<string, unknown>, as?: Principal) => Promise<GqlResult<T>>;
  let analyst: Principal;

  const shot = async (name: string) => {
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), "needlework-e2e-analytics-"));
    const [apiPort, webPort, dynamoPort] = [await freePort(), await freePort(), await freePort()];
    stack = await startLocalStack({ dataDir, apiPort, webPort, dynamoPort, seed: true, quiet: true });
    // The practitioners record the cohort through the API, as the portal would.
    const origin = new URL(stack.apiUrl).origin;
    const tokens = new Map<string, string>();
    const users: Record<string, Principal> = {};
    for (const p of demoPrincipals()) users[p.email.split(/[.@]/)[0]!] = p;
    const api = {
      users,
      async gql<T>(
        query: string,
        variables: Record<string, unknown> = {},
        as?: Principal | string | null,
      ): Promise<GqlResult<T>> {
        const who = typeof as === "object" && as ? as : users.ava!;
        let token = tokens.get(who.email);
        if (!token) {
          const res = await fetch(`${origin}/auth/local/token`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ email: who.email }),
          });
          token = ((await res.json()) as { token: string }).token;
          tokens.set(who.email, token);
        }
        const res = await fetch(stack.apiUrl, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        return { ...((await res.json()) as GqlResult<T>), status: res.status };
      },
    };
    await recordCohort(api);
    gql = api.gql.bind(api);
    analyst = users.leo!;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(20_000);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("the analyst opens Outcomes from the navigation: KPI tiles and both charts", async () => {
    await page.goto(stack.webUrl);
    await page.getByRole("button", { name: /Sign in as Leo Hart/ }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outcomes" }).click();
    await page.getByRole("heading", { level: 1, name: "Outcomes" }).waitFor();
    for (const id of [
      "courseCompletionRate",
      "rebookingRate",
      "adverseEventRatePer100",
      "timeBetweenSessionsVsPlan",
    ])
      await page.getByTestId(`kpi-${id}`).waitFor();
    await page.getByTestId("concern-depth-chart").locator(".recharts-bar-rectangle").first().waitFor();
    await page.getByTestId("serum-chart").locator(".recharts-bar-rectangle").first().waitFor();
    await expect(page.getByTestId("kpi-adverseEventRatePer100").textContent()).resolves.toMatch(
      /Adverse events per 100 sessions\s*definition\s*\d/,
    );
    await expect(page.getByRole("table", { name: "By serum" }).textContent()).resolves.toContain(
      "Hyaluronic acid serum",
    );
    await shot("20-outcomes-dashboard");
  });

  it("filters the KPIs and the concern × depth chart by concern", async () => {
    const before = await page.getByTestId("kpi-adverseEventRatePer100").textContent();
    await page.getByLabel("Concern", { exact: true }).first().click();
    await page.getByRole("option", { name: "Acne scarring" }).click();
    await expect.poll(() => page.getByTestId("kpi-adverseEventRatePer100").textContent()).not.toBe(before);
    await expect
      .poll(async () =>
        (
          await page
            .getByRole("table", { name: "Concern × depth band" })
            .locator("tbody tr")
            .allTextContents()
        ).every((t) => t.startsWith("Acne scarring")),
      )
      .toBe(true);
  });

  it("exports the CSV with a progress bar; the file names no patient", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const file = await download;
    await expect
      .poll(() => page.getByTestId("export-status").textContent())
      .toMatch(/^Exported (\d+) of \1 rows$/);
    await shot("21-outcomes-export");
    const path = join(dataDir, file.suggestedFilename());
    await file.saveAs(path);
    expect(file.suggestedFilename()).toMatch(/^outcomes-\d{4}-\d{2}-\d{2}-acne_scarring\.csv$/);
    const csv = readFileSync(path, "utf8");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^record_id,patient_key,age_band/);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.slice(1).every((l) => l.includes(",ACNE_SCARRING,"))).toBe(true);
    for (const spec of COHORT) {
      expect(csv).not.toContain(spec.patient.familyName);
      expect(csv).not.toContain(spec.patient.dateOfBirth);
    }
  });

  it("filters by a range of months and a site: both charts and the KPI tiles show what the API answers for it", async () => {
    await page.getByRole("button", { name: "Clear filters" }).click();
    const serumRows = () =>
      page.getByRole("table", { name: "By serum" }).locator("tbody tr").allTextContents();
    const matrixRows = () =>
      page.getByRole("table", { name: "Concern × depth band" }).locator("tbody tr").allTextContents();
    await expect
      .poll(async () => (await matrixRows()).some((t) => !t.startsWith("Acne scarring")))
      .toBe(true);
    const allSerums = await serumRows();
    const allMatrix = await matrixRows();

    // A range over the recorded cohort's courses (its first sessions are 290 to 270 days ago).
    const today = new Date();
    const ago = (days: number) => new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 7);
    const [from, to] = [ago(300), ago(180)];
    const monthName = (ym: string) =>
      new Date(`${ym}-01T00:00:00Z`).toLocaleString("en-GB", {
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      });
    const pick = async (label: string, ym: string) => {
      await page.getByLabel(label, { exact: true }).click();
      for (let i = 0; i < Number(today.getUTCFullYear()) - Number(ym.slice(0, 4)); i++)
        await page.getByRole("button", { name: "Previous year" }).last().click();
      await page.getByRole("button", { name: monthName(ym) }).click();
    };
    await pick("From month", from);
    await pick("To month", to);
    await page.getByLabel("Site", { exact: true }).first().click();
    await page.getByRole("option", { name: "Harbour Street" }).click();

    // What the API answers for the same filters (the portal sends these).
    const filter = { from: `${from}-01`, to: `${to}-01`, siteId: toGlobalId("Site", "harbour") };
    const answer = await gql<{
      serums: { rows: { label: string; n: number; sessions: number }[] };
      concernDepthMatrix: { depthBand: string; summary: { n: number; sessions: number } }[];
      kpis: { adverseEvents: { numerator: number; denominator: number } };
    }>(
      `query($f: OutcomeFilter) { serums: outcomeSummary(groupBy: SERUM, filter: $f) { rows { label n sessions } } concernDepthMatrix(filter: $f) { depthBand summary { n sessions } } kpis(filter: $f) { adverseEvents { numerator denominator } } }`,
      { f: filter },
      analyst,
    );
    expect(answer.errors).toBeUndefined();
    const want = answer.data!;
    expect(want.serums.rows.length).toBeGreaterThan(0);
    // Rows: label, n, mean, improved, sessions, adverse events per 100.
    const cells = (t: string[]) => t.map((r) => r.replace(/\s+/g, " "));
    await expect.poll(async () => (await serumRows()).length).toBe(want.serums.rows.length);
    const shown = cells(await serumRows());
    want.serums.rows.forEach((r, i) => {
      expect(shown[i]).toContain(r.label);
    });
    await expect.poll(async () => (await matrixRows()).length).toBe(want.concernDepthMatrix.length);
    // The data says the range and the site narrow both charts.
    expect(await serumRows()).not.toEqual(allSerums);
    expect(await matrixRows()).not.toEqual(allMatrix);
    const sessionsShown = (
      await page
        .getByRole("table", { name: "By serum" })
        .locator("tbody tr td:nth-child(5)")
        .allTextContents()
    ).map(Number);
    expect(sessionsShown).toEqual(want.serums.rows.map((r) => r.sessions));
    const ae = want.kpis.adverseEvents;
    await expect
      .poll(() => page.getByTestId("kpi-adverseEventRatePer100").textContent())
      .toContain(`${ae.numerator} / ${ae.denominator}`);
    // One of site, concern, device or depth band at a time: the others wait.
    expect(await page.getByLabel("Device", { exact: true }).first().isDisabled()).toBe(true);
    await shot("22-outcomes-filtered");
  });

  it("practitioners have no Outcomes entry and are told why at the address", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: /Sign in as Ava Reid/ }).click();
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outcomes" }).count(),
    ).resolves.toBe(0);
    await page.goto(new URL("/analytics", stack.webUrl).toString());
    await page.getByText("Outcome analytics are for analysts and clinic admins").waitFor();
  });
});
