import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { DateTime } from "luxon";
import { isMap, isScalar, isSeq, type Pair, parseDocument, type Scalar, type YAMLMap } from "yaml";
import { toZonedIso } from "./canonical.js";
import { ProgrammeError, unreadable } from "./errors.js";
import { checkFileSize } from "./formats/limits.js";
import { type Conference, conferenceDayOf, type Programme, type Session } from "./model.js";
import { parseProgramme } from "./read.js";

/** An organizer's change to one session, as typed in /move, /cancel or /restore. */
export type ScheduleEdit =
  | { action: "move"; sessionId: string; day: string; time: string; room?: string }
  | { action: "cancel"; sessionId: string }
  | { action: "restore"; sessionId: string };

/** Why an edit cannot be made (the bot turns the code into a localized message). */
export type EditErrorCode =
  | "session-not-found"
  | "bad-day"
  | "bad-time"
  | "bad-room"
  | "already-cancelled"
  | "not-cancelled"
  | "no-change"
  | "outside-days"
  | "unsupported-layout";

/** An edit that makes no sense for the programme as it is; `detail` holds values for the message. */
export class EditError extends Error {
  constructor(
    readonly code: EditErrorCode,
    readonly detail: Record<string, string> = {},
  ) {
    super(`${code}${Object.keys(detail).length ? ` ${JSON.stringify(detail)}` : ""}`);
    this.name = "EditError";
  }
}

/** The outcome of an edit: the new file text, the programme it holds, and the session before and after. */
export interface EditResult {
  text: string;
  programme: Programme;
  before: Session;
  after: Session;
}

// ── Arguments ────────────────────────────────────────────────────────────────────────────────────

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
/** What is meant as a time even when it is none (25:00, 9:75): found as the time, then refused as a bad one. */
const TIME_LIKE = /^\d{1,2}[:.]\d{1,2}$/;

/**
 * Splits `/move` arguments `<session…> <day> <time> [room…]` around the HH:MM token (the last one, so a title
 * may hold a time too); undefined if there is none.
 */
export function splitMoveArgs(
  args: string,
): { session: string; day: string; time: string; room?: string } | undefined {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const at = words.findLastIndex((w, i) => i >= 2 && TIME_LIKE.test(w));
  if (at < 2) return undefined;
  const room = words.slice(at + 1).join(" ");
  return {
    session: words.slice(0, at - 1).join(" "),
    day: words[at - 1] ?? "",
    time: words[at] ?? "",
    ...(room ? { room } : {}),
  };
}

/** Normalizes a time of day to `HH:MM`; undefined when it is not one. */
export function parseTime(input: string): string | undefined {
  const m = TIME.exec(input.trim());
  return m ? `${(m[1] ?? "").padStart(2, "0")}:${m[2]}` : undefined;
}

const WEEKDAYS: readonly (readonly string[])[] = [
  ["mon", "monday", "пн", "пон", "понедельник"],
  ["tue", "tues", "tuesday", "вт", "вто", "вторник"],
  ["wed", "wednesday", "ср", "сре", "среда"],
  ["thu", "thur", "thurs", "thursday", "чт", "чет", "четверг"],
  ["fri", "friday", "пт", "пят", "пятница"],
  ["sat", "saturday", "сб", "суб", "суббота"],
  ["sun", "sunday", "вс", "вос", "воскресенье"],
];

/** Resolves a day typed by an organizer — `1`/`2` (the conference's days), an ISO date, or a weekday (mon, пн) — to an ISO date of the conference. */
export function parseDay(input: string, conference: Conference): string | undefined {
  const s = input.trim().toLowerCase().replace(/\.$/, "");
  if (/^\d{1,2}$/.test(s)) return conference.days[Number(s) - 1];
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return conference.days.includes(s) ? s : undefined;
  const weekday = WEEKDAYS.findIndex((names) => names.includes(s)) + 1;
  if (!weekday) return undefined;
  return conference.days.find((d) => DateTime.fromISO(d, { zone: conference.timezone }).weekday === weekday);
}

