import {
  badInput,
  canSeeSite,
  conflict,
  contraindicated,
  ConsultationRules,
  forbidden,
  isDomainError,
  notFound,
  Protocols,
  PlanRules,
  type ClinicSettings,
  type Patient,
  type PlanInput,
  type Principal,
  type SerumOverrideInput,
  type SuggestedPlan,
} from "@needlework/core";
import { addAudit, appendAudit, auditedRead } from "../audit";
import type { Db } from "../client";
import { getSite } from "../groups";
import { decodeCursor, type Page } from "../cursor";
import { runIdempotent, type IdempotencyContext } from "../idempotency";
import { newId } from "../ids";
import { Keys } from "../keys";
import { Tx } from "../tx";
import { queryPage } from "./paging";
import { guardPatient } from "./patient-facts";
import { listProtocols } from "./protocols";
import { batchGet, keyString, loadWithPatient, type Item, type ItemKey } from "./read";
import { formatRef, parseRef, type RecordRef } from "./refs";
import { listSerums } from "./serums";
import { settingsFromItem } from "./settings";
import { addKpiPlan } from "../analytics/kpis";
import {
  concernFromItem,
  concernKey,
  consultationFromItem,
  consultationKey,
  type Concern,
} from "../entities/consultation";
import { serumFromItem, type SerumRecord } from "../entities/serum";
import {
  type SerumOverrideRecord,
  type PlannedSerum,
  type TreatmentPlan,
  planKey,
  planFromItem,
  planItem,
} from "../entities/plan";

/** The entity this module writes, declared in entities/plan.ts. */
export * from "../entities/plan";

/**
 * Treatment plans: built from a consultation that is cleared (no BLOCK without an override), with
 * planned serums checked against the patient's allergies and needling clearance. A plan carries its
 * progress and what is due next; while something is due it sits in the site's sparse due index
 * (gsi2 `G#g#S#<site>#DUE` / `<dueOn>#<patientId>#<planId>`), so "who is due" is one Query.
 * Progress and due dates come from core (PlanRules.planState over Schedule).
 */

/** Progress, status and due dates after the plan's sessions (`sessionDates`), from core; also for seeds. */
export function planWithState(
  p: Omit<
    TreatmentPlan,
    "status" | "progress" | "lastSessionOn" | "nextDueOn" | "retreatmentDueOn" | "dueOn" | "dueKind"
  >,
  settings: Pick<ClinicSettings, "retreatmentMonths" | "rebookingGraceDays">,
  cancelled: boolean,
): TreatmentPlan {
  const s = PlanRules.planState(
    { startOn: p.startDate, sessionsPlanned: p.sessionsPlanned, intervalWeeks: p.intervalWeeks, cancelled },
    p.sessionDates,
    settings,
  );
  return {
    ...p,
    status: s.status,
    progress: { done: s.done, planned: s.planned },
    lastSessionOn: s.lastSessionOn,
    nextDueOn: s.nextDueOn,
    retreatmentDueOn: s.retreatmentDueOn,
    dueOn: s.dueOn,
    dueKind: s.dueKind,
  };
}

/** A plan's local id: `<patientId>|<startDate>|<planId>` (the one in its global id), or `<startDate>|<planId>`. */
function planRefOf(patientId: string, planLocalId: string): RecordRef {
  const ref = parseRef(planLocalId.split("|").length === 2 ? `${patientId}|${planLocalId}` : planLocalId);
  if (!ref || ref.patientId !== patientId) throw notFound("The treatment plan");
  return ref;
}

/** The plan and its patient (visible to the principal), in one BatchGetItem with any extra keys. */
export async function loadPlanWithPatient(
  db: Db,
  actor: Principal,
  ref: RecordRef,
  extra: readonly ItemKey[] = [],
): Promise<{ patient: Patient; plan: TreatmentPlan; items: Map<string, Item> }> {
  const key = planKey(actor.groupId, ref);
  const { patient, items } = await loadWithPatient(
    db,
    actor,
    ref.patientId,
    [key, ...extra],
    "The treatment plan",
  );
  const item = items.get(keyString(key));
  if (!item) throw notFound("The treatment plan");
  return { patient, plan: planFromItem(item), items };
}

