import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  Image,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useState, type ReactNode } from "react";
import { ApiError } from "../api/errors";
import type { SignInStep } from "./cognito";
import { useAuth } from "./context";
import { portalCognito } from "./session";

type Stage =
  | { at: "password" }
  | { at: "forgot" }
  | { at: "forgot-code"; email: string }
  | { at: "challenge"; challenge: Exclude<SignInStep, { step: "signed-in" }> };

const message = (e: unknown) => (e instanceof ApiError ? e.userMessage : "Sign-in failed.");
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The user pool's policy (infra/Auth.ts): the service checks it too, this only says it first. */
function passwordProblem(v: string): string | null {
  if (v.length < 12) return "At least 12 characters";
  if (!/[a-z]/.test(v) || !/[A-Z]/.test(v)) return "Upper and lower case letters";
  if (!/\d/.test(v)) return "At least one digit";
  if (!/[^A-Za-z0-9]/.test(v)) return "At least one symbol";
  return null;
}

/**
 * Email and password sign-in on the clinic group's Cognito user pool, with every step a user can
 * meet: a new password after an invitation, setting up an authenticator app (QR code), the app's
 * code at each sign-in, and a forgotten password (a code by email).
 */
export function CognitoSignIn({ onError }: { onError: (message: string | null) => void }) {
  const { signIn } = useAuth();
  const [stage, setStage] = useState<Stage>({ at: "password" });
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs one step; signs the portal in when Cognito says done. */
  const run = async (step: () => Promise<SignInStep | void>, next?: (s: SignInStep | void) => void) => {
    setBusy(true);
    onError(null);
    try {
      const s = await step();
      if (s && s.step === "signed-in") {
        await signIn(s.token);
        return;
      }
      if (next) next(s);
      else if (s) setStage({ at: "challenge", challenge: s });
    } catch (e) {
      onError(message(e));
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setInfo(null);
    onError(null);
    setStage({ at: "password" });
  };

  const challenge = stage.at === "challenge" ? stage.challenge : null;
  const forgotEmail = stage.at === "forgot-code" ? stage.email : "";

  return (
    <Stack>
      {info && <Alert color="teal">{info}</Alert>}
      {stage.at === "password" && (
        <PasswordStep
          busy={busy}
          onSubmit={(email, password) =>
            void run(async () => (await portalCognito()).signIn(email, password))
          }
          onForgot={() => {
            setInfo(null);
            onError(null);
            setStage({ at: "forgot" });
          }}
        />
      )}
      {stage.at === "forgot" && (
        <ForgotStep
          busy={busy}
          onSubmit={(email) =>
            void run(
              async () => (await portalCognito()).forgotPassword(email),
              () => {
                setInfo(`If ${email} has an account, a code is on its way there.`);
                setStage({ at: "forgot-code", email });
              },
            )
          }
          onBack={restart}
        />
      )}
      {stage.at === "forgot-code" && (
        <NewPasswordStep
          busy={busy}
          withCode
          intro="Enter the code from the email and choose a new password."
          submitLabel="Set new password"
          onSubmit={(password, code) =>
            void run(
              async () => (await portalCognito()).confirmNewPassword(forgotEmail, code ?? "", password),
              () => {
                setStage({ at: "password" });
                setInfo("Your password is changed: sign in with it.");
              },
            )
          }
          onBack={restart}
        />
      )}
      {challenge?.step === "new-password" && (
        <NewPasswordStep
          busy={busy}
          intro="Welcome to Needlework. Choose your own password to replace the temporary one."
          submitLabel="Set password"
          onSubmit={(password) => void run(() => challenge.submit(password))}
          onBack={restart}
        />
      )}
      {challenge?.step === "mfa-setup" && (
        <CodeStep
          busy={busy}
          label="Code from your authenticator app"
          submitLabel="Verify and sign in"
          onSubmit={(code) => void run(() => challenge.submit(code))}
          onBack={restart}
        >
          <Text>
            Needlework asks for a code from an authenticator app at every sign-in. Scan this QR code with the
            app on your phone (for example Google Authenticator, Microsoft Authenticator or 1Password), then
            enter the 6-digit code it shows.
          </Text>
          <TotpQr uri={challenge.uri} />
          <Text size="sm">
            Cannot scan? Enter this key in the app instead: <Code>{challenge.secret}</Code>
          </Text>
        </CodeStep>
      )}
      {challenge?.step === "mfa-code" && (
        <CodeStep
          busy={busy}
          label="Code from your authenticator app"
          submitLabel="Sign in"
          onSubmit={(code) => void run(() => challenge.submit(code))}
          onBack={restart}
        >
          <Text>Enter the 6-digit code your authenticator app shows for Needlework.</Text>
        </CodeStep>
      )}
    </Stack>
  );
}

function PasswordStep(props: {
  busy: boolean;
  onSubmit: (email: string, password: string) => void;
  onForgot: () => void;
}) {
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (v) => (EMAIL.test(v.trim()) ? null : "Enter your email address"),
      password: (v) => (v ? null : "Enter your password"),
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => props.onSubmit(v.email.trim(), v.password))}>
      <Stack>
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          required
          {...form.getInputProps("email")}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          {...form.getInputProps("password")}
        />
        <Group justify="space-between">
          <Anchor component="button" type="button" size="sm" onClick={props.onForgot}>
            Forgot password?
          </Anchor>
          <Button type="submit" loading={props.busy}>
            Sign in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ForgotStep(props: { busy: boolean; onSubmit: (email: string) => void; onBack: () => void }) {
  const form = useForm({
    initialValues: { email: "" },
    validate: { email: (v) => (EMAIL.test(v.trim()) ? null : "Enter your email address") },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => props.onSubmit(v.email.trim()))}>
      <Stack>
        <Text>We will email you a code to set a new password.</Text>
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          required
          {...form.getInputProps("email")}
        />
        <Actions busy={props.busy} submitLabel="Email me a code" onBack={props.onBack} />
      </Stack>
    </form>
  );
}

