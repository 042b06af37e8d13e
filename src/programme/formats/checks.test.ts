import { describe, expect, it } from "vitest";
import type { Programme, Session } from "../model.js";
import { checkOffsets, checkSessions } from "./checks.js";

const session = (id: string, start: string, end: string, room: string, speakers: string[] = []): Session => ({
  id,
  kind: "talk",
  title: { en: id },
  abstract: {},
  start,
  end,
  room,
  speakers,
});

const programme = (sessions: Session[]): Programme => ({
  conference: {
    name: { en: "X" },
    timezone: "Europe/Berlin",
    languages: ["en"],
    dayChange: "06:00",
    days: ["2024-12-27"],
    rooms: [
      { id: "a", name: { en: "Saal A" } },
      { id: "b", name: { en: "Saal B" } },
    ],
    tracks: [],
  },
  sessions,
  speakers: [{ id: "kim", name: { en: "Kim" } }],
});

describe("checkSessions", () => {
  it("reports clashes, zero-length and 12-hour events, nights and missing speakers", () => {
    const p = programme([
      session("one", "2024-12-27T10:00:00+01:00", "2024-12-27T11:00:00+01:00", "a", ["kim"]),
      session("two", "2024-12-27T10:30:00+01:00", "2024-12-27T11:30:00+01:00", "a"),
      session("three", "2024-12-27T10:45:00+01:00", "2024-12-27T11:15:00+01:00", "b", ["kim"]),
      session("four", "2024-12-27T12:00:00+01:00", "2024-12-27T12:00:00+01:00", "b", ["kim"]),
      session("five", "2024-12-27T12:00:00+01:00", "2024-12-28T00:00:00+01:00", "b", ["kim"]),
      session("six", "2024-12-28T01:30:00+01:00", "2024-12-28T02:00:00+01:00", "a", ["kim"]),
    ]);
    const byCode = new Map<string, string[]>();
    for (const w of checkSessions(p)) byCode.set(w.code, [...(byCode.get(w.code) ?? []), w.message]);
    expect(byCode.get("room-double-booked")).toEqual([
      '"two" (2024-12-27 10:30, Saal A) overlaps "one" (2024-12-27 10:00, Saal A) in the same room',
    ]);
    expect(byCode.get("speaker-double-booked")).toEqual([
      'Kim is in "one" (2024-12-27 10:00, Saal A) and "three" (2024-12-27 10:45, Saal B) at once',
    ]);
    expect(byCode.get("zero-length")).toHaveLength(1);
    expect(byCode.get("long-event")?.[0]).toContain('"five"');
    expect(byCode.get("past-midnight")?.[0]).toContain(
      '"six" (2024-12-28 01:30, Saal A) is after midnight and belongs to the day of 2024-12-27',
    );
    expect(byCode.get("no-speakers")?.[0]).toContain('"two"');
  });

  it("lets cancelled sessions free their room, and breaks go without speakers", () => {
    const p = programme([
      session("one", "2024-12-27T10:00:00+01:00", "2024-12-27T11:00:00+01:00", "a", ["kim"]),
      {
        ...session("two", "2024-12-27T10:00:00+01:00", "2024-12-27T11:00:00+01:00", "a", ["kim"]),
        cancelled: true,
      },
      { ...session("lunch", "2024-12-27T12:00:00+01:00", "2024-12-27T13:00:00+01:00", "b"), kind: "meal" },
    ]);
    expect(checkSessions(p)).toEqual([]);
  });
});

describe("checkOffsets", () => {
  it("warns of a time whose offset is not the timezone's that day, once per session; UTC times pass", () => {
    // Berlin is at +01:00 in December: +02:00 (a summer offset copied over) puts 10:00 at 09:00.
    const p = programme([
      session("ok", "2024-12-27T10:00:00+01:00", "2024-12-27T11:00:00+01:00", "a"),
      session("utc", "2024-12-27T09:00:00Z", "2024-12-27T10:00:00Z", "b"),
      session("summer", "2024-12-27T12:00:00+02:00", "2024-12-27T13:00:00+02:00", "a"),
      session("end-only", "2024-12-27T14:00:00+01:00", "2024-12-27T16:00:00+02:00", "b"),
    ]);
    const warnings = checkOffsets(p);
    expect(warnings.map((w) => [w.session, w.values?.field, w.values?.local])).toEqual([
      ["summer", "start", "11:00"],
      ["end-only", "end", "15:00"],
    ]);
    expect(warnings[0]).toMatchObject({
      code: "offset-mismatch",
      values: { written: "12:00", offset: "+02:00", zoneOffset: "+01:00", timezone: "Europe/Berlin" },
    });
    expect(warnings[0]?.message).toContain("start 2024-12-27T12:00:00+02:00 is 11:00 in Europe/Berlin");
  });
});
