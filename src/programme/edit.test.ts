import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  applyEdit,
  EditError,
  findSessions,
  parseDay,
  parseRoom,
  parseTime,
  resolveSession,
  splitMoveArgs,
  writeFileAtomic,
} from "./edit.js";
import { ProgrammeError } from "./errors.js";
import { parseProgramme } from "./read.js";

const FIXTURE = new URL("../../test/fixtures/organizer-programme.yaml", import.meta.url);
const yaml = readFileSync(FIXTURE, "utf8");
const programme = parseProgramme(yaml, "fixture.yaml");

/** The lines of `b` that are not in `a` and vice versa, to show an edit touched only what it should. */
function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const la = a.split("\n");
  const lb = b.split("\n");
  return { removed: la.filter((l) => !lb.includes(l)), added: lb.filter((l) => !la.includes(l)) };
}

describe("arguments", () => {
  it("splits /move arguments around the time, with multi-word sessions and rooms", () => {
    expect(splitMoveArgs("flask-patterns 2 14:00")).toEqual({
      session: "flask-patterns",
      day: "2",
      time: "14:00",
    });
    expect(splitMoveArgs("advanced flask patterns пн 9:30 Hall B")).toEqual({
      session: "advanced flask patterns",
      day: "пн",
      time: "9:30",
      room: "Hall B",
    });
    expect(splitMoveArgs("flask-patterns 14:00")).toBeUndefined();
    expect(splitMoveArgs("flask-patterns 2 tomorrow")).toBeUndefined();
    // A time that is none is still the time argument, so the organizer hears it is a bad time.
    expect(splitMoveArgs("flask mon 25:00")).toEqual({ session: "flask", day: "mon", time: "25:00" });
    expect(parseTime("25:00")).toBeUndefined();
  });

  it("reads days as ordinals, ISO dates and weekday names in both languages", () => {
    const c = programme.conference;
    expect(parseDay("1", c)).toBe("2013-02-25");
    expect(parseDay("2", c)).toBe("2013-02-26");
    expect(parseDay("3", c)).toBeUndefined();
    expect(parseDay("2013-02-26", c)).toBe("2013-02-26");
    expect(parseDay("2013-03-01", c)).toBeUndefined();
    expect(parseDay("Mon", c)).toBe("2013-02-25");
    expect(parseDay("tuesday", c)).toBe("2013-02-26");
    expect(parseDay("пн", c)).toBe("2013-02-25");
    expect(parseDay("Вт", c)).toBe("2013-02-26");
    expect(parseDay("fri", c)).toBeUndefined();
  });

  it("reads times and rooms", () => {
    expect(parseTime("9:05")).toBe("09:05");
    expect(parseTime("14.30")).toBe("14:30");
    expect(parseTime("24:00")).toBeUndefined();
    expect(parseRoom("hall-b", programme.conference)).toBe("hall-b");
    expect(parseRoom("Зал b", programme.conference)).toBe("hall-b");
    expect(parseRoom("hall c", programme.conference)).toBeUndefined();
  });

  it("resolves a session by id, by a single search hit, or lists candidates", () => {
    const all = () => ["flask-patterns", "asyncio-inside", "scaling"];
    expect(resolveSession(programme, "scaling")).toMatchObject({ kind: "one", session: { id: "scaling" } });
    expect(resolveSession(programme, "flask", () => ["flask-patterns"])).toMatchObject({
      kind: "one",
      session: { id: "flask-patterns" },
    });
    expect(resolveSession(programme, "scaling for success", all)).toMatchObject({
      kind: "one",
      session: { id: "scaling" },
    });
    // Words in no title: every search hit is a candidate.
    const many = resolveSession(programme, "ronacher cramer", all);
    expect(many.kind).toBe("many");
    // A title that holds the words wins over sessions search found by their abstract or speakers.
    expect(resolveSession(programme, "python", all)).toMatchObject({
      kind: "one",
      session: { id: "packaging" },
    });
    expect(resolveSession(programme, "nothing", () => [])).toEqual({ kind: "none" });
  });

  it("finds sessions by their title in any language, breaks too, even when search does not", () => {
    const none = () => [];
    expect(resolveSession(programme, "lunch", none)).toMatchObject({ kind: "one", session: { id: "lunch" } });
    expect(resolveSession(programme, "ОБЕД", none)).toMatchObject({ kind: "one", session: { id: "lunch" } });
    // A phrase of one title: that session, whatever else search finds.
    expect(resolveSession(programme, "inside asynchronous", none)).toMatchObject({
      kind: "one",
      session: { id: "asyncio-inside" },
    });
    expect(findSessions(programme, "python", () => ["scaling"]).map((s) => s.id)).toEqual(["packaging"]);
    expect(findSessions(programme, "patterns", () => ["scaling"]).map((s) => s.id)).toEqual([
      "flask-patterns",
    ]);
    expect(findSessions(programme, "sharding", () => ["scaling"]).map((s) => s.id)).toEqual(["scaling"]);
    expect(findSessions(programme, "  ", () => ["scaling"])).toEqual([]);
  });
});

