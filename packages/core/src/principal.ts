import { Problems, requireText } from "./validate";

/** Who is acting: set by the API from a verified token, never from input. */
export const ROLES = ["PRACTITIONER", "CLINIC_ADMIN", "ANALYST"] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  groupId: string;
  /** Sites the user works at. CLINIC_ADMIN sees every site of the group regardless. */
  siteIds: string[];
  /**
   * Clinical lead (a prescriber): may override a BLOCK. Granted and revoked by a clinic admin;
   * absent means not granted.
   */
  clinicalLead?: boolean;
}

/** Whether the principal may override a BLOCK (never a hard stop). Analysts never may. */
export function isClinicalLead(p: Pick<Principal, "role" | "clinicalLead">): boolean {
  return p.clinicalLead === true && p.role !== "ANALYST";
}

/** Whether the principal may see clinical records held at `siteId`. Analysts never see identified data. */
export function canSeeSite(p: Principal, siteId: string): boolean {
  if (p.role === "CLINIC_ADMIN") return true;
  if (p.role === "PRACTITIONER") return p.siteIds.includes(siteId);
  return false;
}

export function canSeeIdentifiedData(p: Principal): boolean {
  return p.role === "CLINIC_ADMIN" || p.role === "PRACTITIONER";
}

/** Admin input for a site: a name a practitioner recognises. */
export function validateSiteName(name: string | null | undefined, path = "input.name"): string {
  const p = new Problems();
  const v = requireText(p, path, name, { max: 100 });
  p.throwIfAny();
  return v!;
}

export interface StaffInput {
  email?: string | null | undefined;
  name?: string | null | undefined;
  role?: Role | null | undefined;
  siteIds?: string[] | null | undefined;
}

export interface StaffFields {
  email: string;
  name: string;
  role: Role;
  /** Only practitioners carry sites: a clinic admin sees every site, an analyst none. */
  siteIds: string[];
}

const STAFF_EMAIL = /^[^\s@#]+@[^\s@#]+\.[^\s@#]+$/;

/**
 * Validates a new user, or an update merged over the stored one (`current`): every problem at once.
 * Emails are kept lower-case; they are the sign-in name.
 */
export function validateStaffInput(input: StaffInput, current?: StaffFields): StaffFields {
  const p = new Problems();
  const email = current
    ? current.email
    : requireText(p, "input.email", input.email, { max: 200 })?.toLowerCase();
  if (!current && email && !STAFF_EMAIL.test(email)) p.add("input.email", "must be an email address");
  const name =
    input.name === undefined && current
      ? current.name
      : requireText(p, "input.name", input.name, { max: 100 });
  const role = input.role ?? current?.role;
  if (!role || !(ROLES as readonly string[]).includes(role))
    p.add("input.role", `must be one of ${ROLES.join(", ")}`);
  const rawSites =
    input.siteIds ?? (input.role && input.role !== current?.role ? [] : current?.siteIds) ?? [];
  const siteIds = [...new Set(rawSites.map((s) => s.trim()).filter(Boolean))];
  if (siteIds.length > 20) p.add("input.siteIds", "at most 20 sites");
  if (role === "PRACTITIONER" && siteIds.length === 0)
    p.add("input.siteIds", "a practitioner needs at least one site");
  if (role !== "PRACTITIONER" && siteIds.length > 0 && input.siteIds?.length) {
    p.add("input.siteIds", "only practitioners are given sites: clinic admins see every site, analysts none");
  }
  p.throwIfAny();
  return { email: email!, name: name!, role: role!, siteIds: role === "PRACTITIONER" ? siteIds : [] };
}
