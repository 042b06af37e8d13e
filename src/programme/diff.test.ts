import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { diffProgrammes, isEmptyDiff, noticeworthy } from "./diff.js";

describe("diffProgrammes", () => {
  it("treats the same instant written with another offset as unchanged", () => {
    const after = smallProgramme();
    const s = after.sessions[0];
    if (s) s.start = "2030-03-01T05:00:00Z";
    expect(isEmptyDiff(diffProgrammes(smallProgramme(), after))).toBe(true);
  });

  it("separates changes attendees must hear of from edits they need not", () => {
    const after = smallProgramme();
    const [a, b] = after.sessions;
    if (!a || !b) throw new Error("fixture");
    a.abstract = { en: "Better abstract.", ru: "Лучше." };
    b.title = { en: "Caching at scale", ru: "Кэширование" };
    const diff = diffProgrammes(smallProgramme(), after);
    expect(diff.changed.map((c) => c.id)).toEqual(["async-io", "caching"]);
    expect(noticeworthy(diff).map((c) => c.id)).toEqual(["caching"]);
  });

  it("adds everything when there is no previous version", () => {
    expect(diffProgrammes(undefined, smallProgramme()).added).toHaveLength(3);
  });
});
