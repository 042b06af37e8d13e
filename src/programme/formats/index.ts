/**
 * Schedules in any format confbot reads: the canonical YAML/JSON, frab XML, c3voc/pretalx JSON, iCalendar.
 * The format is recognised from the content; imported schedules load with warnings for their quirks, the
 * hand-edited canonical file is strict.
 */
import { readFileSync } from "node:fs";
import { ProgrammeError, unreadable } from "../errors.js";
import type { ParsedSchedule } from "../model.js";
import { buildProgramme, type ScheduleOptions } from "./build.js";
import { readC3vocJson } from "./c3voc-json.js";
import { parseCanonical } from "./canonical.js";
import { detectFormat } from "./detect.js";
import { readFrabXml } from "./frab-xml.js";
import { decodeIcsBytes, readIcal } from "./ical.js";
import { announcedEvents, asProgrammeError, capWarnings, MAX_SESSIONS, tooManySessions } from "./limits.js";

export type { ScheduleOptions } from "./build.js";

/**
 * Parses a schedule of any supported format. Pass the bytes when you have them: iCalendar is unfolded at the
 * byte level before decoding, so a fold that splits a UTF-8 character still decodes. Throws a ProgrammeError
 * when the schedule cannot be used at all — and only a ProgrammeError, whatever failed inside a parser (a
 * YAML alias bomb, a stack overflow): see limits.ts. At most MAX_SESSIONS sessions and MAX_WARNINGS warnings.
 */
export function parseSchedule(input: string | Uint8Array, opts: ScheduleOptions): ParsedSchedule {
  let parsed: ParsedSchedule;
  try {
    parsed = parseAny(input, opts);
  } catch (e) {
    throw asProgrammeError(opts.source, e);
  }
  if (parsed.programme.sessions.length > MAX_SESSIONS)
    throw tooManySessions(opts.source, parsed.programme.sessions.length);
  return { ...parsed, warnings: capWarnings(parsed.warnings) };
}

function parseAny(input: string | Uint8Array, opts: ScheduleOptions): ParsedSchedule {
  const bytes = typeof input === "string" ? undefined : input;
  const text = typeof input === "string" ? input : decodeUtf8(input, opts.source);
  const format = detectFormat(text);
  // Counted before the heavy parsers build their trees: a file of 100,000 events is refused at once.
  if (format === "ical" || format === "frab-xml") {
    const events = announcedEvents(text, format);
    if (events > MAX_SESSIONS) throw tooManySessions(opts.source, events);
  }
  switch (format) {
    case "canonical":
      return parseCanonical(text, opts.source);
    case "frab-xml":
      return buildProgramme(readFrabXml(text, opts.source), opts);
    case "c3voc-json":
      return buildProgramme(readC3vocJson(text, opts.source), opts);
    case "ical": {
      const ics = decodeIcsBytes(bytes ?? new TextEncoder().encode(text));
      return buildProgramme(readIcal(ics.text, opts.source, ics.warnings), opts);
    }
  }
}

function decodeUtf8(bytes: Uint8Array, source: string): string {
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 64));
  // iCalendar may only be valid UTF-8 after unfolding; its reader decodes the bytes itself.
  if (/^\uFEFF?\s*BEGIN:VCALENDAR/i.test(head))
    return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ProgrammeError(source, [
      {
        path: "",
        message: "UTF-8 text (the file holds invalid byte sequences)",
        problem: { code: "not-utf8" },
      },
    ]);
  }
}

/** Reads a schedule file of any supported format; a missing or unreadable file is a ProgrammeError. */
export function readScheduleFile(file: string, opts: Omit<ScheduleOptions, "source"> = {}): ParsedSchedule {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new ProgrammeError(file, [unreadable(e)]);
  }
  return parseSchedule(bytes, { ...opts, source: file });
}
