import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { frabFacts, REAL_DIR } from "../../../test/support/real-schedules.js";
import { ProgrammeError } from "../errors.js";
import { buildProgramme } from "./build.js";
import { readFrabXml } from "./frab-xml.js";

const real = (file: string, timezone?: string) =>
  buildProgramme(readFrabXml(readFileSync(join(REAL_DIR, file), "utf8"), file), { source: file, timezone });

describe("frab XML, real schedules", () => {
  it("gives 39C3's events their own titles, not their attachments' or links'", () => {
    const file = "39c3-prelim-20251206.hub.frab.xml";
    const { programme, warnings } = real(file);
    const expected = frabFacts(file)
      .events.map((e) => e.title)
      .sort();
    expect(programme.sessions.map((s) => Object.values(s.title)[0]).sort()).toEqual(expected);
    const ticket = programme.sessions.find((s) => s.id === "a2dd3dc7-ecae-50b3-82d9-266ad02f7a40");
    expect(ticket?.title.en).toBe("All my Deutschlandtickets gone: Fraud at an industrial scale");
    expect(ticket?.type).toBe("Talk");
    expect(ticket?.links).toEqual([
      { url: "https://zügli.app", title: "Zügli", kind: "other" },
      { url: "https://cfp.cccv.de/39c3/talk/JZ9A3E/feedback/", title: "Feedback", kind: "feedback" },
    ]);
    const nested = warnings.filter((w) => w.code === "nested-attachment-title");
    expect(nested.some((w) => w.message.includes('"a crack one word wide"'))).toBe(true);
  });

  it("keeps 36C3's repeated guids as separate sessions and reports each", () => {
    const { programme, warnings } = real("36c3-merged.voc.frab.xml");
    const dup = warnings.filter((w) => w.code === "duplicate-guid");
    expect(dup.length).toBeGreaterThanOrEqual(3);
    for (const guid of ["81f5f0c4-3d35-522c-8f1c-c8825b92f00a", "4f5c1cc5-ad99-52dc-89cd-699eae66bcb8"]) {
      const copies = programme.sessions.filter((s) => s.id === guid || s.id.startsWith(`${guid}~`));
      expect(copies.length).toBeGreaterThan(1);
      expect(new Set(copies.map((s) => s.start)).size).toBe(copies.length);
    }
  });

  it("splits 36C3's person id 0 by name, so no card shows the wrong person", () => {
    const { programme } = real("36c3-merged.voc.frab.xml");
    const names = new Map(programme.speakers.map((s) => [s.id, s.name.en]));
    const awareness =
      programme.sessions.find((s) => s.title.en === "Awareness Team Introduction and Q&A") ??
      programme.sessions.find((s) => s.title.en?.startsWith("Awarenessteam Introduction"));
    expect(awareness?.speakers.map((id) => names.get(id))).toEqual(["Theresa", "Rafiot"]);
    // Every speaker id carries exactly one name.
    const zero = programme.speakers.filter((s) => s.id === "0" || s.id.startsWith("0~"));
    expect(zero.length).toBeGreaterThan(5);
    expect(new Set(zero.map((s) => s.name.en)).size).toBe(zero.length);
  });

  it("schedules DENOG16's submission 57249 twice, as two sessions", () => {
    const { programme } = real("denog16.pretalx.frab.xml");
    const coaching = programme.sessions.filter(
      (s) => s.title.en === "Coaching Skills for Managers and Leaders",
    );
    expect(coaching.map((s) => [s.id, s.start])).toEqual([
      ["f860f986-b0a9-561f-8a48-6cb64f6b3efb", "2024-11-17T10:00:00+01:00"],
      ["87aa42bf-a76f-5ebd-81eb-e82f85842583", "2024-11-17T14:30:00+01:00"],
    ]);
    // Numeric character references decoded in texts.
    expect(coaching[0]?.abstract.en).toContain("it’s easy");
  });

  it("keeps FOSDEM titles as published and turns their escaped HTML into text", () => {
    const { programme } = real("fosdem-2020.pentabarf.xml", "Europe/Brussels");
    expect(
      programme.sessions.some((s) => s.title.en === "Will somebody *please* tell me what's going on?"),
    ).toBe(true);
    for (const s of programme.sessions)
      expect(s.abstract.en ?? "").not.toMatch(/<\/?(p|li|ul|a|code)\b|&lt;|&amp;/);
    const welcome = programme.sessions.find((s) => s.id === "9025");
    expect(welcome?.links?.map((l) => l.kind)).toEqual(["video", "video", "feedback"]);
  });

  it("reads FOSDEM 2026's tracks, their slugs and the biographies of its separate person list", () => {
    const { programme } = real("fosdem-2026-prelim.pretalx-fosdem.xml");
    const c = programme.conference;
    expect(c.tracks.length).toBe(62);
    expect(c.tracks.find((t) => t.id === "main")?.name.en).toBe("Main Track");
    expect(programme.speakers.find((s) => s.id === "6936")?.bio?.en).toBe("Leading La Suite numérique");
    expect(programme.sessions[0]?.links?.some((l) => l.kind === "chat")).toBe(true);
  });

  it("reads 38C3's track colours and comma-separated languages", () => {
    const { programme } = real("38c3.hub.frab.xml");
    expect(programme.conference.tracks.find((t) => t.id === "security")).toEqual({
      id: "security",
      name: { de: "Security" },
      color: "#0347b4",
    });
    expect(programme.sessions.some((s) => s.languages?.join() === "de,en")).toBe(true);
    expect(programme.conference.languages.slice(0, 2)).toEqual(["de", "en"]);
  });
});

describe("frab XML, broken input", () => {
  it("refuses a truncated file, naming it", () => {
    const text = readFileSync(join(REAL_DIR, "denog16.pretalx.frab.xml"), "utf8");
    expect(() => readFrabXml(text.slice(0, text.length / 2), "half.xml")).toThrow(ProgrammeError);
    expect(() => readFrabXml(text.slice(0, text.length / 2), "half.xml")).toThrow(
      /half\.xml.*well-formed XML/s,
    );
  });

  it("refuses XML that is no schedule", () => {
    expect(() => readFrabXml("<rss><channel/></rss>", "feed.xml")).toThrow(/<schedule> root/);
  });
});
