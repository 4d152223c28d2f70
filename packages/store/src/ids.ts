import { randomBytes } from "node:crypto";

/** Time-ordered, URL-safe ids (sortable by creation), never containing '#'. */
export function newId(now: Date = new Date()): string {
  return `${now.getTime().toString(36).padStart(9, "0")}${randomBytes(6).toString("hex")}`;
}
