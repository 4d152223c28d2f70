import { Audit } from "@needlework/store";
import { requireAdmin } from "../authz";
import type { Context } from "../context";
import { localIdOf, toGlobalId } from "../ids";
import { toConnection } from "./connection";

/** The audit trail, per patient and per user. Clinic admins only. */
type PageArgs = { first?: number | null; after?: string | null };

const entryNode = (e: Audit.AuditEntry) => ({
  id: e.id,
  at: e.at,
  userId: toGlobalId("User", e.userId),
  userEmail: e.userEmail,
  role: e.role,
  action: e.action,
  patientId: e.patientId ? toGlobalId("Patient", e.patientId) : null,
  siteId: e.siteId ? toGlobalId("Site", e.siteId) : null,
  outcome: e.outcome,
  detail: e.detail ?? null,
  detailErased: e.detailErased === true,
});

export const auditResolvers = {
  Query: {
    auditTrail: async (_: unknown, args: PageArgs & { patientId: string }, ctx: Context) => {
      const p = requireAdmin(ctx);
      const page = await Audit.listByPatient(
        ctx.db,
        p,
        localIdOf(args.patientId, "Patient", "patientId"),
        args,
      );
      return toConnection(page, entryNode);
    },
    auditByUser: async (_: unknown, args: PageArgs & { userId: string }, ctx: Context) => {
      const p = requireAdmin(ctx);
      const page = await Audit.listByUser(ctx.db, p, localIdOf(args.userId, "User", "userId"), args);
      return toConnection(page, entryNode);
    },
  },
};
