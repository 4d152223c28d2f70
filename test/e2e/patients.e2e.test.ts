import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../packages/store/src/local/dynamo-local";
import { startLocalStack } from "../../scripts/local-stack";
import { launchBrowser } from "../support/browser";

const SHOTS = fileURLToPath(new URL("../../screenshots/", import.meta.url));

interface DemoUser {
  email: string;
  name: string;
  role: string;
  sites: { id: string; name: string }[];
}

describe("patients in the portal (local stack, Chromium)", () => {
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let practitioner: DemoUser;
  // Unique per run so the search finds exactly this patient.
  const familyName = `Okonkwo-${Date.now().toString(36)}`;
  let patientPath = "";

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), "needlework-e2e-"));
    const [apiPort, webPort, dynamoPort] = [await freePort(), await freePort(), await freePort()];
    stack = await startLocalStack({ dataDir, apiPort, webPort, dynamoPort, seed: true, quiet: true });
    const users = (await (await fetch(new URL("/auth/local/users", stack.apiUrl))).json()) as DemoUser[];
    const found = users.find((u) => u.role === "PRACTITIONER");
    if (!found) throw new Error("the demo seed has no practitioner");
    practitioner = found;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.setDefaultTimeout(20_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("signs in as the demo practitioner", async () => {
    await page.goto(stack.webUrl);
    await page.waitForURL(/\/sign-in/);
    const button = page.getByRole("button", { name: new RegExp(`Sign in as ${practitioner.name}`) });
    await button.waitFor();
    await shot("01-sign-in");
    await button.click();
    // Home is Today; the patient list is a nav entry away.
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "Patients" }).click();
    await page.getByRole("heading", { level: 1, name: "Patients" }).waitFor();
    await expect(page.getByTestId("signed-in-user").textContent()).resolves.toBe(practitioner.name);
    await page.getByRole("table", { name: "Patients" }).getByRole("link").first().waitFor();
    await shot("02-patient-list");
  });

  it("creates a patient through the form and lands on the patient page", async () => {
    await page.getByRole("link", { name: "New patient" }).click();
    await page.getByRole("heading", { level: 1, name: "New patient" }).waitFor();
    await page.getByLabel("Given name").fill("Adaeze");
    await page.getByLabel("Family name").fill(familyName);
    await page.getByLabel("Date of birth").fill("1988-04-12");
    await page.getByLabel("Email").fill("adaeze@example.org");
    await page.getByLabel("Phone").fill("+44 7700 900123");
    await page.getByLabel("Fitzpatrick skin type").selectOption("V");

    await page.getByRole("button", { name: "Add allergy or sensitivity" }).click();
    const allergy = page.getByRole("group", { name: "Allergy or sensitivity 1" });
    await allergy.getByLabel("Substance").fill("Lidocaine");
    await allergy.getByLabel("Severity").selectOption("SEVERE");
    await allergy.getByLabel("Reaction").fill("Hives");

    await page.getByRole("button", { name: "Add medication" }).click();
    const medication = page.getByRole("group", { name: "Medication 1" });
    await medication.getByLabel(/^Medication/).fill("Warfarin");
    await medication.getByLabel("Class").selectOption("ANTICOAGULANT");
    await medication.getByLabel("Started on").fill("2023-01-10");

    await page.getByLabel("History of herpes simplex (cold sores)").check();
    await shot("03-patient-form");

    await page.getByRole("button", { name: "Create patient" }).click();
    await page.getByRole("heading", { level: 1, name: `Adaeze ${familyName}` }).waitFor();
    const safety = page.getByRole("region", { name: "Safety summary" });
    // The names stand alone in their lists; the contraindication flags below cite them as sources.
    await expect(safety.getByText("Lidocaine", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(safety.getByText("Warfarin", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(safety.getByText(/^V: /).isVisible()).resolves.toBe(true);
    await shot("04-patient-page");
    patientPath = new URL(page.url()).pathname;
  });

  it("lists the new patient and finds it by name search", async () => {
    await page.getByRole("link", { name: "All patients" }).click();
    const table = page.getByRole("table", { name: "Patients" });
    await table.getByRole("link", { name: `${familyName}, Adaeze` }).waitFor();
    await page.getByLabel("Search by name").fill(familyName.slice(0, 10).toLowerCase());
    const row = table.getByRole("link", { name: `${familyName}, Adaeze` });
    // The search is debounced: wait for the filtered answer, not the full list that was there.
    await expect.poll(() => table.getByRole("link").count(), { timeout: 10_000 }).toBe(1);
    await row.waitFor();
    // Tablet width: reload so the layout is the one a tablet gets, not a resize mid-transition.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.reload();
    await row.waitFor();
    await shot("05-patient-search-tablet");
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it("shows a future date of birth as an error beside the field, keeping what was typed", async () => {
    await page.getByRole("link", { name: "New patient" }).click();
    await page.getByLabel("Given name").fill("Future");
    await page.getByLabel("Family name").fill("Person");
    await page.getByLabel("Date of birth").fill("2099-01-01");
    await page.getByRole("button", { name: "Create patient" }).click();

    const dob = page.getByLabel("Date of birth");
    await expect(dob.getAttribute("aria-invalid")).resolves.toBe("true");
    const describedBy = (await dob.getAttribute("aria-describedby")) ?? "";
    const errorId = describedBy.split(/\s+/).find((id) => id.includes("error"));
    expect(errorId).toBeTruthy();
    await expect(page.locator(`[id="${errorId}"]`).textContent()).resolves.toMatch(
      /Date of birth must not be after/,
    );
    await expect(page.getByLabel("Given name").inputValue()).resolves.toBe("Future");
    await expect(page.getByLabel("Family name").inputValue()).resolves.toBe("Person");
    await expect(dob.inputValue()).resolves.toBe("2099-01-01");
    await shot("06-patient-form-error");
  });

  it("keeps the practitioner's edits and explains a CONFLICT when someone else saved first", async () => {
    await page.goto(new URL(`${patientPath}/edit`, stack.webUrl).toString());
    await page.getByRole("heading", { level: 1, name: `Edit Adaeze ${familyName}` }).waitFor();
    await page.getByLabel("Phone").fill("+44 7700 900999");

    // Meanwhile a colleague saves the same patient through the API.
    const session = await page.evaluate(() => sessionStorage.getItem("needlework.session"));
    const { token } = JSON.parse(session ?? "{}") as { token: string };
    const id = decodeURIComponent(patientPath.split("/").pop() ?? "");
    const call = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(stack.apiUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as {
        data?: Record<string, { version?: number; site?: { id: string } }>;
        errors?: unknown[];
      };
    };
    const current = await call("query($id: ID!) { patient(id: $id) { version site { id } } }", { id });
    const version = current.data?.patient?.version;
    const siteId = current.data?.patient?.site?.id;
    expect(version).toBeTypeOf("number");
    const updated = await call(
      "mutation($id: ID!, $version: Int!, $input: PatientInput!) { updatePatient(id: $id, version: $version, input: $input) { patient { version } } }",
      {
        id,
        version,
        input: {
          siteId,
          givenName: "Adaeze",
          familyName,
          dateOfBirth: "1988-04-12",
          email: "colleague@example.org",
        },
      },
    );
    expect(updated.errors).toBeUndefined();

    await page.getByRole("button", { name: "Save changes" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Someone else saved this patient" });
    await alert.waitFor();
    await expect(page.getByLabel("Phone").inputValue()).resolves.toBe("+44 7700 900999");
    await shot("07-patient-edit-conflict");

    await alert.getByRole("button", { name: /Keep my changes/ }).click();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: `Adaeze ${familyName}` }).waitFor();
    await page.getByText("+44 7700 900999").first().waitFor();
  });

  it("switches site for a practitioner who works at several sites", async () => {
    const users = (await (await fetch(new URL("/auth/local/users", stack.apiUrl))).json()) as DemoUser[];
    const multi = users.find((u) => u.role === "PRACTITIONER" && u.sites.length > 1);
    if (!multi) throw new Error("the demo seed has no practitioner working at two sites");
    const [first, second] = multi.sites as [DemoUser["sites"][number], DemoUser["sites"][number]];

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: new RegExp(`Sign in as ${multi.name}`) }).click();
    // Sign-in returns to the page the user was on (a patient page); go to the list.
    await page.getByRole("navigation").getByRole("link", { name: "Patients" }).click();
    await page.getByRole("heading", { level: 1, name: "Patients" }).waitFor();
    const siteSelect = page.getByRole("combobox", { name: "Site" });
    await siteSelect.selectOption({ label: first.name });
    await page.getByRole("main").getByText(first.name, { exact: true }).waitFor();
    const table = page.getByRole("table", { name: "Patients" });
    await table.getByRole("link").first().waitFor();
    const firstNames = await table.getByRole("link").allTextContents();

    await siteSelect.selectOption({ label: second.name });
    await page.getByRole("main").getByText(second.name, { exact: true }).waitFor();
    await expect
      .poll(async () => (await table.getByRole("link").allTextContents()).join("|"), { timeout: 10_000 })
      .not.toBe(firstNames.join("|"));
    await shot("08-site-switched");
  });

  it("sends the user back to sign-in when the API answers UNAUTHENTICATED", async () => {
    await page.evaluate(() =>
      sessionStorage.setItem(
        "needlework.session",
        JSON.stringify({ token: "not-a-token", expiresAt: new Date(Date.now() + 3_600_000).toISOString() }),
      ),
    );
    await page.goto(new URL("/patients", stack.webUrl).toString());
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByText("Your session has ended").waitFor();
  });
});
