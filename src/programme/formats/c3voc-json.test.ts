import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REAL_DIR } from "../../../test/support/real-schedules.js";
import { buildProgramme } from "./build.js";
import { readC3vocJson } from "./c3voc-json.js";

const real = (file: string) =>
  buildProgramme(readC3vocJson(readFileSync(join(REAL_DIR, file), "utf8"), file), { source: file });

describe("c3voc JSON", () => {
  it("keeps the seats jev22 declares for its rooms, and none where it declares none", () => {
    const { programme } = real("jev22-everything.c3voc.json");
    const room = (name: string) =>
      programme.conference.rooms.find((r) => Object.values(r.name).includes(name));
    expect(room("HIP - Track 1 - Room 5")?.capacity).toBe(110);
    expect(room("HDMI (room 3)")?.capacity).toBe(12);
    expect(programme.conference.rooms.filter((r) => r.capacity === undefined).length).toBeGreaterThan(0);
  });

  it("tells jev22's people apart who share numeric id 2, by their pretalx codes and names", () => {
    const { programme } = real("jev22-everything.c3voc.json");
    const names = programme.speakers.map((s) => s.name.de);
    for (const name of ["ajuvo", "Matthias", "Felix Ulonska", "Windfisch", "P-T2"])
      expect(names).toContain(name);
    const ids = new Set(
      programme.speakers.filter((s) => ["ajuvo", "Felix Ulonska"].includes(s.name.de ?? "")).map((s) => s.id),
    );
    expect(ids.size).toBe(2);
    expect(programme.speakers.find((s) => s.id === "8Q7ENU")?.name.de).toBe("ajuvo");
  });

  it("keeps jev22's one event at −05:00 at its own instant, shown in Amsterdam time", () => {
    const { programme, warnings } = real("jev22-everything.c3voc.json");
    expect(programme.conference.timezone).toBe("Europe/Amsterdam");
    const json = JSON.parse(readFileSync(join(REAL_DIR, "jev22-everything.c3voc.json"), "utf8"));
    const all = Object.values(
      json.schedule.conference.days
        .flatMap((d: { rooms: Record<string, unknown[]> }) => Object.values(d.rooms))
        .flat(),
    ) as { guid: string; date: string }[];
    const ny = all.find((e) => e.date.endsWith("-05:00"));
    const session = programme.sessions.find((s) => s.id === ny?.guid);
    expect(Date.parse(session?.start ?? "")).toBe(Date.parse(ny?.date ?? ""));
    expect(session?.start).toMatch(/\+01:00$/);
    expect(warnings.some((w) => w.code === "clock-mismatch")).toBe(true);
  });

  it("reads pretalx persons' biographies and leaves out declared rooms without events", () => {
    const { programme } = real("rc3-channels-2020.pretalx.c3voc.json");
    expect(programme.speakers.filter((s) => s.bio).length).toBeGreaterThan(10);
    const jev = real("jev22-everything.c3voc.json");
    expect(jev.programme.conference.rooms).toHaveLength(43);
    // 47 declared, 43 used (and day lists name rooms the declaration lacks).
    const leftOut = jev.warnings.filter((w) => w.code === "empty-room" && w.message.endsWith("left out"));
    expect(leftOut.length).toBeGreaterThanOrEqual(4);
  });

  it("refuses what is no JSON schedule", () => {
    expect(() => readC3vocJson("{", "x.json")).toThrow(/valid JSON/);
    expect(() => readC3vocJson('{"schedule": 1}', "x.json")).toThrow(/c3voc schedule/);
  });
});
