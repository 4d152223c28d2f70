import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "@needlework/api";
import { freePort } from "../../packages/store/src/local/dynamo-local";
import { startLocalStack } from "../../scripts/local-stack";
import { launchBrowser } from "../support/browser";

const SHOTS = fileURLToPath(new URL("../../screenshots/", import.meta.url));

/**
 * "Erase patient" on the patient page: not offered to a practitioner; a clinic admin types the name
 * to confirm (a wrong one keeps the button disabled) and a reason, sees what was erased, and the
 * patient is gone from the portal afterwards.
 */
describe("erasing a patient in the portal (local stack, Chromium)", () => {
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  // A demo patient with a treated history (harbour).
  const patientId = toGlobalId("Patient", "demo-glow-p01");
  const patientPath = `/patients/${encodeURIComponent(patientId)}`;
  // A plan of hers is cancelled with a reason (through the API) before the erasure, so her trail has
  // a detail for the erasure to remove.
  const CANCEL_REASON = "Moving abroad, asked to stop the course";
  let fullName = "";

  const shot = async (name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  const signInAs = async (name: string) => {
    if (await page.getByRole("button", { name: "Sign out" }).isVisible()) {
      await page.getByRole("button", { name: "Sign out" }).click();
    } else await page.goto(stack.webUrl);
    await page.getByRole("button", { name: new RegExp(`Sign in as ${name}`) }).click();
    await page.getByTestId("signed-in-user").filter({ hasText: name }).waitFor();
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), "needlework-e2e-erase-"));
    const [apiPort, webPort, dynamoPort] = [await freePort(), await freePort(), await freePort()];
    stack = await startLocalStack({ dataDir, apiPort, webPort, dynamoPort, seed: true, quiet: true });
    await cancelAPlan();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
  }, 180_000);

  async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const origin = new URL(stack.apiUrl).origin;
    const auth = await fetch(`${origin}/auth/local/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "ava.reid@glow.example" }),
    });
    const { token } = (await auth.json()) as { token: string };
    const res = await fetch(stack.apiUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  }

  async function cancelAPlan(): Promise<void> {
    type Timeline = {
      patient: { timeline: { edges: { node: { id?: string; version?: number; status?: string } }[] } };
    };
    const t = await gql<Timeline>(
      `query($id: ID!) { patient(id: $id) { timeline(first: 100) { edges { node { ... on TreatmentPlan { id version status } } } } } }`,
      { id: patientId },
    );
    const plan = t.patient.timeline.edges
      .map((e) => e.node)
      .find((n) => n.status === "PLANNED" || n.status === "IN_PROGRESS");
    expect(plan, "a plan to cancel").toBeDefined();
    await gql(
      `mutation($id: ID!, $v: Int!, $input: TreatmentPlanUpdateInput!) { updateTreatmentPlan(id: $id, version: $v, input: $input) { plan { id } } }`,
      { id: plan!.id, v: plan!.version, input: { cancelReason: CANCEL_REASON } },
    );
  }

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("is not offered to a practitioner", async () => {
    await signInAs("Ava Reid");
    await page.goto(new URL(patientPath, stack.webUrl).toString());
    const heading = page.getByRole("heading", { level: 1 });
    await page
      .getByRole("button", { name: "Edit patient" })
      .or(page.getByRole("link", { name: "Edit patient" }))
      .waitFor();
    fullName = ((await heading.textContent()) ?? "").trim();
    expect(fullName).toMatch(/\w+ \w+/);
    expect(await page.getByRole("button", { name: "Erase patient" }).count()).toBe(0);
  });

  it(
    "a clinic admin confirms with the name and a reason, and sees what was erased",
    { timeout: 60_000 },
    async () => {
      await signInAs("Mia Chen");
      await page.goto(new URL(patientPath, stack.webUrl).toString());
      await page.getByRole("heading", { level: 1, name: fullName }).waitFor();
      await page.getByRole("button", { name: "Erase patient" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByText("This cannot be undone").waitFor();
      const submit = dialog.getByRole("button", { name: "Erase patient" });
      await dialog.getByLabel(/Type the patient's name to confirm/).fill("Someone Else");
      await dialog.getByLabel("Reason").fill("Written erasure request, ticket 4411");
      await dialog.getByText("Does not match the patient's name").waitFor();
      expect(await submit.isDisabled()).toBe(true);
      await dialog.getByLabel(/Type the patient's name to confirm/).fill(fullName.toLowerCase());
      expect(await submit.isDisabled()).toBe(false);
      await shot("erase-01-confirm");
      await submit.click();
      await page.getByRole("dialog", { name: `${fullName} was erased` }).waitFor();
      const erased = page.getByRole("list", { name: "What was erased" });
      await erased.getByText(/^\d+ sessions?$/).waitFor();
      await shot("erase-02-erased");
      // The dialog links her trail (she has no page now); the next steps open it by id instead.
      expect(await page.getByRole("link", { name: "Open the audit trail" }).getAttribute("href")).toBe(
        `/admin/audit?patient=${encodeURIComponent(patientId)}`,
      );
      await page.getByRole("link", { name: "Back to patients" }).click();
      await page.waitForURL(/\/patients$/);
    },
  );

  it("the patient is gone from the portal", async () => {
    await page.goto(new URL(patientPath, stack.webUrl).toString());
    await page.getByRole("alert").getByText("Patient unavailable").waitFor();
  });

  it(
    "her audit trail still opens by id, saying which details the erasure removed",
    { timeout: 60_000 },
    async () => {
      await page.goto(new URL("/admin/audit", stack.webUrl).toString());
      await page.getByLabel("Or patient id").fill(new URL(patientPath, stack.webUrl).toString());
      await page.getByRole("button", { name: "Open trail" }).click();
      const trail = page.getByRole("table", { name: "Who accessed this patient's record" });
      const cancelled = trail.getByRole("row").filter({ hasText: "CANCEL_TREATMENT_PLAN" });
      await cancelled.getByText("detail removed when the patient was erased").waitFor();
      expect(await cancelled.textContent()).not.toContain(CANCEL_REASON);
      // The erasure's own entry keeps its reason.
      await trail
        .getByRole("row")
        .filter({ hasText: /ERASE_PATIENT(?!_)/ })
        .getByText(/Written erasure request, ticket 4411/)
        .waitFor();
      await shot("erase-03-audit-trail");
    },
  );
});