/**
 * For the session transaction: the plan of a patient the principal can see (NOT_FOUND otherwise).
 * `planLocalId` is the local id inside the plan's global id. One BatchGetItem (profile + plan).
 */
export async function loadPlan(
  db: Db,
  actor: Principal,
  patientId: string,
  planLocalId: string,
): Promise<TreatmentPlan> {
  return (await loadPlanWithPatient(db, actor, planRefOf(patientId, planLocalId))).plan;
}

/**
 * For the session transaction: counts a session on `sessionDate` against the plan and moves its
 * status, next due date / retreatment date and due-index keys (core's schedule), as a Put in `tx`
 * conditioned on the version read (`version = :read`; a concurrent change fails the whole
 * transaction with CONFLICT), and its KPI item at the patient's current site (`patientSiteId`, the
 * analytics' rule: clinical/patient-facts.ts). Returns the plan as it will be stored. A cancelled plan
 * takes no sessions.
 */
export function addPlanProgress(
  tx: Tx,
  actor: Principal,
  plan: TreatmentPlan,
  sessionDate: string,
  settings: Pick<ClinicSettings, "retreatmentMonths" | "rebookingGraceDays">,
  patientSiteId: string,
): TreatmentPlan {
  if (plan.status === "CANCELLED")
    throw badInput([
      {
        path: "planId",
        reason: "this treatment plan was cancelled; record the session without it or plan again",
      },
    ]);
  const at = new Date().toISOString();
  const next = planWithState(
    {
      ...plan,
      sessionDates: [...plan.sessionDates, sessionDate],
      version: plan.version + 1,
      updatedAt: at,
      updatedBy: actor.userId,
    },
    settings,
    false,
  );
  tx.put(planItem(next), {
    condition: "attribute_exists(pk) AND version = :read",
    values: { ":read": plan.version },
    onConditionFailed: (old) => (old ? conflict("This treatment plan") : notFound("The treatment plan")),
  });
  addKpiPlan(tx, { ...next, siteId: patientSiteId });
  return next;
}

// --- Suggestion ---------------------------------------------------------------------------------

function concernRefsFor(patientId: string, refs: readonly RecordRef[], path: string): RecordRef[] {
  const bad = refs.map((r, i) => ({ r, i })).filter(({ r }) => r.patientId !== patientId);
  if (bad.length > 0)
    throw badInput(bad.map(({ i }) => ({ path: `${path}.${i}`, reason: "is a concern of another patient" })));
  return [...refs];
}

function concernsFrom(groupId: string, refs: readonly RecordRef[], items: Map<string, Item>): Concern[] {
  return refs.map((r) => {
    const it = items.get(keyString(concernKey(groupId, r)));
    if (!it) throw notFound("The concern");
    return concernFromItem(it);
  });
}

/**
 * Core's plan suggestion for the chosen concerns of a visible patient, from the group's protocols
 * (own or default) and serum catalogue. Reads: one BatchGetItem (profile + concerns), one Query for
 * the protocols and one for the catalogue.
 */
export async function suggestPlan(
  db: Db,
  actor: Principal,
  patientId: string,
  concernRefs: readonly RecordRef[],
): Promise<SuggestedPlan> {
  const refs = concernRefsFor(patientId, concernRefs, "concernIds");
  if (refs.length === 0) throw badInput([{ path: "concernIds", reason: "choose at least one concern" }]);
  // It reads the patient's profile and concerns: one audit entry, like any read.
  const { suggestion } = await auditedRead(
    db,
    actor,
    { action: "SUGGEST_PLAN", patientId },
    async () => {
      const [{ patient, items }, protocols, catalogue] = await Promise.all([
        loadWithPatient(
          db,
          actor,
          patientId,
          refs.map((r) => concernKey(actor.groupId, r)),
        ),
        listProtocols(db, actor.groupId),
        listSerums(db, actor),
      ]);
      const concerns = concernsFrom(actor.groupId, refs, items);
      return {
        patient,
        suggestion: Protocols.suggestPlan({
          concerns: concerns.map((c) => ({ indication: c.indication, bodyArea: c.bodyArea, zones: c.zones })),
          patient,
          protocols,
          catalogue,
        }),
      };
    },
    (r) => r.patient.siteId,
  );
  return suggestion;
}

