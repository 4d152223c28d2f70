import { DateScalar, DateTimeScalar } from "./scalars";
import { baseResolvers } from "./base";
import { patientResolvers } from "./patients";
import { adminResolvers } from "./admin";
import { auditResolvers } from "./audit";
import { analyticsResolvers } from "./analytics";
import { settingsResolvers } from "./settings";
import { protocolResolvers } from "./protocols";
import { consultationResolvers } from "./consultations";
import { planResolvers } from "./plans";
import { serumResolvers } from "./serums";
import { sessionResolvers } from "./sessions";
import { assessmentResolvers } from "./assessments";
import { timelineResolvers } from "./timeline";
import { withAuthz } from "../authz";
import { rootFields } from "../generated/sdl";

type ResolverMap = Record<string, Record<string, unknown>>;

/** Merges per-domain resolver maps type by type; a field defined twice is a bug caught at start-up. */
export function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const out: ResolverMap = {};
  for (const m of maps) {
    for (const [type, fields] of Object.entries(m)) {
      out[type] ??= {};
      for (const [name, fn] of Object.entries(fields)) {
        if (name in out[type]) throw new Error(`resolver ${type}.${name} defined twice`);
        out[type][name] = fn;
      }
    }
  }
  return out;
}

export const resolvers = {
  // Deny by default: every root field runs its policy first (authz.ts), nested resolvers their type's.
  ...withAuthz(
    mergeResolvers(
      baseResolvers,
      patientResolvers,
      adminResolvers,
      auditResolvers,
      analyticsResolvers,
      settingsResolvers,
      protocolResolvers,
      consultationResolvers,
      planResolvers,
      serumResolvers,
      sessionResolvers,
      assessmentResolvers,
      timelineResolvers,
    ),
    rootFields,
  ),
  Date: DateScalar,
  DateTime: DateTimeScalar,
};
