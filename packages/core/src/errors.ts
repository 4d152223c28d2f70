/**
 * One error type for the whole product. The API maps `code` to GraphQL `extensions.code`;
 * the message is written for a practitioner and never carries internals.
 */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "CONTRAINDICATED"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "THROTTLED"
  /** The identity provider (deployed: Cognito) could not be updated; nothing was saved. */
  | "IDENTITY_UNAVAILABLE";

export interface FieldProblem {
  /** Dotted path into the input, e.g. "zones.1.depthMm". */
  path: string;
  reason: string;
}

export interface ContraindicationReason {
  code: string;
  level: "BLOCK" | "WARN";
  reason: string;
  source: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[];
  readonly reasons: ContraindicationReason[];
  readonly retryable: boolean;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { fields?: FieldProblem[]; reasons?: ContraindicationReason[]; retryable?: boolean } = {},
  ) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.fields = extra.fields ?? [];
    this.reasons = extra.reasons ?? [];
    this.retryable = extra.retryable ?? false;
  }
}

export const badInput = (fields: FieldProblem[], message?: string): DomainError =>
  new DomainError("BAD_USER_INPUT", message ?? fields.map((f) => `${f.path}: ${f.reason}`).join("; "), {
    fields,
  });

export const notFound = (what: string): DomainError => new DomainError("NOT_FOUND", `${what} was not found.`);

export const conflict = (what: string): DomainError =>
  new DomainError(
    "CONFLICT",
    `${what} was changed by someone else since you loaded it. Reload and apply your change again.`,
  );

export const forbidden = (message = "You are not allowed to do this."): DomainError =>
  new DomainError("FORBIDDEN", message);

export const unauthenticated = (message = "Sign in to continue."): DomainError =>
  new DomainError("UNAUTHENTICATED", message);

export const contraindicated = (reasons: ContraindicationReason[]): DomainError =>
  new DomainError(
    "CONTRAINDICATED",
    `Not allowed without an override: ${reasons.map((r) => r.reason).join(" ")}`,
    { reasons },
  );

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
