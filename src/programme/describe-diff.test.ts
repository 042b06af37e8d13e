import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { describeDiff } from "./describe-diff.js";
import { diffProgrammes } from "./diff.js";

describe("describeDiff", () => {
  it("names every changed field with old → new, titles per language", () => {
    const after = smallProgramme();
    const [a, b] = after.sessions;
    if (!a || !b) throw new Error("fixture");
    a.title = { ...a.title, ru: "Асинхронный ввод-вывод в Python" };
    a.track = "python";
    a.languages = ["ru"];
    a.links = [{ url: "https://example.org/v.mp4", title: "Video", kind: "video" }];
    after.conference.tracks = [{ id: "python", name: { en: "Python" } }];
    b.room = "hall-a";
    b.cancelled = true;
    const text = describeDiff(diffProgrammes(smallProgramme(), after));
    expect(text).toContain(
      '~ async-io  title.ru: "Асинхронный ввод-вывод" → "Асинхронный ввод-вывод в Python"; track: - → python; languages: - → ru; links: - → https://example.org/v.mp4',
    );
    expect(text).toContain("~ caching  room: hall-b → hall-a; cancelled");
    expect(text).toMatch(/0 added, 0 removed, 2 changed$/);
  });

  it("says when nothing changed", () => {
    expect(describeDiff(diffProgrammes(smallProgramme(), smallProgramme()))).toBe(
      "no changes (0 added, 0 removed, 0 changed)",
    );
  });
});