/** Resolves a room typed by an organizer — its id or its name in any language, any case — to its id. */
export function parseRoom(input: string, conference: Conference): string | undefined {
  const s = input.trim().toLowerCase();
  return conference.rooms.find(
    (r) =>
      r.id === s ||
      Object.values(r.name).some((n) => n.toLowerCase() === s) ||
      r.id === s.replace(/\s+/g, "-"),
  )?.id;
}

/** How a `<session>` argument resolved: to one session, to none, or to several candidates (best first). */
export type SessionMatch =
  | { kind: "one"; session: Session }
  | { kind: "none" }
  | { kind: "many"; candidates: Session[] };

/** Lower case, one space between words, no punctuation: how titles are compared with what was typed. */
function normalized(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Every session an organizer's words may mean, from the best tier that has any: those titled exactly so (in
 * any language); else those whose title holds the words as a phrase; else the search results (`search` returns
 * session ids, best first: typos, word forms, speakers, abstracts). A title that names what was typed wins
 * outright: "redis" means "Redis, the hacker's database", not a talk that mentions Redis in its abstract.
 * Breaks and other entries count like talks: an organizer cancels a "Registration" as readily as a talk.
 */
export function findSessions(
  programme: Programme,
  query: string,
  search?: (q: string) => string[],
): Session[] {
  const q = normalized(query);
  if (!q) return [];
  const titles = (s: Session) => Object.values(s.title).map(normalized);
  const exact = programme.sessions.filter((s) => titles(s).includes(q));
  if (exact.length) return exact;
  const phrase = programme.sessions.filter((s) => titles(s).some((t) => ` ${t} `.includes(` ${q} `)));
  if (phrase.length) return phrase;
  const byId = new Map(programme.sessions.map((s) => [s.id, s]));
  return [...new Set((search?.(query.trim()) ?? []).flatMap((id) => byId.get(id) ?? []))];
}

/**
 * Finds the session an organizer means: an exact id, else {@link findSessions}; several matches of its best
 * tier are candidates to pick from, best first.
 */
export function resolveSession(
  programme: Programme,
  query: string,
  search?: (q: string) => string[],
): SessionMatch {
  const q = query.trim();
  const byId = programme.sessions.find((s) => s.id === q.toLowerCase());
  if (byId) return { kind: "one", session: byId };
  const found = findSessions(programme, q, search);
  const first = found[0];
  if (!first) return { kind: "none" };
  if (found.length === 1) return { kind: "one", session: first };
  return { kind: "many", candidates: found };
}

// ── Applying an edit ─────────────────────────────────────────────────────────────────────────────

/** New values for a session's fields; `undefined` removes the field. */
type FieldChanges = Partial<Record<"start" | "end" | "room" | "cancelled", string | boolean | undefined>>;

