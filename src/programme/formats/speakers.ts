/**
 * Who the speakers are. A person is their id in the source (pretalx code, guid, id); the same name under two
 * ids stays two people, and an id that carries several names in one file (merged schedules reuse numeric ids
 * from different systems) is split into one speaker per name, so no card shows the wrong person.
 */
import type { SourceWarning, Speaker, Text } from "../model.js";
import { IdPool, safeId, slugify } from "./ids.js";
import { plainLine, toPlainText } from "./markup.js";
import type { RawEvent } from "./raw.js";

/** The speakers of a source and, per event, the ids of its speakers in billing order. */
export interface SpeakerTable {
  speakers: Speaker[];
  perEvent: string[][];
}

const norm = (name: string) => name.normalize("NFC").replace(/\s+/g, " ").trim();

/** Builds the speakers of all events; `lang` files names and biographies under the conference's language. */
export function buildSpeakers(
  events: RawEvent[],
  bios: Map<string, string>,
  lang: string,
  warn: (w: SourceWarning) => void,
): SpeakerTable {
  // Every name each source key carries, in order of first appearance.
  const namesByKey = new Map<string, string[]>();
  const keyOf = (key: string | undefined, name: string) =>
    key?.trim() ? `id:${key.trim()}` : `name:${name}`;
  for (const e of events)
    for (const p of e.persons) {
      const name = norm(plainLine(p.name));
      if (!name) continue;
      const k = keyOf(p.key, name);
      const names = namesByKey.get(k) ?? [];
      if (!names.includes(name)) names.push(name);
      namesByKey.set(k, names);
    }

  const pool = new IdPool();
  const idOf = new Map<string, string>(); // `${key}\n${name}` → speaker id
  const speakers = new Map<string, Speaker>();
  for (const [k, names] of namesByKey) {
    const base = k.startsWith("id:") ? safeId(k.slice(3)) : slugify(k.slice(5));
    if (names.length > 1)
      warn({
        code: "speaker-id-split",
        message: `person id "${k.slice(3)}" carries ${names.length} names (${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}); kept as ${names.length} speakers`,
      });
    for (const name of names) {
      const id = pool.claim(names.length > 1 ? safeId(`${base}~${slugify(name, 24)}`) : base);
      idOf.set(`${k}\n${name}`, id);
      speakers.set(id, { id, name: { [lang]: name } as Text });
    }
  }

  const perEvent = events.map((e) => {
    const ids: string[] = [];
    const names = new Set<string>();
    for (const p of e.persons) {
      const name = norm(plainLine(p.name));
      if (!name) continue;
      const k = keyOf(p.key, name);
      const id = idOf.get(`${k}\n${name}`);
      if (!id) continue;
      // The same person twice in one event, by id or (merged sources, two ids) by name.
      if (ids.includes(id) || names.has(name)) {
        warn({
          code: "duplicate-person",
          message: `${name} is listed twice in "${plainLine(e.title)}" (${e.where}); shown once`,
        });
        continue;
      }
      ids.push(id);
      names.add(name);
      const speaker = speakers.get(id);
      const bio = p.bio ?? (p.key ? bios.get(p.key) : undefined);
      if (speaker && bio && !speaker.bio) {
        const text = toPlainText(bio).text;
        if (text) speaker.bio = { [lang]: text };
      }
    }
    return ids;
  });
  return { speakers: [...speakers.values()], perEvent };
}
