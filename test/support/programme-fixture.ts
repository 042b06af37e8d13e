import type { Conference, Programme, Text } from "../../src/programme/model.js";

/** The conference block of the test programmes: 1 March 2030 in Yekaterinburg, halls A and B, no tracks. */
export function testConference(name: Text): Conference {
  return {
    name,
    timezone: "Asia/Yekaterinburg",
    languages: ["en", "ru"],
    tracks: [],
    days: ["2030-03-01"],
    rooms: [
      { id: "hall-a", name: { en: "Hall A", ru: "Зал A" } },
      { id: "hall-b", name: { en: "Hall B", ru: "Зал B" } },
    ],
  };
}

/** A small valid programme for tests: one day, two rooms, three talks, two speakers. */
export function smallProgramme(): Programme {
  return {
    conference: testConference({ en: "TestConf", ru: "ТестКонф" }),
    sessions: [
      {
        id: "async-io",
        kind: "talk",
        title: { en: "Asynchronous IO", ru: "Асинхронный ввод-вывод" },
        abstract: { en: "Event loops.", ru: "Циклы событий." },
        start: "2030-03-01T10:00:00+05:00",
        end: "2030-03-01T11:00:00+05:00",
        room: "hall-a",
        speakers: ["ann-lee"],
      },
      {
        id: "caching",
        kind: "talk",
        title: { en: "Distributed caching", ru: "Распределённое кэширование" },
        abstract: { en: "Caches.", ru: "Кэши." },
        start: "2030-03-01T10:00:00+05:00",
        end: "2030-03-01T10:40:00+05:00",
        room: "hall-b",
        speakers: ["bob-ray"],
      },
      {
        id: "testing-workshop",
        kind: "workshop",
        title: { en: "Testing workshop", ru: "Мастер-класс по тестированию" },
        abstract: { en: "Hands on.", ru: "Практика." },
        start: "2030-03-01T18:00:00+05:00",
        end: "2030-03-01T20:00:00+05:00",
        room: "hall-a",
        speakers: ["ann-lee", "bob-ray"],
      },
    ],
    speakers: [
      { id: "ann-lee", name: { en: "Ann Lee", ru: "Энн Ли" }, affiliation: { en: "Yandex", ru: "Яндекс" } },
      { id: "bob-ray", name: { en: "Bob Ray", ru: "Боб Рэй" } },
    ],
  };
}

/**
 * A programme of English talks (no speakers) for search tests: each entry is [id, title, abstract?], each talk
 * in hall A at its own hour.
 */
export function talksProgramme(talks: [id: string, title: string, abstract?: string][]): Programme {
  return {
    ...smallProgramme(),
    conference: { ...testConference({ en: "TestConf" }), languages: ["en"] },
    sessions: talks.map(([id, title, abstract = ""], i) => ({
      id,
      kind: "talk",
      title: { en: title },
      abstract: { en: abstract },
      start: `2030-03-01T${String(9 + (i % 10)).padStart(2, "0")}:00:00+05:00`,
      end: `2030-03-01T${String(9 + (i % 10)).padStart(2, "0")}:40:00+05:00`,
      room: "hall-a",
      speakers: [],
    })),
    speakers: [],
  };
}

/** {@link talksProgramme}'s talks given in another language: their titles and abstracts in it, and the programme's. */
export function talksProgrammeIn(
  language: string,
  talks: [id: string, title: string, abstract?: string][],
): Programme {
  const p = talksProgramme(talks);
  p.conference.languages = [language];
  for (const s of p.sessions) {
    s.title = { [language]: s.title.en as string };
    s.abstract = { [language]: s.abstract?.en as string };
  }
  return p;
}
