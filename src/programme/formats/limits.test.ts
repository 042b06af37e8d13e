import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../../test/support/tmp.js";
import { ProgrammeError } from "../errors.js";
import { readSource } from "../source.js";
import { parseSchedule } from "./index.js";
import { capWarnings, cutText, MAX_SESSIONS, MAX_WARNINGS } from "./limits.js";

/** The first problem of what parsing `text` throws. */
function problemOf(text: string) {
  try {
    parseSchedule(text, { source: "bad.file" });
  } catch (e) {
    expect(e).toBeInstanceOf(ProgrammeError);
    return (e as ProgrammeError).issues[0];
  }
  throw new Error("parsed");
}

/** A YAML alias bomb: each line doubles the one before (2^40 nodes once expanded). */
function aliasBomb(): string {
  const lines = ["a0: &a0 [lol, lol]"];
  for (let i = 1; i <= 40; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
  return `${lines.join("\n")}\nconference: *a40\n`;
}

/** An iCalendar of `n` one-hour events. */
function ics(n: number): string {
  const events = Array.from(
    { length: n },
    (_, i) =>
      `BEGIN:VEVENT\r\nUID:e${i}\r\nDTSTART:20260201T${String(9 + (i % 8)).padStart(2, "0")}0000Z\r\nDTEND:20260201T${String(10 + (i % 8)).padStart(2, "0")}0000Z\r\nSUMMARY:Talk ${i}\r\nEND:VEVENT\r\n`,
  );
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n${events.join("")}END:VCALENDAR\r\n`;
}

describe("reading a programme within bounds", () => {
  it("turns a YAML alias bomb into a ProgrammeError instead of a raw ReferenceError", () => {
    const issue = problemOf(aliasBomb());
    expect(issue?.problem?.code).toBe("unparseable");
    expect(issue?.message).toMatch(/ReferenceError: Excessive alias count/);
  });

  it("refuses an iCalendar of 100,000 events before parsing it, naming the limit", () => {
    const issue = problemOf(ics(100_000));
    expect(issue?.problem).toEqual({
      code: "too-many-sessions",
      values: { limit: MAX_SESSIONS, count: MAX_SESSIONS + 1 },
    });
    expect(issue?.message).toMatch(/at most 20,000 sessions \(confbot's limit\)/);
  });

  it("keeps at most MAX_WARNINGS warnings of a code and counts the rest in one that names the limit", () => {
    const warnings = Array.from({ length: MAX_WARNINGS + 250 }, (_, i) => ({ code: "x", message: `w${i}` }));
    const kept = capWarnings([...warnings, { code: "y", message: "one" }]);
    expect(kept).toHaveLength(MAX_WARNINGS + 2);
    expect(kept.at(-2)).toEqual({ code: "y", message: "one" });
    expect(kept.at(-1)).toEqual({
      code: "more-warnings",
      message: '… and 250 more "x" warnings, not listed (confbot keeps at most 1,000 of each)',
    });
  });

  it("cuts long values quoted in messages", () => {
    expect(cutText("a".repeat(10), 20)).toBe("a".repeat(10));
    expect(cutText("a".repeat(1_000_000))).toBe(`${"a".repeat(200)}… (999,800 more characters)`);
  });

  it("names a 50 MB title in a warning without printing it", () => {
    const title = "T".repeat(50 * 1024 * 1024);
    const [w] = capWarnings([
      { code: "no-speakers", message: `"${title}" (Sat 10:00, Saal 1) has no speakers` },
    ]);
    expect(w?.message).toBe(
      `"${"T".repeat(200)}… (52,428,600 more characters)" (Sat 10:00, Saal 1) has no speakers`,
    );
  });

  it("says where a truncated XML file ends and what it expected there", () => {
    const xml =
      '<?xml version="1.0"?>\n<schedule>\n  <conference><title>X</title></conference>\n  <day date="2026-02-01">\n    <room name="A">\n';
    const issue = problemOf(xml);
    expect(issue?.path).toBe("line 6");
    expect(issue?.message).toBe(
      "well-formed XML (the file ends at line 6 with <schedule> <day> <room> still open; expected </room></day></schedule> — is it cut off?)",
    );
  });

  it("does not read a file larger than PROGRAMME_MAX_MB", async () => {
    const file = join(tempDir(), "big.xml");
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024, 32));
    const read = readSource({ kind: "file", path: file }, { timeoutMs: 0, maxBytes: 2 * 1024 * 1024 });
    await expect(read).rejects.toThrow(/a file of at most 2 MB \(PROGRAMME_MAX_MB\), got 3 MB/);
  });
});