function NewPasswordStep(props: {
  busy: boolean;
  intro: string;
  submitLabel: string;
  withCode?: boolean;
  onSubmit: (password: string, code?: string) => void;
  onBack: () => void;
}) {
  const form = useForm({
    initialValues: { code: "", password: "", confirm: "" },
    validate: {
      code: (v) => (!props.withCode || v.trim() ? null : "Enter the code from the email"),
      password: passwordProblem,
      confirm: (v, all) => (v === all.password ? null : "The two passwords differ"),
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => props.onSubmit(v.password, v.code.trim()))}>
      <Stack>
        <Text>{props.intro}</Text>
        {props.withCode && (
          <TextInput
            label="Code from the email"
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            {...form.getInputProps("code")}
          />
        )}
        <PasswordInput
          label="New password"
          description="At least 12 characters, with upper and lower case letters, a digit and a symbol"
          autoComplete="new-password"
          required
          {...form.getInputProps("password")}
        />
        <PasswordInput
          label="New password again"
          autoComplete="new-password"
          required
          {...form.getInputProps("confirm")}
        />
        <Actions busy={props.busy} submitLabel={props.submitLabel} onBack={props.onBack} />
      </Stack>
    </form>
  );
}

function CodeStep(props: {
  busy: boolean;
  label: string;
  submitLabel: string;
  children: ReactNode;
  onSubmit: (code: string) => void;
  onBack: () => void;
}) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d{6}$/.test(code)) return setError("Enter the 6 digits");
        setError(null);
        props.onSubmit(code);
      }}
    >
      <Stack>
        {props.children}
        <TextInput
          label={props.label}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          required
          autoFocus
          value={code}
          error={error}
          onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ""))}
        />
        <Actions busy={props.busy} submitLabel={props.submitLabel} onBack={props.onBack} />
      </Stack>
    </form>
  );
}

function Actions(props: { busy: boolean; submitLabel: string; onBack: () => void }) {
  return (
    <Group justify="space-between">
      <Anchor component="button" type="button" size="sm" onClick={props.onBack}>
        Back to sign-in
      </Anchor>
      <Button type="submit" loading={props.busy}>
        {props.submitLabel}
      </Button>
    </Group>
  );
}

/** The otpauth URI as a QR code, drawn by the qrcode library, loaded only for this step. */
function TotpQr({ uri }: { uri: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import("qrcode")
      .then((q) => q.toDataURL(uri, { margin: 1, width: 200, errorCorrectionLevel: "M" }))
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [uri]);
  return src ? (
    <Image src={src} w={200} h={200} alt="QR code to add Needlework to your authenticator app" />
  ) : (
    <Text size="sm" c="dimmed">
      Drawing the QR code…
    </Text>
  );
}