describe("applyEdit on YAML", () => {
  it("moves a session keeping its duration, and touches only the start and end lines", () => {
    const r = applyEdit(yaml, "p.yaml", {
      action: "move",
      sessionId: "flask-patterns",
      day: "2013-02-26",
      time: "14:00",
    });
    expect(r.after.start).toBe("2013-02-26T14:00:00+06:00");
    expect(r.after.end).toBe("2013-02-26T15:00:00+06:00");
    expect(r.after.room).toBe("hall-a");
    expect(changedLines(yaml, r.text)).toEqual({
      removed: ["    start: 2013-02-25T11:00:00+06:00 # keep me", "    end: 2013-02-25T12:00:00+06:00"],
      added: ["    start: 2013-02-26T14:00:00+06:00 # keep me", "    end: 2013-02-26T15:00:00+06:00"],
    });
    expect(r.text).toContain("      A folded note that is deliberately wrapped\n      over two lines.");
  });

  it("moves to another room, and gives a room to a session that had none", () => {
    const r = applyEdit(yaml, "p.yaml", {
      action: "move",
      sessionId: "asyncio-inside",
      day: "2013-02-25",
      time: "14:00",
      room: "hall-a",
    });
    expect(r.after.room).toBe("hall-a");
    expect(changedLines(yaml, r.text).added).toEqual([]);
    const lunch = applyEdit(yaml, "p.yaml", {
      action: "move",
      sessionId: "lunch",
      day: "2013-02-25",
      time: "13:00",
      room: "hall-b",
    });
    expect(lunch.after.room).toBe("hall-b");
    expect(lunch.text).toContain(
      "    end: 2013-02-25T14:00:00+06:00\n    room: hall-b\n\n  - id: asyncio-inside",
    );
    expect(lunch.text.split("\n").length).toBe(yaml.split("\n").length + 1);
  });

  it("cancels and restores by adding and removing one line", () => {
    const c = applyEdit(yaml, "p.yaml", { action: "cancel", sessionId: "scaling" });
    expect(c.after.cancelled).toBe(true);
    expect(changedLines(yaml, c.text)).toEqual({ removed: [], added: [] });
    expect(c.text.split("\n").length).toBe(yaml.split("\n").length + 1);
    const r = applyEdit(yaml, "p.yaml", { action: "restore", sessionId: "packaging" });
    expect(r.after.cancelled).toBeUndefined();
    expect(r.text.split("\n").length).toBe(yaml.split("\n").length - 1);
    expect(applyEdit(c.text, "p.yaml", { action: "restore", sessionId: "scaling" }).text).toBe(yaml);
  });

  it("refuses edits that make no sense", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof EditError ? e.code : "other";
      }
      return "none";
    };
    expect(code(() => applyEdit(yaml, "p.yaml", { action: "cancel", sessionId: "packaging" }))).toBe(
      "already-cancelled",
    );
    expect(code(() => applyEdit(yaml, "p.yaml", { action: "restore", sessionId: "scaling" }))).toBe(
      "not-cancelled",
    );
    expect(code(() => applyEdit(yaml, "p.yaml", { action: "cancel", sessionId: "nope" }))).toBe(
      "session-not-found",
    );
    // An hour-long talk at 23:30 on the last day would end on a day the conference does not have.
    expect(
      code(() =>
        applyEdit(yaml, "p.yaml", { action: "move", sessionId: "scaling", day: "2013-02-26", time: "23:30" }),
      ),
    ).toBe("outside-days");
    expect(
      applyEdit(yaml, "p.yaml", { action: "move", sessionId: "scaling", day: "2013-02-26", time: "23:00" })
        .after.end,
    ).toBe("2013-02-27T00:00:00+06:00");
    expect(
      code(() =>
        applyEdit(yaml, "p.yaml", { action: "move", sessionId: "scaling", day: "2013-02-26", time: "11:00" }),
      ),
    ).toBe("no-change");
    expect(
      code(() =>
        applyEdit(yaml, "p.yaml", {
          action: "move",
          sessionId: "scaling",
          day: "2013-02-26",
          time: "11:00",
          room: "x",
        }),
      ),
    ).toBe("bad-room");
  });

  it("reports a clash as a programme error", () => {
    const move = () =>
      applyEdit(yaml, "p.yaml", {
        action: "move",
        sessionId: "flask-patterns",
        day: "2013-02-26",
        time: "11:30",
      });
    expect(move).toThrow(ProgrammeError);
    try {
      move();
    } catch (e) {
      expect((e as ProgrammeError).issues.map((i) => i.message).join()).toMatch(/free room/);
    }
  });

  it("moving onto a cancelled session's slot is allowed", () => {
    const r = applyEdit(yaml, "p.yaml", {
      action: "move",
      sessionId: "scaling",
      day: "2013-02-26",
      time: "10:00",
    });
    expect(r.after.start).toBe("2013-02-26T10:00:00+06:00");
  });
});