// --- Create / update ----------------------------------------------------------------------------

export interface PlanFieldsInput {
  startDate: string;
  zones: PlanInput["zones"];
  sessionsPlanned: number;
  intervalWeeks: number;
  device?: string | null;
  serumIds?: string[] | null;
  notes?: string | null;
}

export interface CreatePlanInput extends PlanFieldsInput {
  consultation: RecordRef;
  concerns: RecordRef[];
  siteId: string;
  serumOverrides?: SerumOverrideInput[] | null;
}

/** Core names the plan's fields as core does; the API's names are startDate and plannedSerums. */
const PATH_NAMES: [RegExp, string][] = [
  [/^startOn$/, "startDate"],
  [/^serumIds\.(\d+)$/, "plannedSerums.$1.serumId"],
];

function validatePlan(input: PlanFieldsInput & { concernIds: string[] }) {
  try {
    return Protocols.validatePlanInput({ ...input, startOn: input.startDate });
  } catch (e) {
    if (isDomainError(e) && e.code === "BAD_USER_INPUT")
      throw badInput(
        e.fields.map((f) => ({
          path: PATH_NAMES.reduce((p, [re, to]) => p.replace(re, to), f.path),
          reason: f.reason,
        })),
      );
    throw e;
  }
}

/** Checks the planned serums (core) and applies the overrides given; carried overrides stay as they were. */
function plannedSerumsFor(
  actor: Principal,
  patient: Patient,
  settings: ClinicSettings,
  startDate: string,
  serums: SerumRecord[],
  overrides: readonly SerumOverrideInput[],
  carried: ReadonlyMap<string, SerumOverrideRecord> = new Map(),
): PlannedSerum[] {
  const at = new Date().toISOString();
  const checks = serums.map((s) => ({
    serumId: s.id,
    serumName: s.name,
    findings: PlanRules.checkPlannedSerum({ patient, serum: s, onDate: startDate, settings }),
  }));
  const given = new Set(overrides.map((o) => o.serumId));
  const keep = checks.filter((c) => !given.has(c.serumId) && c.findings.length > 0 && carried.has(c.serumId));
  const resolved = PlanRules.resolvePlannedSerums(
    checks,
    [...overrides, ...keep.map((c) => ({ serumId: c.serumId, reason: carried.get(c.serumId)!.reason }))],
    { by: actor.userId, at },
  );
  return resolved.map((r) => ({
    serumId: r.serumId,
    name: r.serumName,
    findings: r.findings,
    override:
      r.overrideReason === undefined
        ? undefined
        : given.has(r.serumId)
          ? { reason: r.overrideReason, by: actor.userId, byName: actor.name, at }
          : carried.get(r.serumId),
  }));
}

function serumsFrom(groupId: string, ids: readonly string[], items: Map<string, Item>): SerumRecord[] {
  return ids.map((id) => {
    const it = items.get(keyString(Keys.serum(groupId, id)));
    if (!it) throw notFound("The serum");
    return serumFromItem(it);
  });
}

const serumAudit = (serums: readonly PlannedSerum[]): string => {
  const o = serums.filter((s) => s.override).map((s) => `${s.name}: ${s.override!.reason}`);
  return o.length ? `; serum overrides: ${o.join(" | ")}` : "";
};

/**
 * Creates a plan from a consultation. Refused with CONTRAINDICATED (the reasons) while the
 * consultation has a BLOCK without an override, or while a planned serum is flagged and not
 * overridden with a reason. Validated by core; stored as PLANNED with progress 0/N, next due on
 * the start date and in the site's due index. Reads: one BatchGetItem (profile, consultation,
 * concerns, serums, settings); writes: one TransactWriteItems (plan, consultation and profile still at
 * the versions read, site exists, audit).
 */
