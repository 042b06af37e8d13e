/**
 * A test deployment of three conferences: TestConf & Co (the default, 1–2 March 2030), SpringConf (the small
 * programme, 1 March 2030, ids shared with nothing) and TestConf 2020 (the same small programme ten years
 * earlier: a past edition whose ids are the spring one's).
 */
import type { Programme } from "../../src/programme/model.js";
import { attendeeProgramme } from "./attendee-programme.js";
import type { HarnessConference } from "./bot-harness.js";
import { smallProgramme } from "./programme-fixture.js";

/** A programme moved to another year (its days and every session), under another name. */
export function inYear(p: Programme, year: number, name: string): Programme {
  const y = (s: string) => s.replace(/^\d{4}/, String(year));
  return {
    conference: { ...p.conference, name: { en: name, ru: name }, days: p.conference.days.map(y) },
    sessions: p.sessions.map((s) => ({ ...s, start: y(s.start), end: y(s.end) })),
    speakers: p.speakers,
  };
}

/** The three conferences; `organizers` of each by id. */
export function testSeries(organizers: Record<string, number[]> = {}): HarnessConference[] {
  return [
    { id: "testconf", programme: attendeeProgramme(), organizers: organizers.testconf ?? [] },
    {
      id: "spring",
      programme: inYear(smallProgramme(), 2030, "SpringConf"),
      organizers: organizers.spring ?? [],
    },
    {
      id: "old",
      programme: inYear(smallProgramme(), 2020, "TestConf 2020"),
      organizers: organizers.old ?? [],
    },
  ];
}

/** SpringConf in Moscow (UTC+3): its sessions at 10:00 Yekaterinburg time are at 08:00 there. */
export function moscowSpring(): Programme {
  const p = inYear(smallProgramme(), 2030, "SpringConf");
  return {
    ...p,
    conference: {
      ...p.conference,
      timezone: "Europe/Moscow",
      rooms: [
        { id: "hall-a", name: { en: "Blue hall", ru: "Синий зал" } },
        { id: "hall-b", name: { en: "Red hall", ru: "Красный зал" } },
      ],
    },
  };
}