describe("applyEdit on the shipped programme", () => {
  it("cancelling any session adds exactly one line and keeps every comment", () => {
    const file = new URL("../../data/pycon-ru-2013.yaml", import.meta.url);
    const text = readFileSync(file, "utf8");
    const p = parseProgramme(text, "data");
    for (const s of p.sessions.filter((x) => !x.cancelled)) {
      const r = applyEdit(text, "data.yaml", { action: "cancel", sessionId: s.id });
      expect(r.text.split("\n").length).toBe(text.split("\n").length + 1);
      expect(changedLines(text, r.text).removed).toEqual([]);
    }
  });
});

describe("applyEdit on JSON", () => {
  it("writes JSON back for a JSON file", () => {
    const json = `${JSON.stringify(programme, null, 2)}\n`;
    const r = applyEdit(json, "p.json", { action: "cancel", sessionId: "flask-patterns" });
    expect(JSON.parse(r.text).sessions[0].cancelled).toBe(true);
    expect(r.text.startsWith('{\n  "conference"')).toBe(true);
  });
});

describe("writeFileAtomic", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("replaces the file and leaves no temp file behind", () => {
    dir = mkdtempSync(join(tmpdir(), "confbot-edit-"));
    const file = join(dir, "p.yaml");
    writeFileSync(file, "old");
    writeFileAtomic(file, "new");
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["p.yaml"]);
  });

  it("edits a symlinked file at its target, keeping the link", () => {
    dir = mkdtempSync(join(tmpdir(), "confbot-edit-"));
    mkdirSync(join(dir, "real"));
    const target = join(dir, "real", "p.yaml");
    const link = join(dir, "p.yaml");
    writeFileSync(target, "old");
    symlinkSync(target, link);
    writeFileAtomic(link, "new");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(readdirSync(join(dir, "real"))).toEqual(["p.yaml"]);
  });
});

describe("line ends", () => {
  it("keeps a CRLF file CRLF, on every line, after an edit that adds a line and one that removes it", () => {
    const crlf = yaml.replace(/\n/g, "\r\n");
    const cancelled = applyEdit(crlf, "p.yaml", { action: "cancel", sessionId: "flask-patterns" });
    expect(cancelled.text.split("\n").length).toBe(crlf.split("\n").length + 1);
    expect(cancelled.text.replace(/\r\n/g, "")).not.toContain("\n");
    const restored = applyEdit(cancelled.text, "p.yaml", { action: "restore", sessionId: "flask-patterns" });
    expect(restored.text).toBe(crlf);
  });
});