export async function createTreatmentPlan(
  db: Db,
  actor: Principal,
  input: CreatePlanInput,
  idem?: IdempotencyContext,
): Promise<TreatmentPlan> {
  const patientId = input.consultation.patientId;
  const concerns = concernRefsFor(patientId, input.concerns, "concernIds");
  const { plan: fields, aboveZoneDefault } = validatePlan({
    ...input,
    concernIds: concerns.map((c) => c.id),
  });
  if (!input.siteId) throw badInput([{ path: "siteId", reason: "is required" }]);
  if (fields.startOn < input.consultation.date)
    throw badInput([
      { path: "startDate", reason: `must not be before the consultation (${input.consultation.date})` },
    ]);
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const settingsKey = Keys.settings(actor.groupId);
      const cKey = consultationKey(actor.groupId, input.consultation);
      const { patient, items } = await loadWithPatient(
        db,
        actor,
        patientId,
        [
          cKey,
          settingsKey,
          ...concerns.map((r) => concernKey(actor.groupId, r)),
          ...fields.serumIds.map((id) => Keys.serum(actor.groupId, id)),
        ],
        "The consultation",
      );
      const cItem = items.get(keyString(cKey));
      if (!cItem) throw notFound("The consultation");
      const consultation = consultationFromItem(cItem);
      concernsFrom(actor.groupId, concerns, items);
      if (!canSeeSite(actor, input.siteId))
        throw forbidden("You can only plan treatment at a site you work at.");
      const status = ConsultationRules.screenStatus(consultation.findings, consultation.overrides);
      if (!status.cleared) throw contraindicated(status.unresolvedBlocks);
      const { settings } = settingsFromItem(items.get(keyString(settingsKey)));
      const plannedSerums = plannedSerumsFor(
        actor,
        patient,
        settings,
        fields.startOn,
        serumsFrom(actor.groupId, fields.serumIds, items),
        input.serumOverrides ?? [],
      );
      const now = new Date().toISOString();
      const plan = planWithState(
        {
          id: newId(),
          groupId: actor.groupId,
          patientId,
          siteId: input.siteId,
          consultationRef: formatRef(input.consultation),
          concernIds: fields.concernIds,
          keyDate: fields.startOn,
          startDate: fields.startOn,
          zones: fields.zones,
          aboveZoneDefault,
          sessionsPlanned: fields.sessionsPlanned,
          intervalWeeks: fields.intervalWeeks,
          device: fields.device,
          plannedSerums,
          notes: fields.notes,
          sessionDates: [],
          version: 1,
          createdAt: now,
          createdBy: actor.userId,
          updatedAt: now,
          updatedBy: actor.userId,
        },
        settings,
        false,
      );
      tx.put(planItem(plan), { condition: "attribute_not_exists(pk)" });
      // The KPI item counts the plan at the patient's current site (clinical/patient-facts.ts).
      addKpiPlan(
        tx,
        { ...plan, siteId: patient.siteId },
        {
          indications: concernsFrom(actor.groupId, concerns, items).map((c) => c.indication),
          fitzpatrick: patient.fitzpatrick,
        },
      );
      tx.conditionCheck(cKey, {
        condition: "version = :v",
        values: { ":v": consultation.version },
        onConditionFailed: () => conflict("The consultation"),
      });
      guardPatient(tx, actor.groupId, patientId, patient.version);
      tx.conditionCheck(Keys.site(actor.groupId, input.siteId), {
        condition: "attribute_exists(pk)",
        onConditionFailed: () => notFound("The site"),
      });
      addAudit(tx, actor, {
        action: "CREATE_TREATMENT_PLAN",
        patientId,
        siteId: input.siteId,
        detail: `${plan.sessionsPlanned} sessions every ${plan.intervalWeeks} weeks from ${plan.startDate}${serumAudit(plannedSerums)}`,
      });
      return plan;
    },
    () => new Tx(),
  );
}

