import { describe, expect, it } from "vitest";
import { ProgrammeError } from "../errors.js";
import type { Programme } from "../model.js";
import { validateImported } from "./validate.js";

const programme = (): Programme => ({
  conference: {
    name: { en: "X" },
    timezone: "UTC+01:00",
    languages: ["en"],
    days: ["2024-12-27"],
    rooms: [{ id: "a", name: { en: "A" } }],
    tracks: [],
  },
  sessions: [
    {
      id: "s1",
      kind: "talk",
      title: { en: "One" },
      abstract: {},
      start: "2024-12-27T10:00:00+01:00",
      end: "2024-12-27T10:00:00+01:00",
      room: "a",
      speakers: [],
    },
    {
      id: "s2",
      kind: "talk",
      title: { en: "Two" },
      abstract: {},
      start: "2024-12-27T10:00:00+01:00",
      end: "2024-12-27T11:00:00+01:00",
      room: "a",
      speakers: [],
    },
  ],
  speakers: [],
});

describe("validateImported", () => {
  it("lets a source's clashes and zero-length events through", () => {
    expect(validateImported(programme(), "x").sessions).toHaveLength(2);
  });

  it("refuses broken references, naming the path", () => {
    const p = programme();
    p.sessions = p.sessions.map((s, i) => (i === 1 ? { ...s, room: "nowhere" } : s));
    expect(() => validateImported(p, "x.xml")).toThrow(ProgrammeError);
    expect(() => validateImported(p, "x.xml")).toThrow(/sessions\[1\]\.room/);
  });
});
