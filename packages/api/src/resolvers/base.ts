import { notFound } from "@needlework/core";
import { Groups, parseRef, Patients, type Site } from "@needlework/store";
import { requirePrincipal, type Context } from "../context";
import { parseGlobalId, toGlobalId } from "../ids";
import { requireAdmin, requireIdentifiedAccess } from "../authz";
import { patientNode, siteNode, userNode } from "./nodes";
import { concernNodeById, consultationNodeById } from "./consultations";
import { treatmentPlanNodeById } from "./plans";
import { serumById } from "./serums";
import { sessionNodeById } from "./sessions";
import { assessmentNodeById } from "./assessments";
import { loadAll } from "../load";

export const baseResolvers = {
  Query: {
    me: async (_: unknown, __: unknown, ctx: Context) => {
      const p = requirePrincipal(ctx);
      const group = await Groups.getGroup(ctx.db, p.groupId);
      const siteIds =
        p.role === "CLINIC_ADMIN" ? (await Groups.listSites(ctx.db, p.groupId)).map((s) => s.id) : p.siteIds;
      const sites = (await loadAll(ctx.loaders.site, siteIds)).filter((s): s is Site => !!s);
      return {
        userId: toGlobalId("User", p.userId),
        email: p.email,
        name: p.name,
        role: p.role,
        groupId: p.groupId,
        groupName: group?.name ?? "",
        sites: sites.map(siteNode),
      };
    },
    node: async (_: unknown, args: { id: string }, ctx: Context) => {
      const p = requirePrincipal(ctx);
      const parsed = parseGlobalId(args.id);
      if (!parsed) throw notFound("That object");
      switch (parsed.type) {
        case "Patient":
          await requireIdentifiedAccess(ctx, { action: "READ_PATIENT", patientId: parsed.localId });
          return patientNode(await Patients.getPatient(ctx.db, p, parsed.localId));
        case "User": {
          requireAdmin(ctx);
          const user = await Groups.getUser(ctx.db, p.groupId, parsed.localId);
          if (!user) throw notFound("The user");
          return userNode(user);
        }
        case "Site": {
          const site = await ctx.loaders.site.load(parsed.localId);
          if (!site || (p.role === "PRACTITIONER" && !p.siteIds.includes(site.id)))
            throw notFound("The site");
          return siteNode(site);
        }
        case "Consultation":
        case "Concern":
        case "TreatmentPlan": {
          // Records inside a patient's collection: a malformed local id is just not there.
          if (!parseRef(parsed.localId)) throw notFound("That object");
          if (parsed.type === "Consultation") return consultationNodeById(ctx, args.id);
          if (parsed.type === "Concern") return concernNodeById(ctx, args.id);
          return treatmentPlanNodeById(ctx, args.id);
        }
        case "SerumAddOn":
          return serumById(ctx, parsed.localId);
        case "TreatmentSession":
          await requireIdentifiedAccess(ctx, {
            action: "READ_TREATMENT_SESSION",
            patientId: parseRef(parsed.localId)?.patientId,
          });
          return sessionNodeById(ctx, parsed.localId);
        case "Assessment":
          await requireIdentifiedAccess(ctx, {
            action: "READ_ASSESSMENT",
            patientId: parseRef(parsed.localId)?.patientId,
          });
          return assessmentNodeById(ctx, parsed.localId);
        default:
          throw notFound("That object");
      }
    },
  },
  Node: {
    __resolveType: (obj: { __typename: string }) => obj.__typename,
  },
};