export interface UpdatePlanInput {
  siteId?: string | null;
  startDate?: string | null;
  zones?: PlanInput["zones"] | null;
  sessionsPlanned?: number | null;
  intervalWeeks?: number | null;
  device?: string | null;
  /** The full new list of planned serums (checked again); absent = unchanged. */
  serumIds?: string[] | null;
  serumOverrides?: SerumOverrideInput[] | null;
  notes?: string | null;
  /** Cancels the plan (for good): the reason is required. */
  cancelReason?: string | null;
}

/**
 * Edits or cancels a plan with the version read (stale → CONFLICT). Changed fields are validated by
 * core with the rest of the plan; a new serum list is checked again (earlier overrides of serums that
 * stay are kept); progress and the due index follow. A cancelled plan leaves the due index.
 */
export async function updateTreatmentPlan(
  db: Db,
  actor: Principal,
  ref: RecordRef,
  expectedVersion: number,
  input: UpdatePlanInput,
  idem?: IdempotencyContext,
): Promise<TreatmentPlan> {
  const cancelling = input.cancelReason != null;
  const cancelReason = input.cancelReason?.trim();
  if (cancelling && !cancelReason)
    throw badInput([{ path: "cancelReason", reason: "say why the plan is cancelled" }]);
  if (cancelReason && cancelReason.length > 1000)
    throw badInput([{ path: "cancelReason", reason: "must be at most 1000 characters" }]);
  if (input.siteId === "") throw badInput([{ path: "siteId", reason: "is required" }]);
  if ((input.serumOverrides ?? []).length > 0 && input.serumIds == null)
    throw badInput([
      { path: "plannedSerums", reason: "give the full list of planned serums with the overrides" },
    ]);
  return runIdempotent(
    db,
    actor,
    idem,
    async (tx) => {
      const settingsKey = Keys.settings(actor.groupId);
      const recheck = input.serumIds != null;
      const reread = input.serumIds ?? [];
      const { patient, plan, items } = await loadPlanWithPatient(db, actor, ref, [
        settingsKey,
        ...reread.map((id) => Keys.serum(actor.groupId, id)),
      ]);
      if (plan.version !== expectedVersion) throw conflict("This treatment plan");
      if (plan.status === "CANCELLED")
        throw badInput([{ path: "id", reason: "this treatment plan was cancelled and cannot be changed" }]);
      const siteId = input.siteId ?? plan.siteId;
      if (!canSeeSite(actor, siteId)) throw forbidden("You can only plan treatment at a site you work at.");
      const { plan: fields, aboveZoneDefault } = validatePlan({
        concernIds: plan.concernIds,
        startDate: input.startDate ?? plan.startDate,
        zones: input.zones ?? plan.zones,
        sessionsPlanned: input.sessionsPlanned ?? plan.sessionsPlanned,
        intervalWeeks: input.intervalWeeks ?? plan.intervalWeeks,
        device: input.device ?? plan.device,
        serumIds: input.serumIds ?? plan.plannedSerums.map((s) => s.serumId),
        notes: input.notes ?? plan.notes,
      });
      const { settings } = settingsFromItem(items.get(keyString(settingsKey)));
      const carried = new Map(
        plan.plannedSerums.filter((s) => s.override).map((s) => [s.serumId, s.override!]),
      );
      const plannedSerums = recheck
        ? plannedSerumsFor(
            actor,
            patient,
            settings,
            fields.startOn,
            serumsFrom(actor.groupId, fields.serumIds, items),
            input.serumOverrides ?? [],
            carried,
          )
        : plan.plannedSerums;
      const at = new Date().toISOString();
      const next = planWithState(
        {
          ...plan,
          siteId,
          startDate: fields.startOn,
          zones: fields.zones,
          aboveZoneDefault,
          sessionsPlanned: fields.sessionsPlanned,
          intervalWeeks: fields.intervalWeeks,
          device: fields.device,
          plannedSerums,
          notes: fields.notes,
          cancelledReason: cancelReason ?? plan.cancelledReason,
          version: plan.version + 1,
          updatedAt: at,
          updatedBy: actor.userId,
        },
        settings,
        cancelling,
      );
      if (siteId !== plan.siteId)
        tx.conditionCheck(Keys.site(actor.groupId, siteId), {
          condition: "attribute_exists(pk)",
          onConditionFailed: () => notFound("The site"),
        });
      tx.put(planItem(next), {
        condition: "attribute_exists(pk) AND version = :v",
        values: { ":v": expectedVersion },
        onConditionFailed: (old) => (old ? conflict("This treatment plan") : notFound("The treatment plan")),
      });
      // The KPI item, at the patient's current site: guarded on the profile as read, so a move of the
      // patient (or a change of type) between this read and the write makes this CONFLICT instead of
      // leaving the item at the old site, and a recount racing it CONFLICTs on recordSeq.
      addKpiPlan(tx, { ...next, siteId: patient.siteId });
      guardPatient(tx, actor.groupId, plan.patientId, patient.version);
      addAudit(tx, actor, {
        action: cancelling ? "CANCEL_TREATMENT_PLAN" : "UPDATE_TREATMENT_PLAN",
        patientId: plan.patientId,
        siteId,
        detail: cancelling
          ? `cancelled: ${cancelReason}`
          : `${next.sessionsPlanned} sessions every ${next.intervalWeeks} weeks from ${next.startDate}${serumAudit(plannedSerums)}`,
      });
      return next;
    },
    () => new Tx(),
  );
}

