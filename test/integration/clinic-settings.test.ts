import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetCounter } from "@needlework/store";
import { toGlobalId } from "@needlework/api";
import { codes, startTestApi, type GqlResult, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";

const SETTINGS = /* GraphQL */ `
  {
    clinicSettings {
      isotretinoinMonths
      isotretinoinLevel
      retreatmentMonths
      fillerDays
      aftercareText
      isDefault
      version
    }
  }
`;
const UPDATE_SETTINGS = /* GraphQL */ `
  mutation ($version: Int!, $input: ClinicSettingsInput!) {
    updateClinicSettings(version: $version, input: $input) {
      settings {
        isotretinoinMonths
        isotretinoinLevel
        aftercareText
        isDefault
        version
        updatedAt
      }
    }
  }
`;
const PROTOCOLS = /* GraphQL */ `
  {
    protocols {
      indication
      name
      sessionsDefault
      depthMinMm
      depthMaxMm
      zoneDepths {
        zone
        minMm
        maxMm
      }
      device
      isDefault
      version
    }
  }
`;
const UPDATE_PROTOCOL = /* GraphQL */ `
  mutation ($indication: Indication!, $version: Int!, $input: ProtocolTemplateInput!) {
    updateProtocol(indication: $indication, version: $version, input: $input) {
      protocol {
        indication
        name
        sessionsDefault
        zoneDepths {
          zone
          minMm
          maxMm
        }
        isDefault
        version
      }
    }
  }
`;
const SCREEN = /* GraphQL */ `
  query ($patientId: ID!, $answers: ScreeningAnswersInput!, $onDate: Date!) {
    screenPatient(patientId: $patientId, answers: $answers, onDate: $onDate) {
      findings {
        code
        level
        source
      }
      cleared
    }
  }
`;

interface Settings {
  isotretinoinMonths: number;
  isotretinoinLevel: string;
  retreatmentMonths: number;
  fillerDays: number;
  aftercareText: string;
  isDefault: boolean;
  version: number;
}
interface Protocol {
  indication: string;
  name: string;
  sessionsDefault: number;
  zoneDepths: { zone: string; minMm: number; maxMm: number }[];
  isDefault: boolean;
  version: number;
}

const TODAY = new Date().toISOString().slice(0, 10);
const HIRO = toGlobalId("Patient", "demo-glow-p05");
const ISLA = toGlobalId("Patient", "demo-glow-p06");
const noAnswers = {
  activeSkinInfection: false,
  activeAcneInArea: false,
  activeHerpesOutbreak: false,
  openWounds: false,
  pregnantOrBreastfeeding: false,
  eczemaPsoriasisRosaceaFlareInArea: false,
  sunburn: false,
};
const wrinklesProtocol = {
  name: "Fine lines (Glow)",
  depthMinMm: 0.5,
  depthMaxMm: 1.0,
  zoneDepths: [{ zone: "FOREHEAD", minMm: 0.25, maxMm: 0.4 }],
  sessionsMin: 3,
  sessionsMax: 6,
  sessionsDefault: 5,
  intervalWeeksMin: 4,
  intervalWeeksMax: 6,
  intervalWeeksDefault: 6,
  suggestedSerums: ["Hyaluronic acid"],
  device: "PEN",
  defaultZones: ["FOREHEAD"],
};
const fieldPaths = (r: GqlResult<unknown>): string[] =>
  ((r.errors?.[0]?.extensions?.fields as { path: string }[] | undefined) ?? []).map((f) => f.path).sort();

describe("clinic settings and protocol templates through GraphQL", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.stop());

  it("answers core's defaults (version 0) until an admin saves settings, in one read", async () => {
    resetCounter(api.db);
    const r = await api.gql<{ clinicSettings: Settings }>(SETTINGS);
    expect(r.errors).toBeUndefined();
    expect(api.db.counter.byOperation).toEqual({ BatchGetItem: 1 }); // the signed-in user's record and the settings item, together
    expect(r.data!.clinicSettings).toEqual({
      isotretinoinMonths: 6,
      isotretinoinLevel: "BLOCK",
      retreatmentMonths: 6,
      fillerDays: 28,
      aftercareText: "",
      isDefault: true,
      version: 0,
    });
  });

  it("lets only clinic admins change them; bad values and stale versions change nothing", async () => {
    const before = await snapshotTable(api.db);
    expect(
      codes(
        await api.gql(UPDATE_SETTINGS, { version: 0, input: { isotretinoinLevel: "WARN" } }, api.users.ava),
      ),
    ).toEqual(["FORBIDDEN"]);
    expect(
      codes(
        await api.gql(UPDATE_SETTINGS, { version: 0, input: { isotretinoinLevel: "WARN" } }, api.users.leo),
      ),
    ).toEqual(["FORBIDDEN"]);
    const range = await api.gql(
      UPDATE_SETTINGS,
      { version: 0, input: { isotretinoinMonths: 60, retreatmentMonths: 1 } },
      api.users.mia,
    );
    expect(codes(range)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldPaths(range)).toEqual(["isotretinoinMonths", "retreatmentMonths"]);
    expect(
      codes(
        await api.gql(UPDATE_SETTINGS, { version: 0, input: { isotretinoinLevel: "MAYBE" } }, api.users.mia),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(await api.gql(UPDATE_SETTINGS, { version: 0, input: { toxinDays: 1.5 } }, api.users.mia)),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(await api.gql(UPDATE_SETTINGS, { version: 3, input: { toxinDays: 10 } }, api.users.mia)),
    ).toEqual(["CONFLICT"]);
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("saves them with the version read; the screen follows the clinic's setting; other groups keep theirs", async () => {
    const r = await api.gql<{ updateClinicSettings: { settings: Settings & { updatedAt: string } } }>(
      UPDATE_SETTINGS,
      {
        version: 0,
        input: { isotretinoinLevel: "WARN", aftercareText: "Call us on 0100 if redness lasts past a week." },
      },
      api.users.mia,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateClinicSettings.settings).toMatchObject({
      isotretinoinMonths: 6,
      isotretinoinLevel: "WARN",
      isDefault: false,
      version: 1,
    });
    expect(
      codes(await api.gql(UPDATE_SETTINGS, { version: 0, input: { toxinDays: 10 } }, api.users.mia)),
    ).toEqual(["CONFLICT"]);

    const screen = await api.gql<{
      screenPatient: { findings: { code: string; level: string; source: string }[]; cleared: boolean };
    }>(SCREEN, {
      patientId: HIRO,
      answers: noAnswers,
      onDate: TODAY,
    });
    const iso = screen.data!.screenPatient.findings.find((f) => f.code === "ISOTRETINOIN")!;
    expect(iso.level).toBe("WARN");
    expect(iso.source).toContain("isotretinoinLevel=WARN");
    expect(screen.data!.screenPatient.cleared).toBe(true);

    const northside = await api.gql<{ clinicSettings: Settings }>(SETTINGS, {}, api.users.zoe);
    expect(northside.data!.clinicSettings).toMatchObject({
      isotretinoinLevel: "BLOCK",
      isDefault: true,
      version: 0,
    });
  });

  it("lists a protocol template for every indication, defaults until the group saves its own", async () => {
    const r = await api.gql<{ protocols: Protocol[] }>(PROTOCOLS);
    expect(r.errors).toBeUndefined();
    expect(r.data!.protocols).toHaveLength(10);
    const wrinkles = r.data!.protocols.find((p) => p.indication === "WRINKLES")!;
    expect(wrinkles).toMatchObject({ sessionsDefault: 3, isDefault: true, version: 0 });
    expect(wrinkles.zoneDepths).toContainEqual({ zone: "PERIORBITAL", minMm: 0.25, maxMm: 0.3 });
    expect(r.data!.protocols.find((p) => p.indication === "LAXITY")).toMatchObject({
      device: "RF_MICRONEEDLING",
    });
  });

  it("lets a clinic admin edit a template; bad input and stale versions change nothing", async () => {
    const before = await snapshotTable(api.db);
    expect(
      codes(
        await api.gql(
          UPDATE_PROTOCOL,
          { indication: "WRINKLES", version: 0, input: wrinklesProtocol },
          api.users.sam,
        ),
      ),
    ).toEqual(["FORBIDDEN"]);
    const depth = await api.gql(
      UPDATE_PROTOCOL,
      {
        indication: "WRINKLES",
        version: 0,
        input: { ...wrinklesProtocol, depthMaxMm: 3.0, sessionsDefault: 9 },
      },
      api.users.mia,
    );
    expect(codes(depth)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldPaths(depth)).toEqual(["depthMaxMm", "sessionsDefault"]);
    const twice = await api.gql(
      UPDATE_PROTOCOL,
      {
        indication: "WRINKLES",
        version: 0,
        input: {
          ...wrinklesProtocol,
          zoneDepths: [...wrinklesProtocol.zoneDepths, { zone: "FOREHEAD", minMm: 0.3, maxMm: 0.5 }],
        },
      },
      api.users.mia,
    );
    expect(fieldPaths(twice)).toEqual(["zoneDepths.1.zone"]);
    expect(
      codes(
        await api.gql(
          UPDATE_PROTOCOL,
          { indication: "FRECKLES", version: 0, input: wrinklesProtocol },
          api.users.mia,
        ),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(
        await api.gql(
          UPDATE_PROTOCOL,
          { indication: "WRINKLES", version: 2, input: wrinklesProtocol },
          api.users.mia,
        ),
      ),
    ).toEqual(["CONFLICT"]);
    expect(await snapshotTable(api.db)).toEqual(before);

    const saved = await api.gql<{ updateProtocol: { protocol: Protocol } }>(
      UPDATE_PROTOCOL,
      { indication: "WRINKLES", version: 0, input: wrinklesProtocol },
      api.users.mia,
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateProtocol.protocol).toEqual({
      indication: "WRINKLES",
      name: "Fine lines (Glow)",
      sessionsDefault: 5,
      zoneDepths: [{ zone: "FOREHEAD", minMm: 0.25, maxMm: 0.4 }],
      isDefault: false,
      version: 1,
    });
    expect(
      codes(
        await api.gql(
          UPDATE_PROTOCOL,
          { indication: "WRINKLES", version: 0, input: wrinklesProtocol },
          api.users.mia,
        ),
      ),
    ).toEqual(["CONFLICT"]);
    const northside = await api.gql<{ protocols: Protocol[] }>(PROTOCOLS, {}, api.users.zoe);
    expect(northside.data!.protocols.find((p) => p.indication === "WRINKLES")).toMatchObject({
      sessionsDefault: 3,
      isDefault: true,
    });
  });

  it("suggests plans from the group's own template", async () => {
    const c = await api.gql<{ recordConsultation: { consultation: { concerns: { id: string }[] } } }>(
      `mutation($patientId: ID!, $input: ConsultationInput!) { recordConsultation(patientId: $patientId, input: $input) { consultation { concerns { id } } } }`,
      {
        patientId: ISLA,
        input: {
          date: TODAY,
          siteId: toGlobalId("Site", "harbour"),
          concerns: [
            { indication: "WRINKLES", bodyArea: "FOREHEAD", baselineScale: "LEMPERLE", baselineScore: 2 },
          ],
          answers: noAnswers,
        },
      },
    );
    expect(c.errors).toBeUndefined();
    const s = await api.gql<{
      suggestPlan: {
        sessions: number;
        intervalWeeks: number;
        zones: { zone: string; depthMm: number; depthMaxMm: number }[];
      };
    }>(
      `query($patientId: ID!, $ids: [ID!]!) { suggestPlan(patientId: $patientId, concernIds: $ids) { sessions intervalWeeks zones { zone depthMm depthMaxMm } } }`,
      { patientId: ISLA, ids: c.data!.recordConsultation.consultation.concerns.map((x) => x.id) },
    );
    expect(s.errors).toBeUndefined();
    expect(s.data!.suggestPlan).toEqual({
      sessions: 5,
      intervalWeeks: 6,
      zones: [{ zone: "FOREHEAD", depthMm: 0.3, depthMaxMm: 0.4 }],
    });
  });
});
