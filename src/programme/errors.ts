/** Where in a programme a problem is, as people name it: a session by its title and time, a room by its name. */
export interface IssuePlace {
  kind: "session" | "speaker" | "room" | "track";
  id?: string;
  /** Its title (a session) or name (the others), in each language the file gives. */
  name?: Record<string, string>;
  /** A session's times and room, as the file has them. */
  start?: string;
  end?: string;
  room?: string;
  /** The field inside it (`room`, `start`, `speakers`…), when the problem is in one. */
  field?: string;
}

/** A value a problem's wording may hold: plain text or a number, or places to name (another session, the rooms). */
export type ProblemValue = string | number | IssuePlace | IssuePlace[];

/**
 * A problem in words any language can give: a code (the bot's `admin.issue.<code>` text) and its values.
 * `expected` carries `what`, the key of the kind of value the field needs (see EXPECTED).
 */
export interface Problem {
  code: string;
  values?: Record<string, ProblemValue>;
}

/** One problem found in a programme file: where it is and what was expected there. */
export interface ProgrammeIssue {
  /** Path inside the document, e.g. `sessions[3].start`; `line 4` for a file that is no YAML. */
  path: string;
  /** The problem in English, for logs and the command line. */
  message: string;
  /** The same for organizers, worded in their language. */
  problem?: Problem;
  /** The session, speaker, room or track the path points into. */
  place?: IssuePlace;
}

/** Thrown when a programme file cannot be used; lists every problem at once. */
export class ProgrammeError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ProgrammeIssue[],
  ) {
    super(
      `${file}: ${issues.length} problem(s)\n${issues.map((i) => `  ${file}: ${i.path || "(root)"}: ${i.message}`).join("\n")}`,
    );
    this.name = "ProgrammeError";
  }
}

/** Formats a path array as `sessions[3].start`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
}

/**
 * What a field expects, by key: the English the schema reports, and the key the bot words it by
 * (`admin.expected.<key>`), so that an organizer reads it in their language.
 */
export const EXPECTED = {
  id: "an id of at most 64 latin letters, digits and . _ : ~ - (a slug or a guid)",
  lang: "an ISO 639-1 language code (two lowercase letters)",
  url: "an http(s) URL",
  text: "a non-empty text",
  someText: "a text in at least one language",
  instant: "an ISO 8601 date-time with UTC offset",
  date: "an ISO date (YYYY-MM-DD)",
  colour: "a CSS colour #rrggbb",
  timezone: "an IANA timezone",
  languages: "at least one language",
  days: "at least one day",
  clock: "a clock time HH:MM",
  title: "a non-empty title",
  type: "a non-empty type",
} as const;

/** A kind of value a field expects (a key of {@link EXPECTED}). */
export type Expected = keyof typeof EXPECTED;

/** The key of an expectation by its English wording; undefined for wording the schema does not use. */
export function expectedKey(message: string): Expected | undefined {
  return (Object.keys(EXPECTED) as Expected[]).find((k) => EXPECTED[k] === message);
}

const COLLECTIONS: Record<string, IssuePlace["kind"]> = {
  sessions: "session",
  speakers: "speaker",
  rooms: "room",
  tracks: "track",
};

/**
 * The place a path points into, read from the document as written (it may be invalid): `sessions[34].room`
 * is the session titled so-and-so at such a time, its field `room`.
 */
export function placeAt(doc: unknown, path: readonly PropertyKey[]): IssuePlace | undefined {
  const at = path.findLastIndex(
    (p, i) => typeof p === "string" && COLLECTIONS[p] && typeof path[i + 1] === "number",
  );
  if (at < 0) return undefined;
  const kind = COLLECTIONS[path[at] as string] as IssuePlace["kind"];
  let item: unknown = doc;
  for (const key of path.slice(0, at + 2)) {
    if (item === null || typeof item !== "object") return undefined;
    item = (item as Record<PropertyKey, unknown>)[key];
  }
  if (item === null || typeof item !== "object") return undefined;
  const o = item as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const text = (v: unknown) => {
    if (typeof v === "string") return { und: v };
    if (!v || typeof v !== "object") return undefined;
    const entries = Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string");
    return entries.length ? Object.fromEntries(entries) : undefined;
  };
  const field = path[at + 2];
  const place: IssuePlace = { kind };
  const id = str(o.id);
  const name = text(kind === "session" ? o.title : o.name);
  if (id) place.id = id;
  if (name) place.name = name;
  if (kind === "session") {
    for (const k of ["start", "end", "room"] as const) {
      const v = str(o[k]);
      if (v) place[k] = v;
    }
  }
  if (typeof field === "string") place.field = field;
  return place;
}

/** The problem of a file that cannot be read: the message, and the reason in words any language can give. */
export function unreadable(e: unknown): ProgrammeIssue {
  const err = e as NodeJS.ErrnoException;
  return {
    path: "",
    message: `a readable file (${err.message})`,
    problem: { code: "unreadable", values: { error: err.code ?? err.message } },
  };
}
