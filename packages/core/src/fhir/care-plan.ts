import type { BundleContext } from "./context";
import type { FhirCarePlan, FhirExportInput } from "./types";

type Plan = NonNullable<FhirExportInput["plans"]>[number];

const STATUS = {
  PLANNED: "draft",
  IN_PROGRESS: "active",
  COMPLETED: "completed",
  CANCELLED: "revoked",
} as const satisfies Record<Plan["status"], FhirCarePlan["status"]>;

const ACTIVITY_STATUS = {
  PLANNED: "not-started",
  IN_PROGRESS: "in-progress",
  COMPLETED: "completed",
  CANCELLED: "cancelled",
} as const satisfies Record<Plan["status"], FhirCarePlan["activity"][number]["detail"]["status"]>;

/** A treatment plan: one activity, the course of sessions at the planned interval. */
export function carePlanResource(pl: Plan, ctx: BundleContext): FhirCarePlan {
  return {
    resourceType: "CarePlan",
    id: ctx.idOf("CarePlan", pl.id),
    status: STATUS[pl.status],
    intent: "plan",
    title: "Microneedling treatment plan",
    subject: ctx.patientRef,
    period: { start: pl.startOn },
    addresses: ctx.refs("Condition", pl.concernIds),
    activity: [
      {
        detail: {
          status: ACTIVITY_STATUS[pl.status],
          code: { text: "Microneedling session" },
          scheduledTiming: {
            repeat: { count: pl.sessionsPlanned, period: pl.intervalWeeks, periodUnit: "wk" },
          },
        },
      },
    ],
  };
}
