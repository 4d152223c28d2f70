import { canSeeSite, notFound, type Patient } from "@needlework/core";
import { Idempotency } from "@needlework/store";
import { requirePrincipal, type Context } from "../context";
import { toGlobalId } from "../ids";
import { patientNode, siteNode, type PatientNode } from "./nodes";

/** Helpers shared by the clinical resolvers (settings, protocols, consultations, plans). */

export function idem(op: string, key: string | null | undefined, body: unknown) {
  return key ? { key, requestHash: Idempotency.requestHash(op, body) } : undefined;
}

/**
 * The patient behind a nested record, through the per-request loader: NOT_FOUND (like a missing
 * record) when the principal may not see it, however the record was reached.
 */
export async function visiblePatient(ctx: Context, patientId: string): Promise<Patient> {
  const p = requirePrincipal(ctx);
  const patient = await ctx.loaders.patient.load(patientId);
  if (!patient || !canSeeSite(p, patient.siteId)) throw notFound("The patient");
  return patient;
}

export async function visiblePatientNode(ctx: Context, patientId: string): Promise<PatientNode> {
  return patientNode(await visiblePatient(ctx, patientId));
}

export async function siteOf(ctx: Context, siteId: string) {
  const site = await ctx.loaders.site.load(siteId);
  if (!site) throw notFound("The site");
  return siteNode(site);
}

/** A person as recorded on a clinical record. */
export const staffMember = (userId: string, name: string) => ({ id: toGlobalId("User", userId), name });
