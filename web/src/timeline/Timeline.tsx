import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { gql } from "../api/client";
import type { ApiError } from "../api/errors";
import { DEVICE, INDICATION, RATER, ZONE } from "../clinical/labels";
import { formatScore, SCALES } from "../clinical/scales";
import { asApiError } from "../consultations/shared";
import type { TimelineEntryFieldsFragment } from "../gql/graphql";
import { formatDate } from "../patients/labels";
import { DueBadge } from "../plans/DueBadge";
import { DUE_KIND, mm, PLAN_STATUS } from "../plans/model";
import { DANGER_TEXT, WARN_TEXT } from "../theme";
import { PatientTimelineQuery } from "./operations";
import {
  consultationPath,
  newConsultationPath,
  newPlanPath,
  outcomesPath,
  planPath,
  sessionPath,
} from "./paths";
import classes from "./Timeline.module.css";

export type TimelineEdge = TimelineEntryFieldsFragment;
export interface TimelinePage {
  edges: TimelineEdge[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export const TIMELINE_PAGE = 10;

const KIND_LABEL = {
  Consultation: "Consultation",
  TreatmentPlan: "Treatment plan",
  TreatmentSession: "Session",
  Assessment: "Assessment",
} as const;

function Entry({ edge, patientId }: { edge: TimelineEdge; patientId: string }) {
  const n = edge.node;
  let title: string;
  let to: string;
  let body: React.ReactNode;
  switch (n.__typename) {
    case "Consultation": {
      const blocks = n.findings.filter((f) => f.level === "BLOCK");
      const overridden = blocks.filter((f) => n.overrides.some((o) => o.code === f.code)).length;
      const warns = n.findings.filter((f) => f.level === "WARN").length;
      title = n.concerns.map((c) => INDICATION[c.indication]).join(", ") || "Consultation";
      to = consultationPath(patientId, n.id);
      body = (
        <>
          <Text size="sm" c="dimmed">
            {n.concerns.map((c) => ZONE[c.bodyArea]).join(", ")} · {n.practitioner.name}
          </Text>
          <Group gap={6} mt={4}>
            {!n.cleared ? (
              <Badge color="red.9" c="white" tt="none">
                {blocks.length - overridden} block{blocks.length - overridden === 1 ? "" : "s"} to override
              </Badge>
            ) : blocks.length > 0 ? (
              <Badge variant="outline" color="gray.7" c="dark.7" tt="none">
                Cleared with {overridden} override{overridden === 1 ? "" : "s"}
              </Badge>
            ) : (
              <Badge variant="light" color="teal" c="teal.9" tt="none">
                Cleared
              </Badge>
            )}
            {warns > 0 && (
              <Badge variant="light" color="yellow" c={WARN_TEXT} tt="none">
                {warns} warning{warns === 1 ? "" : "s"}
              </Badge>
            )}
          </Group>
        </>
      );
      break;
    }
    case "TreatmentPlan":
      title = n.concerns.map((c) => INDICATION[c.indication]).join(" + ") || "Treatment plan";
      to = planPath(patientId, n.id);
      body = (
        <>
          <Text size="sm">
            {n.progress.done} of {n.progress.planned} sessions done, every {n.intervalWeeks} week
            {n.intervalWeeks === 1 ? "" : "s"} ·{" "}
            {n.zones.map((z) => `${ZONE[z.zone]} ${mm(z.depthMm)}`).join(", ")}
          </Text>
          <Group gap={6} mt={4}>
            <Badge variant="light" color="teal" c="teal.9" tt="none">
              {PLAN_STATUS[n.status]}
            </Badge>
            {n.dueOn && (
              <>
                <DueBadge state={n.dueState} />
                <Text size="sm">
                  {n.dueKind ? DUE_KIND[n.dueKind] : "Due"} {formatDate(n.dueOn)}
                </Text>
              </>
            )}
          </Group>
        </>
      );
      break;
    case "TreatmentSession": {
      const abnormal = n.adverseEvents.filter((a) => a.classification !== "EXPECTED").length;
      title = `${DEVICE[n.device.kind]} session`;
      to = sessionPath(patientId, n.id);
      body = (
        <>
          <Text size="sm">{n.zones.map((z) => `${ZONE[z.zone]} ${mm(z.depthMm)}`).join(", ")}</Text>
          <Text size="sm" c="dimmed">
            {n.practitioner.name}
            {n.serumsApplied.length > 0
              ? ` · serums: ${n.serumsApplied.map((s) => s.serumName).join(", ")}`
              : ""}
          </Text>
          {abnormal > 0 && (
            <Text size="sm" c={DANGER_TEXT} fw={600}>
              {abnormal} adverse event{abnormal === 1 ? "" : "s"} to follow up
            </Text>
          )}
        </>
      );
      break;
    }
    case "Assessment": {
      const imp = n.improvement;
      title = `${SCALES[n.scale].short}: ${INDICATION[n.concern.indication]}`;
      to = outcomesPath(patientId, n.concern.id);
      body = (
        <Text size="sm">
          {formatScore(n.scale, n.score, n.label)} by {RATER[n.rater].toLowerCase()}
          {imp && (
            <Text span fw={600} c={imp.improved ? "teal.9" : imp.absolute < 0 ? DANGER_TEXT : undefined}>
              {" "}
              · {imp.absolute > 0 ? "+" : ""}
              {Number(imp.absolute.toFixed(2))} point{Math.abs(imp.absolute) === 1 ? "" : "s"} vs baseline
              {imp.percent != null ? ` (${imp.percent > 0 ? "+" : ""}${Math.round(imp.percent)}%)` : ""}
            </Text>
          )}
        </Text>
      );
      break;
    }
  }
  return (
    <li className={classes.item} data-kind={n.__typename}>
      <Paper withBorder p="sm" className={classes.card}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {KIND_LABEL[n.__typename]}
            </Text>
            <Anchor component={Link} to={to} fw={600} className={classes.link}>
              {title}
            </Anchor>
            {body}
          </div>
          <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
            {formatDate(edge.date)}
          </Text>
        </Group>
      </Paper>
    </li>
  );
}

/**
 * The patient's consultations, plans, sessions and assessments, newest first; each card links to
 * its record. The first page comes with the patient page's request; "Load more" pages on.
 */
export function Timeline({ patientId, first }: { patientId: string; first: TimelinePage }) {
  const [edges, setEdges] = useState(first.edges);
  const [pageInfo, setPageInfo] = useState(first.pageInfo);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const more = async () => {
    setLoading(true);
    setError(null);
    try {
      const r = await gql(PatientTimelineQuery, {
        id: patientId,
        first: TIMELINE_PAGE,
        after: pageInfo.endCursor ?? null,
      });
      const t = r.patient?.timeline;
      if (t) {
        setEdges((prev) => [...prev, ...t.edges.filter((e) => !prev.some((p) => p.cursor === e.cursor))]);
        setPageInfo(t.pageInfo);
      }
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Stack component="section" aria-labelledby="timeline-title" gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="timeline-title">
          Timeline
        </Title>
        <Group gap="xs">
          <Button variant="default" component={Link} to={newPlanPath(patientId)}>
            New plan
          </Button>
          <Button component={Link} to={newConsultationPath(patientId)}>
            New consultation
          </Button>
        </Group>
      </Group>
      {edges.length === 0 ? (
        <Paper withBorder p="md">
          <Text size="sm" data-testid="timeline-empty">
            Nothing recorded yet. Treatment starts with a consultation: the patient’s concerns with a baseline
            score, and the contraindication screen. A treatment plan is then built from it, and sessions and
            assessments follow here, newest first.
          </Text>
        </Paper>
      ) : (
        <ol className={classes.list} aria-label="Timeline, newest first">
          {edges.map((e) => (
            <Entry key={e.cursor} edge={e} patientId={patientId} />
          ))}
        </ol>
      )}
      {error && (
        <Alert color="red" role="alert" title="More entries could not be loaded">
          {error.userMessage}
        </Alert>
      )}
      {pageInfo.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={loading} onClick={() => void more()}>
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}
