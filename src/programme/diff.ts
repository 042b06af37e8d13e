import type { Programme, Session } from "./model.js";

/** Session fields whose change the diff reports. */
export const DIFF_FIELDS = [
  "kind",
  "type",
  "title",
  "subtitle",
  "abstract",
  "audience",
  "start",
  "end",
  "room",
  "track",
  "languages",
  "speakers",
  "url",
  "links",
  "cancelled",
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

/** One session present in both versions whose fields differ. */
export interface SessionChange {
  id: string;
  before: Session;
  after: Session;
  fields: DiffField[];
}

/** What changed between two versions of a programme, by session id. */
export interface ProgrammeDiff {
  added: Session[];
  removed: Session[];
  changed: SessionChange[];
}

/** Fields whose change attendees who follow the session must be told about. */
export const NOTICE_FIELDS: readonly DiffField[] = ["start", "end", "room", "title", "cancelled"];

/** Key order must not matter: `{en, ru}` and `{ru, en}` are the same text. */
function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => [k, stable(x)]),
    );
  return v;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(stable(a ?? null)) === JSON.stringify(stable(b ?? null));
}

function sameField(a: Session, b: Session, field: DiffField): boolean {
  if (field === "start" || field === "end") return Date.parse(a[field]) === Date.parse(b[field]);
  if (field === "cancelled") return Boolean(a.cancelled) === Boolean(b.cancelled);
  // An empty list and no list say the same.
  if (field === "languages" || field === "links")
    return same(a[field]?.length ? a[field] : undefined, b[field]?.length ? b[field] : undefined);
  return same(a[field], b[field]);
}

/** Compares two programmes session by session (ids are stable, so a moved talk is a change, not a swap). */
export function diffProgrammes(before: Programme | undefined, after: Programme): ProgrammeDiff {
  const old = new Map((before?.sessions ?? []).map((s) => [s.id, s]));
  const next = new Map(after.sessions.map((s) => [s.id, s]));
  const diff: ProgrammeDiff = { added: [], removed: [], changed: [] };
  for (const s of after.sessions) {
    const prev = old.get(s.id);
    if (!prev) {
      diff.added.push(s);
      continue;
    }
    const fields = DIFF_FIELDS.filter((f) => !sameField(prev, s, f));
    if (fields.length) diff.changed.push({ id: s.id, before: prev, after: s, fields });
  }
  for (const s of before?.sessions ?? []) if (!next.has(s.id)) diff.removed.push(s);
  return diff;
}

/** True when the diff holds nothing at all. */
export function isEmptyDiff(diff: ProgrammeDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.changed.length;
}

/** Changes that attendees following a session must hear of: time, room, title, cancellation, removal. */
export function noticeworthy(diff: ProgrammeDiff): SessionChange[] {
  return diff.changed.filter((c) => c.fields.some((f) => NOTICE_FIELDS.includes(f)));
}
