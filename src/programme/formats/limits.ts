/**
 * What confbot takes from a programme source, whatever it is: at most so many sessions (counted before a
 * heavy parser sees the text, so a file of 100,000 events is refused in milliseconds, not after a gigabyte)
 * and so many warnings kept; and any failure of a parser, of whatever kind, turned into a ProgrammeError —
 * so every caller (start-up, /reload, SIGHUP, the URL sync, the CLI) keeps the stored programme and says why.
 */
import { ProgrammeError } from "../errors.js";
import type { SourceWarning } from "../model.js";

/** The most sessions a programme may have (FOSDEM, the largest known, has about 1,000). */
export const MAX_SESSIONS = 20_000;

/** The most warnings of one code kept about one source; the rest are counted in one last warning. */
export const MAX_WARNINGS = 1_000;

/** The longest piece of a source's text a message quotes (a 50 MB title is cut to this). */
export const MAX_QUOTED = 200;

/** `text` cut to `max` characters, with "…" and how much was left out. */
export function cutText(text: string, max = MAX_QUOTED): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${(text.length - max).toLocaleString("en")} more characters)`;
}

/** The longest message kept whole; a longer one (after cutting what it quotes) is cut too. */
const MAX_MESSAGE = 2000;

/**
 * A message with every long quoted value ("…", «…», “…”) cut to {@link MAX_QUOTED}: a warning about a 50 MB
 * title names the title, it does not print it.
 */
export function cutQuoted(message: string): string {
  if (message.length <= MAX_QUOTED) return message;
  // A scan, not a regex: a backtracking match over 50 MB overflows the stack.
  let out = "";
  let from = 0;
  for (let i = 0; i < message.length; i++) {
    const close = QUOTES[message[i] as string];
    if (close === undefined) continue;
    const end = message.indexOf(close, i + 1);
    if (end < 0) break;
    if (end - i - 1 > MAX_QUOTED) {
      out += message.slice(from, i + 1) + cutText(message.slice(i + 1, end));
      from = end;
    }
    i = end;
  }
  return cutText(out + message.slice(from), MAX_MESSAGE);
}

/** Opening quotes and their closing ones. */
const QUOTES: Record<string, string> = { '"': '"', "«": "»", "“": "”" };

/** The ProgrammeError of a source with more sessions than {@link MAX_SESSIONS}. */
export function tooManySessions(source: string, count: number): ProgrammeError {
  return new ProgrammeError(source, [
    {
      path: "",
      message: `at most ${MAX_SESSIONS.toLocaleString("en")} sessions (confbot's limit), got ${count.toLocaleString("en")}`,
      problem: { code: "too-many-sessions", values: { limit: MAX_SESSIONS, count } },
    },
  ]);
}

/** Counts the events an iCalendar or XML text announces, cheaply (a regex), before it is parsed. */
export function announcedEvents(text: string, format: "ical" | "frab-xml"): number {
  const marker = format === "ical" ? /^BEGIN:VEVENT\b/gim : /<event[\s>]/g;
  let n = 0;
  while (marker.exec(text)) if (++n > MAX_SESSIONS) break;
  return n;
}

/** Any failure of reading a source as a ProgrammeError: its own errors as they are, the rest worded. */
export function asProgrammeError(source: string, e: unknown): ProgrammeError {
  if (e instanceof ProgrammeError) return e;
  const err = e instanceof Error ? e : new Error(String(e));
  // A stack overflow or an array past V8's limit: the file is too big or too deeply nested to read.
  const tooBig = err instanceof RangeError;
  const error = cutText(`${err.name}: ${err.message}`);
  return new ProgrammeError(source, [
    {
      path: "",
      message: tooBig
        ? `a schedule small and shallow enough to read (${error})`
        : `a schedule confbot can read (reading it failed: ${error})`,
      problem: { code: tooBig ? "too-big" : "unparseable", values: { error } },
    },
  ]);
}

/**
 * The warnings, at most {@link MAX_WARNINGS} of each code, long quoted values cut (see cutQuoted): the rest
 * of a code are counted in one last warning (code `more-warnings`) that names the code and the limit.
 */
export function capWarnings(warnings: SourceWarning[]): SourceWarning[] {
  const seen = new Map<string, number>();
  const kept: SourceWarning[] = [];
  for (const w of warnings) {
    const n = (seen.get(w.code) ?? 0) + 1;
    seen.set(w.code, n);
    if (n > MAX_WARNINGS) continue;
    const message = cutQuoted(w.message);
    kept.push(message === w.message ? w : { ...w, message });
  }
  for (const [code, n] of seen)
    if (n > MAX_WARNINGS)
      kept.push({
        code: "more-warnings",
        message: `… and ${(n - MAX_WARNINGS).toLocaleString("en")} more "${code}" warnings, not listed (confbot keeps at most ${MAX_WARNINGS.toLocaleString("en")} of each)`,
      });
  return kept;
}

/** Throws the ProgrammeError of a file larger than `maxBytes` (PROGRAMME_MAX_MB): it is not read at all. */
export function checkFileSize(file: string, size: number, maxBytes: number): void {
  if (size <= maxBytes) return;
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  throw new ProgrammeError(file, [
    {
      path: "",
      message: `a file of at most ${mb(maxBytes)} MB (PROGRAMME_MAX_MB), got ${mb(size)} MB`,
      problem: { code: "too-large-file", values: { size: mb(size), limit: mb(maxBytes) } },
    },
  ]);
}
