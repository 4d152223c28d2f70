import { z } from "zod";

/**
 * A stored item that does not match its entity's declaration: a fault of the data or of the store,
 * never of the caller. It names the entity and the attributes at fault, never a key or a value; the
 * API's error mapper turns it into INTERNAL_SERVER_ERROR like any unexpected error.
 */
export class MalformedItemError extends Error {
  override readonly name = "MalformedItemError";
  constructor(
    readonly entity: string,
    readonly attributes: readonly string[],
  ) {
    super(`malformed ${entity} item: ${attributes.join(", ") || "(the item)"}`);
  }
}

/** A schema decoding a stored item (or part of one) into T. */
export type ItemSchema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

/** Decodes `item` as `entity` with its schema; a mismatch raises MalformedItemError. */
export function decodeItem<T>(entity: string, schema: ItemSchema<T>, item: unknown): T {
  const parsed = schema.safeParse(item);
  if (parsed.success) return parsed.data;
  throw new MalformedItemError(entity, [
    ...new Set(parsed.error.issues.map((i) => `${i.path.join(".") || "(item)"}: ${i.message.toLowerCase()}`)),
  ]);
}

/** The attributes every item has beside its entity's own: keys, index keys and the item type. */
export const KEY_ATTRIBUTES = ["pk", "sk", "type", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk"] as const;

/** The item without its key, index and type attributes (they belong to the table, not the entity). */
export function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...item };
  for (const k of KEY_ATTRIBUTES) delete out[k];
  return out;
}

// --- Attribute schemas shared by the entities ------------------------------------------------------

/** A list that older items may lack (or hold as null): read as empty. */
export const listOf = <T>(item: ItemSchema<T>) =>
  z
    .array(item)
    .nullish()
    .transform((v): T[] => v ?? []);

/** An attribute written as absent or null: read as null. */
export const orNull = <T>(value: ItemSchema<T>) => value.nullish().transform((v): T | null => v ?? null);

/** An optional attribute (absent, or null in older items): read as undefined. */
export const optional = <T>(value: ItemSchema<T>) =>
  value.nullish().transform((v): T | undefined => v ?? undefined);

/** One of core's values (a zone, a device...). */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);

/** A nested value of a core type whose own shape core validates on the way in: its required attributes. */
export const shaped = <T>(what: string, required: readonly string[]) =>
  z.custom<T>(
    (v) => typeof v === "object" && v !== null && required.every((k) => k in v),
    `expected ${what} with ${required.join(", ")}`,
  );

/** The audit attributes of a versioned entity. */
export const versioned = {
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
};
