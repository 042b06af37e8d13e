import type { Programme } from "./model.js";

/**
 * Session and speaker ids qualified by a conference's prefix (migration 013): ids are unique across the
 * conferences of a deployment, so every table that names a session stays single-keyed. The empty prefix (a
 * deployment's first conference) leaves a programme as it is.
 */
export function qualifyProgramme(p: Programme, prefix: string): Programme {
  if (!prefix) return p;
  const q = (id: string) => prefix + id;
  return {
    conference: p.conference,
    sessions: p.sessions.map((s) => ({ ...s, id: q(s.id), speakers: s.speakers.map(q) })),
    speakers: p.speakers.map((s) => ({ ...s, id: q(s.id) })),
  };
}

/** A qualified id back as its source wrote it (the id itself when it does not carry `prefix`). */
export function sourceId(id: string, prefix: string): string {
  return prefix && id.startsWith(prefix) ? id.slice(prefix.length) : id;
}

/** A stored programme with its source's ids, as `programme export` writes it. */
export function unqualifyProgramme(p: Programme, prefix: string): Programme {
  if (!prefix) return p;
  const u = (id: string) => sourceId(id, prefix);
  return {
    conference: p.conference,
    sessions: p.sessions.map((s) => ({ ...s, id: u(s.id), speakers: s.speakers.map(u) })),
    speakers: p.speakers.map((s) => ({ ...s, id: u(s.id) })),
  };
}
