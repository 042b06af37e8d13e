import type { Programme, Session } from "../../src/programme/model.js";
import { testConference } from "./programme-fixture.js";

/**
 * A programme of `count` talks for sync tests: one day in 2030, two rooms, half-hour talks one after the
 * other in each room, each with its own speaker, ids `talk-1`…`talk-N`.
 */
export function syncProgramme(count = 10): Programme {
  const sessions: Session[] = Array.from({ length: count }, (_, i) => {
    const slot = Math.floor(i / 2);
    const start = Date.parse("2030-03-01T09:00:00+05:00") + slot * 30 * 60_000;
    return {
      id: `talk-${i + 1}`,
      kind: "talk",
      title: { en: `Talk number ${i + 1}`, ru: `Доклад номер ${i + 1}` },
      abstract: { en: "About things.", ru: "О разном." },
      start: new Date(start).toISOString(),
      end: new Date(start + 25 * 60_000).toISOString(),
      room: i % 2 ? "hall-b" : "hall-a",
      speakers: [`speaker-${i + 1}`],
    };
  });
  return {
    conference: testConference({ en: "SyncConf", ru: "СинкКонф" }),
    sessions,
    speakers: sessions.map((_, i) => ({
      id: `speaker-${i + 1}`,
      name: { en: `Speaker ${i + 1}`, ru: `Докладчик ${i + 1}` },
    })),
  };
}

/** A copy of a programme with one session changed by `edit`. */
export function editSession(p: Programme, id: string, edit: (s: Session) => void): Programme {
  const copy = structuredClone(p);
  const s = copy.sessions.find((x) => x.id === id);
  if (!s) throw new Error(`no session ${id}`);
  edit(s);
  return copy;
}

/** Moves a session by `minutes`, keeping its length. */
export function shift(s: Session, minutes: number): void {
  s.start = new Date(Date.parse(s.start) + minutes * 60_000).toISOString();
  s.end = new Date(Date.parse(s.end) + minutes * 60_000).toISOString();
}
