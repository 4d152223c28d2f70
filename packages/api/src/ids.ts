import { badInput } from "@needlework/core";
import { formatRef, parseRef, type RecordRef } from "@needlework/store";

/**
 * Global ids for the Node interface: base64url("Type:localId"). Opaque to clients; the tenant never
 * comes from an id but from the verified principal.
 */
export type NodeType = "Patient" | "Site" | "User" | (string & {});

export function toGlobalId(type: NodeType, localId: string): string {
  return Buffer.from(`${type}:${localId}`, "utf8").toString("base64url");
}

export function parseGlobalId(id: string): { type: string; localId: string } | undefined {
  if (typeof id !== "string" || id.length > 512 || !/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const raw = Buffer.from(id, "base64url").toString("utf8");
  const i = raw.indexOf(":");
  if (i <= 0 || i === raw.length - 1) return undefined;
  const localId = raw.slice(i + 1);
  if (!/^[A-Za-z0-9_./|:-]+$/.test(localId)) return undefined;
  return { type: raw.slice(0, i), localId };
}

/** The local id inside a global id of the expected type; anything else is a BAD_USER_INPUT on `path`. */
export function localIdOf(id: string, type: NodeType, path = "id"): string {
  const parsed = parseGlobalId(id);
  if (!parsed || parsed.type !== type) throw badInput([{ path, reason: `is not the id of a ${type}` }]);
  return parsed.localId;
}

/**
 * Records inside a patient's collection (Consultation, Concern, TreatmentPlan, ...): the local id is
 * `<patientId>|<date>|<id>` (docs/STORAGE.md), so the record's key is built without an index.
 */
export function recordRefOf(id: string, type: NodeType, path = "id"): RecordRef {
  const ref = parseRef(localIdOf(id, type, path));
  if (!ref) throw badInput([{ path, reason: `is not the id of a ${type}` }]);
  return ref;
}

export function toRecordId(type: NodeType, ref: RecordRef): string {
  return toGlobalId(type, formatRef(ref));
}
