/** The programme as the app works with it: the API's answer plus lookups by id, built once per load. */
import type { ApiProgramme, ApiSession, ApiSpeaker } from "../../src/webapp/api-types.js";

/** The programme with its indexes. */
export interface Model {
  p: ApiProgramme;
  sessions: Map<string, ApiSession>;
  speakers: Map<string, ApiSpeaker>;
  rooms: Map<string, { id: string; name: string; index: number }>;
  tracks: Map<string, { id: string; name: string; color: string }>;
  byStartParam: Map<string, ApiSession>;
  bySpeaker: Map<string, ApiSession[]>;
}

/** Builds the lookups. */
export function buildModel(p: ApiProgramme): Model {
  const bySpeaker = new Map<string, ApiSession[]>();
  const sorted = [...p.sessions].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const s of sorted)
    for (const id of s.speakers) {
      const list = bySpeaker.get(id);
      if (list) list.push(s);
      else bySpeaker.set(id, [s]);
    }
  return {
    p,
    sessions: new Map(p.sessions.map((s) => [s.id, s])),
    speakers: new Map(p.speakers.map((s) => [s.id, s])),
    rooms: new Map(p.rooms.map((r, index) => [r.id, { ...r, index }])),
    tracks: new Map(p.tracks.map((t) => [t.id, t])),
    byStartParam: new Map(p.sessions.map((s) => [s.startParam, s])),
    bySpeaker,
  };
}

/** Speaker names of a session, in billing order. */
export function speakerNames(m: Model, s: ApiSession): string {
  return s.speakers
    .map((id) => m.speakers.get(id)?.name)
    .filter(Boolean)
    .join(", ");
}

/** The conference day an instant falls on (the last day whose grid origin it has passed), if any. */
export function dayAt(m: Model, now: number): string | undefined {
  let found: string | undefined;
  for (const d of m.p.days) if (d.origin <= now) found = d.date;
  const last = m.p.days[m.p.days.length - 1];
  if (found && last && found === last.date && now > last.origin + 24 * 3600_000) return undefined;
  return found;
}

/** For each session of the list, the others it overlaps in time (cancelled ones overlap nothing). */
export function overlapsOf(list: readonly ApiSession[]): Map<string, ApiSession[]> {
  const live = list.filter((s) => !s.cancelled).sort((a, b) => a.start - b.start);
  const out = new Map<string, ApiSession[]>();
  for (let i = 0; i < live.length; i++) {
    const a = live[i] as ApiSession;
    for (let j = i + 1; j < live.length; j++) {
      const b = live[j] as ApiSession;
      if (b.start >= a.end) break;
      out.set(a.id, [...(out.get(a.id) ?? []), b]);
      out.set(b.id, [...(out.get(b.id) ?? []), a]);
    }
  }
  return out;
}
