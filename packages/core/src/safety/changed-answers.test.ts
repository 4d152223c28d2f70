import { describe, expect, it } from "vitest";
import {
  changedAnswerReasonProblems,
  changedBlockingAnswers,
  type EarlierConsultation,
} from "./changed-answers";

const morning: EarlierConsultation = {
  id: "c1",
  date: "2026-06-01",
  answers: { pregnantOrBreastfeeding: true, activeAcneZones: ["CHEEKS"], sunburn: true },
  findings: [
    { code: "PREGNANT_OR_BREASTFEEDING", level: "BLOCK" },
    { code: "ACTIVE_ACNE", level: "BLOCK" },
    { code: "SUNBURN", level: "WARN" },
  ],
};

describe("changedBlockingAnswers", () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    // Accepted before: a second consultation the same day with the answer changed cleared the BLOCK.
    [
      "pregnancy answered no the same day is a changed answer",
      { pregnantOrBreastfeeding: false, activeAcneZones: ["CHEEKS"] },
      ["pregnantOrBreastfeeding"],
    ],
    [
      "acne zones cleared later is a changed answer",
      { pregnantOrBreastfeeding: true, activeAcneZones: [] },
      ["activeAcneZones"],
    ],
    ["the same answers are not changed", { pregnantOrBreastfeeding: true, activeAcneZones: ["CHEEKS"] }, []],
    [
      "a WARN's answer changing needs nothing",
      { pregnantOrBreastfeeding: true, activeAcneZones: ["CHEEKS"], sunburn: false },
      [],
    ],
  ])("%s", (_name, answers, keys) => {
    expect(changedBlockingAnswers([morning], answers).map((c) => c.key)).toEqual(keys);
  });
  it("keeps the earlier value and date from the latest consultation that gave it", () => {
    const older: EarlierConsultation = { ...morning, id: "c0", date: "2026-01-01" };
    const [c] = changedBlockingAnswers([older, morning], { pregnantOrBreastfeeding: false });
    expect(c).toMatchObject({
      earlierValue: true,
      earlierOn: "2026-06-01",
      consultationId: "c1",
      code: "PREGNANT_OR_BREASTFEEDING",
    });
  });
  it("asks a real reason for each changed answer", () => {
    const changed = changedBlockingAnswers([morning], { pregnantOrBreastfeeding: false });
    expect(changedAnswerReasonProblems(changed, { pregnantOrBreastfeeding: "x" }).map((p) => p.path)).toEqual(
      ["changedAnswerReasons.pregnantOrBreastfeeding"],
    );
    expect(
      changedAnswerReasonProblems(changed, {
        pregnantOrBreastfeeding: "Negative pregnancy test seen today, baby born in May",
      }),
    ).toEqual([]);
  });
});
