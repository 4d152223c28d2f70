import { describe, expect, it } from "vitest";
import { detailCell, ERASED_DETAIL, patientIdFrom, patientTrailPath } from "./audit";

describe("the audit trail page", () => {
  it("says a detail was removed by the patient's erasure instead of showing a blank", () => {
    expect(detailCell({ detail: null, detailErased: true })).toEqual({ text: ERASED_DETAIL, erased: true });
    expect(ERASED_DETAIL).toBe("detail removed when the patient was erased");
  });

  it("shows a detail as it is, and nothing for an entry that never had one", () => {
    expect(detailCell({ detail: "override: allergy cleared", detailErased: false })).toEqual({
      text: "override: allergy cleared",
      erased: false,
    });
    expect(detailCell({ detail: null, detailErased: false })).toEqual({ text: "", erased: false });
  });

  it("opens a patient's trail by id, pasted plain or as a link to the patient's page", () => {
    // A global id as the API makes one: base64url("Patient:<local id>").
    const id = "UGF0aWVudDpkZW1vLWdsb3ctcDAx";
    expect(patientIdFrom(`  ${id} `)).toBe(id);
    expect(patientIdFrom(`http://localhost:5173/patients/${encodeURIComponent(id)}/plans/x`)).toBe(id);
    expect(patientIdFrom("")).toBeUndefined();
    expect(patientIdFrom("Zelda Quistgaard")).toBeUndefined();
    expect(patientTrailPath(id)).toBe(`/admin/audit?patient=${id}`);
  });
});
