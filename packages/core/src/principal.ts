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
