import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@needlework/store/local";
import { toGlobalId } from "@needlework/api";
import { startTestApi, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";

/** The demo seed's consultations, concerns and plans read like recorded data through the API. */
const DUE = /* GraphQL */ `
  query ($siteId: ID!) {
    plansDue(siteId: $siteId, from: "2026-10-01", to: "2026-12-31", first: 50) {
      edges {
        node {
          id
          status
          dueOn
          dueKind
          progress {
            done
            planned
          }
          patient {
            givenName
          }
          plannedSerums {
            name
            override {
              reason
            }
          }
          consultation {
            cleared
            overrides {
              code
              by {
                name
              }
            }
          }
        }
      }
    }
  }
`;
const CONSULTATION = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      ... on Consultation {
        cleared
        unresolvedBlocks {
          code
        }
        concerns {
          indication
          baselineScale
        }
        practitioner {
          name
        }
      }
    }
  }
`;

interface DueNode {
  id: string;
  status: string;
  dueOn: string;
  dueKind: string;
  progress: { done: number; planned: number };
  patient: { givenName: string };
  plannedSerums: { name: string; override: { reason: string } | null }[];
  consultation: { cleared: boolean; overrides: { code: string; by: { name: string } }[] };
}

describe("demo seed: consultations, concerns and plans", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.stop());

  it("puts the seeded plans in their site's due list, built from cleared consultations", async () => {
    const harbour = await api.gql<{ plansDue: { edges: { node: DueNode }[] } }>(DUE, {
      siteId: toGlobalId("Site", "harbour"),
    });
    expect(harbour.errors).toBeUndefined();
    const byName = new Map(harbour.data!.plansDue.edges.map((e) => [e.node.patient.givenName, e.node]));
    // Sessions seeded elsewhere may already count against it: due at its start or after the last one.
    const olivia = byName.get("Olivia")!;
    expect(olivia).toMatchObject({ dueKind: "SESSION", progress: { planned: 4 } });
    expect(olivia.dueOn >= "2026-10-19").toBe(true);
    expect(olivia.status).toBe(olivia.progress.done === 0 ? "PLANNED" : "IN_PROGRESS");
    expect(byName.get("Olivia")!.consultation).toEqual({
      cleared: true,
      overrides: [{ code: "ANAESTHETIC_ALLERGY", by: { name: "Ava Reid" } }],
    });
    expect(byName.get("Noah")).toMatchObject({ progress: { planned: 3 } });
    expect(byName.has("Grace")).toBe(false);

    const riverside = await api.gql<{ plansDue: { edges: { node: DueNode }[] } }>(
      DUE,
      { siteId: toGlobalId("Site", "riverside") },
      api.users.sam,
    );
    const liam = riverside.data!.plansDue.edges.find((e) => e.node.patient.givenName === "Liam")!.node;
    expect(liam.progress.planned).toBe(12);
    expect(liam.plannedSerums.find((s) => s.name.startsWith("Minoxidil"))!.override?.reason).toContain(
      "never during needling",
    );
  });

  it("keeps blocked consultations blocked: warfarin and recent isotretinoin", async () => {
    const grace = await api.gql<{
      node: { cleared: boolean; unresolvedBlocks: { code: string }[]; practitioner: { name: string } };
    }>(CONSULTATION, {
      id: toGlobalId("Consultation", "demo-glow-p04|2026-11-10|demo-c04"),
    });
    expect(grace.data?.node).toMatchObject({
      cleared: false,
      unresolvedBlocks: [{ code: "ANTICOAGULANT" }],
      practitioner: { name: "Ava Reid" },
    });
    const hiro = await api.gql<{ node: { unresolvedBlocks: { code: string }[] } }>(CONSULTATION, {
      id: toGlobalId("Consultation", "demo-glow-p05|2026-11-12|demo-c05"),
    });
    expect(hiro.data?.node.unresolvedBlocks).toEqual([{ code: "ISOTRETINOIN" }]);
  });

  it("writes nothing when seeded again", async () => {
    const before = await snapshotTable(api.db);
    const again = await seedDemo(api.db);
    expect(again.written).toBe(0);
    expect(await snapshotTable(api.db)).toEqual(before);
  });
});
