import { describe, expect, it } from "vitest";
import { MalformedItemError } from "./decode";
import { patientFromItem, patientItem } from "./patient";
import { lotTraceFromItem } from "./session";
import { sessionFromItem } from "./session";
import { planFromItem } from "./plan";

const patient = {
  id: "p1",
  groupId: "glow",
  siteId: "harbour",
  givenName: "Ada",
  familyName: "Byron",
  dateOfBirth: "1990-01-01",
  allergies: [],
  medications: [],
  historyFlags: [],
  archived: false,
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  createdBy: "u1",
  updatedAt: "2026-01-01T00:00:00.000Z",
  updatedBy: "u1",
};

/** The error a decode raised, or a failure when it raised none. */
function failure(decode: () => unknown): MalformedItemError {
  try {
    decode();
  } catch (e) {
    if (e instanceof MalformedItemError) return e;
    throw e;
  }
  throw new Error("expected a MalformedItemError");
}

describe("entity decoding", () => {
  it("reads a stored profile back as it was written, without its key attributes", () => {
    expect(patientFromItem({ ...patientItem(patient), recordSeq: 4 })).toEqual(patient);
  });

  it("fills the lists and flags older items lack", () => {
    const { allergies: _a, medications: _m, historyFlags: _h, archived: _x, ...older } = patient;
    expect(patientFromItem({ ...older, allergies: null })).toEqual(patient);
  });

  it("raises a typed error naming the entity and the attributes at fault, never a key or a value", () => {
    const stored = patientItem(patient);
    const item = { ...stored, fitzpatrick: "VII", version: "one" };
    const e = failure(() => patientFromItem(item));
    expect(e.entity).toBe("Patient");
    expect(e.attributes.map((a) => a.split(":")[0])).toEqual(["fitzpatrick", "version"]);
    expect(e.message).toMatch(/^malformed Patient item: /);
    for (const secret of [String(stored.pk), String(stored.gsi1pk), "VII", "Byron"])
      expect(e.message).not.toContain(secret);
  });

  it("names each entity: a session, a plan, a lot trace", () => {
    expect(
      failure(() => sessionFromItem({ pk: "G#glow#P#p1", sk: "T#2026-01-01#SESSION#s1", id: "s1" })).entity,
    ).toBe("TreatmentSession");
    expect(failure(() => planFromItem({ id: "x", progress: "half" })).entity).toBe("TreatmentPlan");
    const trace = failure(() =>
      lotTraceFromItem({
        serumId: "s",
        serumName: "HA",
        lotNumber: "L1",
        zone: "CHEEKS",
        patientId: "p1",
        siteId: "harbour",
        sessionRef: "not a ref",
        performedOn: "2026-01-01",
      }),
    );
    expect(trace.entity).toBe("LotTrace");
    expect(trace.attributes).toEqual(["sessionRef: is not a record ref"]);
  });
});