function changesFor(edit: ScheduleEdit, programme: Programme): { session: Session; changes: FieldChanges } {
  const session = programme.sessions.find((s) => s.id === edit.sessionId);
  if (!session) throw new EditError("session-not-found", { query: edit.sessionId });
  const conf = programme.conference;
  switch (edit.action) {
    case "cancel":
      if (session.cancelled) throw new EditError("already-cancelled", { id: session.id });
      return { session, changes: { cancelled: true } };
    case "restore":
      if (!session.cancelled) throw new EditError("not-cancelled", { id: session.id });
      return { session, changes: { cancelled: undefined } };
    case "move": {
      if (!conf.days.includes(edit.day))
        throw new EditError("bad-day", { day: edit.day, days: conf.days.join(", ") });
      const time = parseTime(edit.time);
      if (!time) throw new EditError("bad-time", { time: edit.time });
      const start = DateTime.fromISO(`${edit.day}T${time}`, { zone: conf.timezone });
      if (!start.isValid || start.toFormat("HH:mm") !== time)
        throw new EditError("bad-time", { time: edit.time });
      if (edit.room !== undefined && !conf.rooms.some((r) => r.id === edit.room))
        throw new EditError("bad-room", { room: edit.room, rooms: conf.rooms.map((r) => r.id).join(", ") });
      const duration = Date.parse(session.end) - Date.parse(session.start);
      // Ending after the last conference day (a late start, a long session) is a slip, not a plan.
      const end = start.toMillis() + duration;
      if (!conf.days.includes(conferenceDayOf(Math.max(start.toMillis(), end - 1), conf)))
        throw new EditError("outside-days", {
          id: session.id,
          start: toZonedIso(start.toMillis(), conf.timezone),
          end: toZonedIso(end, conf.timezone),
        });
      const changes: FieldChanges = {};
      if (start.toMillis() !== Date.parse(session.start)) {
        changes.start = toZonedIso(start.toMillis(), conf.timezone);
        changes.end = toZonedIso(start.toMillis() + duration, conf.timezone);
      }
      if (edit.room !== undefined && edit.room !== session.room) changes.room = edit.room;
      if (!Object.keys(changes).length) throw new EditError("no-change", { id: session.id });
      return { session, changes };
    }
  }
}

/** Key-order-insensitive JSON, to compare what two texts hold. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v ?? null);
}

const PLAIN_SAFE = /^[A-Za-z0-9][A-Za-z0-9:+._-]*$/;

function scalarText(value: string | boolean, like?: Scalar): string {
  if (typeof value === "boolean") return String(value);
  if (like?.type === "QUOTE_DOUBLE" || !PLAIN_SAFE.test(value)) return JSON.stringify(value);
  if (like?.type === "QUOTE_SINGLE") return `'${value}'`;
  return value;
}

interface Splice {
  at: number;
  end: number;
  text: string;
}

/**
 * Edits the YAML text in place, touching only the lines of the changed fields, so comments, folding and
 * layout elsewhere stay exactly as the organizers wrote them. Returns undefined when the layout is one
 * this does not handle (a flow-style session, a field sharing its line with the `- `).
 */
function spliceYaml(text: string, map: YAMLMap, changes: FieldChanges): string | undefined {
  if (map.flow) return undefined;
  const pair = (key: string) =>
    map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Scalar, unknown> | undefined;
  const lineStart = (pos: number) => text.lastIndexOf("\n", pos - 1) + 1;
  const lineEnd = (pos: number) => {
    const nl = text.indexOf("\n", pos);
    return nl < 0 ? text.length : nl + 1;
  };
  const endPair = pair("end");
  const endKey = endPair?.key;
  const endValue = endPair?.value;
  if (!endKey?.range || !isScalar(endValue) || !endValue.range) return undefined;
  const indent = endKey.range[0] - lineStart(endKey.range[0]);
  const insertAt = lineEnd(endValue.range[1]);
  const splices: Splice[] = [];
  const inserted: string[] = [];
  for (const [key, value] of Object.entries(changes) as [string, string | boolean | undefined][]) {
    const p = pair(key);
    if (value === undefined) {
      if (!p) continue;
      const k = p.key;
      const v = p.value;
      if (!k?.range || !isScalar(v) || !v.range) return undefined;
      const from = lineStart(k.range[0]);
      if (text.slice(from, k.range[0]).trim()) return undefined;
      splices.push({ at: from, end: lineEnd(v.range[1]), text: "" });
    } else if (p) {
      const v = p.value;
      if (!isScalar(v) || !v.range) return undefined;
      splices.push({ at: v.range[0], end: v.range[1], text: scalarText(value, v) });
    } else {
      inserted.push(`${" ".repeat(indent)}${key}: ${scalarText(value)}\n`);
    }
  }
  if (inserted.length) {
    const newline = insertAt === text.length && !text.endsWith("\n") ? "\n" : "";
    splices.push({ at: insertAt, end: insertAt, text: newline + inserted.join("") });
  }
  splices.sort((a, b) => b.at - a.at);
  let out = text;
  for (const s of splices) out = out.slice(0, s.at) + s.text + out.slice(s.end);
  return out;
}

