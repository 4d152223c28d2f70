import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalIssuer, createVerifier, startLocalApi, type LocalApi } from "@needlework/api";
import { bootstrapGroup, Groups } from "@needlework/store";
import { freePort } from "@needlework/store/local";
import type { ViteDevServer } from "vite";
import { launchBrowser } from "../support/browser";
import { createTestDb } from "../support/dynamo";
import { createMotoPool, inviteMotoUser, startMoto, type Moto, type MotoPool } from "../support/moto";
import { totp, wrongTotp } from "../support/totp";

const SHOTS = fileURLToPath(new URL("../../screenshots/", import.meta.url));
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The portal built for Cognito, in Chromium, against moto's Cognito (test/support/moto.ts) and the
 * real API verifying moto's tokens: an invited clinic administrator changes the temporary password,
 * sets up an authenticator app from the QR step, lands on Today; signs out (the refresh token is
 * revoked), signs in again past a wrong code; the idle lock signs them out; a forgotten password is
 * reset with the emailed code.
 */
describe("Cognito sign-in in the portal (moto, Chromium)", { timeout: 120_000 }, () => {
  let moto: Moto;
  let pool: MotoPool;
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let api: LocalApi;
  let vite: ViteDevServer;
  let webUrl = "";
  let browser: Browser;
  let page: Page;
  let secret = "";

  const suffix = Date.now().toString(36);
  const EMAIL = `grace.${suffix}@clinic.example`;
  const TEMPORARY = "Temporary-pass-1!";
  const CHOSEN = "Chosen-password-2#";
  const RESET = "Reset-password-3$";
  const GROUP = `grp-e2e-${suffix}`;

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `signin-${name}.png`), fullPage: true });
  const alert = () => page.getByRole("alert");
  const signInWithPassword = async (password: string) => {
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  const cognitoKeys = () =>
    page.evaluate(() => ({
      session: Object.keys(sessionStorage).filter((k) => k.startsWith("CognitoIdentityServiceProvider.")),
      local: Object.keys(localStorage).filter((k) => k.startsWith("CognitoIdentityServiceProvider.")),
    }));

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    moto = await startMoto();
    pool = await createMotoPool(moto);
    const { sub } = await inviteMotoUser(moto, pool, {
      email: EMAIL,
      name: "Grace Adeyemi",
      role: "CLINIC_ADMIN",
      groupId: GROUP,
      siteIds: [],
      temporaryPassword: TEMPORARY,
    });
    db = await createTestDb("e2e-cognito");
    await bootstrapGroup(db, {
      groupId: GROUP,
      name: "Harbour Skin Clinic",
      sites: [{ id: `site-${suffix}`, name: "Harbour Street" }],
      admin: { sub, email: EMAIL, name: "Grace Adeyemi" },
    });
    const webPort = await freePort();
    api = await startLocalApi({
      db,
      verifier: createVerifier({
        issuer: pool.issuer,
        audience: pool.clientId,
        jwksUrl: pool.jwksUrl,
        algorithms: ["RS256"],
      }),
      devMode: false,
      port: await freePort(),
      issuer: await createLocalIssuer(),
      users: () => Groups.signInDirectory(db, [GROUP]),
      allowedOrigins: [`http://localhost:${webPort}`, `http://127.0.0.1:${webPort}`],
      logger: () => undefined,
    });
    Object.assign(process.env, {
      VITE_API_URL: api.url,
      VITE_AUTH_MODE: "cognito",
      VITE_COGNITO_USER_POOL_ID: pool.userPoolId,
      VITE_COGNITO_CLIENT_ID: pool.clientId,
      VITE_COGNITO_REGION: pool.userPoolId.split("_")[0],
      VITE_COGNITO_ENDPOINT: moto.endpoint,
    });
    const { createServer } = await import("vite");
    vite = await createServer({
      configFile: join(repoRoot, "web/vite.config.ts"),
      root: join(repoRoot, "web"),
      server: { port: webPort, strictPort: true, host: "127.0.0.1" },
      logLevel: "error",
      clearScreen: false,
    });
    await vite.listen();
    webUrl = `http://localhost:${webPort}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1100, height: 860 } });
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (e) => console.error("portal error:", e.message));
    // Playwright's clock, so the idle lock can be reached without waiting ten real minutes.
    await page.clock.install();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await vite?.close();
    await api?.stop();
    await db?.drop();
    await moto?.stop();
  });

  it("takes an invited user through a new password and authenticator set-up to Today", async () => {
    await page.goto(webUrl);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await shot("01-password");
    await signInWithPassword(TEMPORARY);

    await page.getByText("Choose your own password").waitFor();
    await page.getByLabel(/^New password(?! again)/).fill("too-short");
    await page.getByLabel("New password again").fill("too-short");
    await page.getByRole("button", { name: "Set password" }).click();
    await page.getByText("At least 12 characters", { exact: true }).waitFor();
    await page.getByLabel(/^New password(?! again)/).fill(CHOSEN);
    await page.getByLabel("New password again").fill(CHOSEN);
    await shot("02-new-password");
    await page.getByRole("button", { name: "Set password" }).click();

    const qr = page.getByRole("img", { name: /QR code to add Needlework/ });
    await qr.waitFor();
    secret = (await page.locator("code").textContent()) ?? "";
    expect(secret).toMatch(/^[A-Za-z2-7]+$/);
    await shot("03-mfa-setup");
    await page.getByLabel("Code from your authenticator app").fill(wrongTotp(secret));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect.poll(() => alert().textContent()).toContain("That code is not right");
    await page.getByLabel("Code from your authenticator app").fill(totp(secret));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();

    // The library's tokens are in this tab's sessionStorage, none in localStorage.
    const keys = await cognitoKeys();
    expect(keys.session.some((k) => k.endsWith(".refreshToken"))).toBe(true);
    expect(keys.local).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem("needlework.session"))).toBeNull();
  });

  it("signs out, revoking the refresh token", async () => {
    const refreshToken = await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.endsWith(".refreshToken"));
      return key ? sessionStorage.getItem(key) : null;
    });
    expect(refreshToken).toBeTruthy();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await expect.poll(async () => (await cognitoKeys()).session).toEqual([]);
    await expect(
      moto.client.send(
        new InitiateAuthCommand({
          ClientId: pool.clientId,
          AuthFlow: "REFRESH_TOKEN_AUTH",
          AuthParameters: { REFRESH_TOKEN: refreshToken ?? "" },
        }),
      ),
    ).rejects.toMatchObject({ name: "NotAuthorizedException" });
  });

  it("asks for the app's code at the next sign-in, refusing a wrong one", async () => {
    await signInWithPassword(CHOSEN);
    const code = page.getByLabel("Code from your authenticator app");
    await code.waitFor();
    await code.fill(wrongTotp(secret));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => alert().textContent()).toContain("That code is not right");
    await shot("04-mfa-code-refused");
    await code.fill(totp(secret));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
  });

  it("locks a device left idle for the clinic's idle time (default 10 minutes)", async () => {
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
    await page.clock.fastForward("10:05");
    await page.getByText("Locked after 10 minutes without activity").waitFor();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    expect((await cognitoKeys()).session).toEqual([]);
    await shot("05-idle-locked");
  });

  it("resets a forgotten password with the emailed code", async () => {
    await page.getByRole("button", { name: "Forgot password?" }).click();
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByRole("button", { name: "Email me a code" }).click();
    await page.getByText(`If ${EMAIL} has an account, a code is on its way there.`).waitFor();
    await expect.poll(() => moto.lastEmailedCode()).toBeTruthy();
    await page.getByLabel("Code from the email").fill(moto.lastEmailedCode() ?? "");
    await page.getByLabel(/^New password(?! again)/).fill(RESET);
    await page.getByLabel("New password again").fill(RESET);
    await shot("06-forgot-password");
    await page.getByRole("button", { name: "Set new password" }).click();
    await page.getByText("Your password is changed: sign in with it.").waitFor();

    await signInWithPassword(RESET);
    await page.getByLabel("Code from your authenticator app").fill(totp(secret));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
  });
});
