import { describe, expect, it } from "vitest";
import { linkKind, makeLink, uniqueLinks } from "./links.js";

describe("links", () => {
  it("tells video, slides, feedback and chat links apart", () => {
    expect(linkKind("https://video.fosdem.org/2020/x.webm", "Video recording (WebM/VP9)")).toBe("video");
    expect(linkKind("https://fosdem.org/x/slides.pdf", "Slides")).toBe("slides");
    expect(linkKind("https://pretalx.fosdem.org/t/X/feedback/", "Submit Feedback")).toBe("feedback");
    expect(linkKind("https://matrix.to/#/#2026-main:fosdem.org", "Chat room(app)")).toBe("chat");
    expect(linkKind("https://zügli.app", "Zügli", "related")).toBe("other");
  });

  it("keeps absolute http(s) links, resolves relative ones, drops the rest and repeats", () => {
    expect(makeLink("/media/x.webp", "Pic", "https://events.ccc.de/congress/2025/hub/")?.url).toBe(
      "https://events.ccc.de/media/x.webp",
    );
    expect(makeLink("javascript:alert(1)", "x")).toBeUndefined();
    expect(makeLink("", "x")).toBeUndefined();
    expect(makeLink("https://e.org/v.mp4", undefined)?.title).toBe("https://e.org/v.mp4");
    const a = makeLink("https://e.org/a", "A");
    expect(uniqueLinks([a, undefined, makeLink("https://e.org/a", "again")])).toEqual([a]);
  });
});