function applyToYaml(text: string, index: number, changes: FieldChanges): string {
  const doc = parseDocument(text);
  const sessions = doc.get("sessions", true);
  const map = isSeq(sessions) ? sessions.items[index] : undefined;
  if (!isMap(map)) throw new EditError("unsupported-layout");
  const expected = parseDocument(text);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) expected.deleteIn(["sessions", index, key]);
    else expected.setIn(["sessions", index, key], value);
  }
  const spliced = spliceYaml(text, map, changes);
  // The text splice must mean exactly what the Document API edit means; otherwise re-serialize the document.
  if (spliced !== undefined && stable(parseDocument(spliced).toJS()) === stable(expected.toJS()))
    return spliced;
  return expected.toString({ flowCollectionPadding: false });
}

function applyToJson(text: string, index: number, changes: FieldChanges): string {
  const data = JSON.parse(text) as { sessions: Record<string, unknown>[] };
  const session = data.sessions[index];
  if (!session) throw new EditError("unsupported-layout");
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete session[key];
    else session[key] = value;
  }
  const indent = /^[{[]\r?\n(\s+)/.exec(text)?.[1] ?? "  ";
  return `${JSON.stringify(data, null, indent)}\n`;
}

/** Whether a programme file is JSON (by name, or by content for unnamed text). */
function isJsonFile(file: string, text: string): boolean {
  return (
    file.toLowerCase().endsWith(".json") || (!/\.ya?ml$/i.test(file) && text.trimStart().startsWith("{"))
  );
}

/**
 * Applies an edit to the text of a programme file and validates the result as a whole programme
 * (clashes of rooms and speakers come back as a ProgrammeError). The current text must be valid too.
 */
export function applyEdit(original: string, file: string, edit: ScheduleEdit): EditResult {
  // A file written on Windows keeps its CRLF line ends: edit it as LF, then give every line its CR back.
  const crlf = usesCrlf(original);
  const text = crlf ? original.replace(/\r\n/g, "\n") : original;
  const current = parseProgramme(text, file);
  const { session, changes } = changesFor(edit, current);
  const index = current.sessions.indexOf(session);
  const next = isJsonFile(file, text) ? applyToJson(text, index, changes) : applyToYaml(text, index, changes);
  const programme = parseProgramme(next, file);
  const after = programme.sessions[index];
  if (!after || after.id !== session.id)
    throw new ProgrammeError(file, [{ path: "sessions", message: "the same sessions" }]);
  return { text: crlf ? next.replace(/\n/g, "\r\n") : next, programme, before: session, after };
}

/** Whether every line of `text` ends in CRLF (a file with mixed line ends is left as it is). */
function usesCrlf(text: string): boolean {
  const lf = text.split("\n").length - 1;
  return lf > 0 && text.split("\r\n").length - 1 === lf;
}

/**
 * Writes a file so that readers see either the old or the new content, never half of it (temp file + rename).
 * A symlink is followed: its target is replaced and the link stays a link.
 */
export function writeFileAtomic(path: string, text: string): void {
  let file = path;
  try {
    file = realpathSync(path);
  } catch {
    // Not there yet: written where it was asked for.
  }
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(file).mode & 0o777;
  } catch {
    mode = undefined;
  }
  const fd = openSync(tmp, "w", mode ?? 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, file);
  } catch (e) {
    unlinkSync(tmp);
    throw e;
  }
}

/**
 * Reads a programme file as text; an unreadable file, or one larger than `maxBytes` (PROGRAMME_MAX_MB), is a
 * ProgrammeError like any other problem with it.
 */
export function readProgrammeText(file: string, maxBytes = Number.POSITIVE_INFINITY): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new ProgrammeError(file, [unreadable(e)]);
  }
  checkFileSize(file, size, maxBytes);
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new ProgrammeError(file, [unreadable(e)]);
  }
}
