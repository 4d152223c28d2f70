import type { ClinicSettingsInput } from "@needlework/core";
import { GroupSettings, type StoredSettings } from "@needlework/store";
import { requireAdmin } from "../authz";
import { requirePrincipal } from "../context";
import type { Resolvers } from "../generated/resolvers";
import { idem } from "./clinical";

/** The clinic group's settings: anyone signed in reads them; clinic admins change them. */
const settingsOut = (s: StoredSettings) => ({
  ...s.settings,
  isDefault: s.isDefault,
  version: s.version,
  updatedAt: s.updatedAt ?? null,
});

export const settingsResolvers = {
  Query: {
    clinicSettings: async (_, __, ctx) =>
      settingsOut(await ctx.loaders.settings.load(requirePrincipal(ctx).groupId)),
  },
  Mutation: {
    updateClinicSettings: async (_, args, ctx) => {
      const p = requireAdmin(ctx);
      const input: ClinicSettingsInput = args.input;
      const saved = await GroupSettings.updateSettings(
        ctx.db,
        p,
        args.version,
        input,
        idem("updateClinicSettings", args.idempotencyKey, { version: args.version, input: args.input }),
      );
      return { settings: settingsOut(saved) };
    },
  },
} satisfies Resolvers;
