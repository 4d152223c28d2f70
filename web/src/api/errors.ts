/** The codes the API puts in `extensions.code`, plus NETWORK when no answer came back. */
export type ApiErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "CONTRAINDICATED"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "THROTTLED"
  | "IDENTITY_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR"
  | "NETWORK";

const CODES: readonly ApiErrorCode[] = [
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "CONTRAINDICATED",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "THROTTLED",
  "IDENTITY_UNAVAILABLE",
  "INTERNAL_SERVER_ERROR",
  "NETWORK",
];

/** One invalid input field: `path` is dotted from the input root, e.g. "allergies.0.substance". */
export interface FieldError {
  path: string;
  reason: string;
}

/** Why a contraindication screen blocked or warned. */
export interface ContraindicationReason {
  code?: string;
  message: string;
  severity?: string;
  /** BLOCK or WARN. */
  level?: string;
  /** What triggered it (an answer, a medication, a serum and its lot). */
  source?: string;
  /** Which part of the input it concerns, e.g. "rescreen" or "serumsApplied.1". */
  path?: string;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly fields: FieldError[];
  readonly reasons: ContraindicationReason[];
  readonly requestId: string | undefined;

  constructor(
    code: ApiErrorCode,
    message: string,
    extra: { fields?: FieldError[]; reasons?: ContraindicationReason[]; requestId?: string } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.fields = extra.fields ?? [];
    this.reasons = extra.reasons ?? [];
    this.requestId = extra.requestId;
  }

  /** A sentence a practitioner can act on. */
  get userMessage(): string {
    switch (this.code) {
      case "NETWORK":
        return "The Needlework service could not be reached. Check the connection and try again.";
      case "INTERNAL_SERVER_ERROR":
        return `Something went wrong on our side.${this.requestId ? ` Reference: ${this.requestId}.` : ""}`;
      case "THROTTLED":
        return "The service is busy. Wait a moment and try again.";
      case "IDENTITY_UNAVAILABLE":
      case "BAD_USER_INPUT":
      case "NOT_FOUND":
      case "CONFLICT":
      case "CONTRAINDICATED":
      case "FORBIDDEN":
      case "UNAUTHENTICATED":
        return this.message;
    }
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function asCode(v: unknown): ApiErrorCode {
  return typeof v === "string" && (CODES as readonly string[]).includes(v)
    ? (v as ApiErrorCode)
    : "INTERNAL_SERVER_ERROR";
}

function asFields(v: unknown): FieldError[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((f) =>
    isRecord(f) && typeof f.path === "string" && typeof f.reason === "string"
      ? [{ path: f.path.replace(/^input\./, ""), reason: f.reason }]
      : [],
  );
}

function asReasons(v: unknown): ContraindicationReason[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((r): ContraindicationReason[] => {
    if (typeof r === "string") return [{ message: r }];
    if (!isRecord(r)) return [];
    const message = typeof r.message === "string" ? r.message : typeof r.reason === "string" ? r.reason : "";
    if (!message) return [];
    return [
      {
        message,
        ...(typeof r.code === "string" ? { code: r.code } : {}),
        ...(typeof r.severity === "string" ? { severity: r.severity } : {}),
        ...(typeof r.level === "string" ? { level: r.level } : {}),
        ...(typeof r.source === "string" ? { source: r.source } : {}),
        ...(typeof r.path === "string" ? { path: r.path.replace(/^input\./, "") } : {}),
      },
    ];
  });
}

/** Maps the first GraphQL error of a response to an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (!isRecord(error)) return new ApiError("INTERNAL_SERVER_ERROR", "Unexpected error");
  const ext = isRecord(error.extensions) ? error.extensions : {};
  const message = typeof error.message === "string" ? error.message : "Unexpected error";
  return new ApiError(asCode(ext.code), message, {
    fields: asFields(ext.fields),
    reasons: asReasons(ext.reasons),
    ...(typeof ext.requestId === "string" ? { requestId: ext.requestId } : {}),
  });
}