/** A plan for display, with an audit entry of the read (or of the refusal). */
export async function getTreatmentPlan(db: Db, actor: Principal, ref: RecordRef): Promise<TreatmentPlan> {
  const { plan } = await auditedRead(
    db,
    actor,
    { action: "READ_TREATMENT_PLAN", patientId: ref.patientId },
    () => loadPlanWithPatient(db, actor, ref),
    (r) => r.patient.siteId,
  );
  return plan;
}

// --- Due list -------------------------------------------------------------------------------------

/**
 * Plans of a site whose next session or retreatment falls between `from` and `to` (both included),
 * soonest first: ONE Query on the sparse due index per page. Whether each plan's patient is visible
 * is the caller's check (the portal filters through the patient loader).
 */
export async function plansDue(
  db: Db,
  actor: Principal,
  args: { siteId: string; from: string; to: string; first?: number | null; after?: string | null },
): Promise<Page<TreatmentPlan>> {
  if (!canSeeSite(actor, args.siteId)) throw notFound("The site");
  if (args.to < args.from) throw badInput([{ path: "to", reason: "must not be before from" }]);
  // A clinic admin may name any site: one the group does not have is NOT_FOUND, not an empty list.
  if (!actor.siteIds.includes(args.siteId) && !(await getSite(db, actor.groupId, args.siteId)))
    throw notFound("The site");
  const gsi2pk = Keys.siteDueGsi(actor.groupId, args.siteId);
  const start = decodeCursor(args.after, actor.groupId);
  if (start && start.gsi2pk !== gsi2pk)
    throw badInput([{ path: "after", reason: "is not a cursor this API gave out" }]);
  const page = await queryPage(
    db,
    actor.groupId,
    { first: args.first, after: args.after },
    {
      IndexName: "gsi2",
      KeyConditionExpression: "gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to",
      // Sort keys are `<dueOn>#...`: "~" sorts after "#", so the whole `to` day is included.
      ExpressionAttributeValues: { ":pk": gsi2pk, ":from": args.from, ":to": `${args.to}~` },
    },
    planFromItem,
  );
  await appendAudit(db, actor, {
    action: "LIST_PLANS_DUE",
    siteId: args.siteId,
    detail: `${args.from}..${args.to}: ${page.items.length} plans`,
  });
  return page;
}

/** Plans by ref for a DataLoader (visibility is the caller's check, through the patient). */
export async function getPlans(
  db: Db,
  groupId: string,
  refs: readonly RecordRef[],
): Promise<(TreatmentPlan | undefined)[]> {
  const keys = refs.map((r) => planKey(groupId, r));
  const found = await batchGet(db, keys);
  return keys.map((k) => {
    const it = found.get(keyString(k));
    return it ? planFromItem(it) : undefined;
  });
}
