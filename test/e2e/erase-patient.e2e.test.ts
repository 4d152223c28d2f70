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
  const patientPath = `/patients/${encodeURIComponent(toGlobalId("Patient", "demo-glow-p01"))}`;
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
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
  }, 180_000);

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
      await page.getByRole("link", { name: "Back to patients" }).click();
      await page.waitForURL(/\/patients$/);
    },
  );

  it("the patient is gone from the portal", async () => {
    await page.goto(new URL(patientPath, stack.webUrl).toString());
    await page.getByRole("alert").getByText("Patient unavailable").waitFor();
  });
});
