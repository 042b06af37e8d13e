import { describe, expect, it } from "vitest";
import { isLongSession, longSessionThreshold } from "./long-sessions.js";
import type { Programme, Session, SessionKind } from "./model.js";

const at = (h: number, m = 0) =>
  `2030-03-01T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00+01:00`;
let n = 0;
const session = (start: [number, number], end: [number, number], kind: SessionKind = "talk"): Session =>
  ({
    id: `s${++n}`,
    title: { en: `Session ${n}` },
    kind,
    start: at(...start),
    end: at(...end),
    speakers: [],
  }) as unknown as Session;
const programme = (sessions: Session[]) => ({ sessions }) as unknown as Programme;

describe("long sessions", () => {
  it("are those over two hours where talks are short", () => {
    const talks = [session([10, 0], [10, 30]), session([10, 30], [11, 30]), session([11, 0], [11, 45])];
    const workshop = session([10, 0], [13, 0], "workshop");
    const twoHours = session([14, 0], [16, 0], "workshop");
    const allDay = session([9, 0], [21, 0], "other");
    const p = programme([...talks, workshop, twoHours, allDay]);
    expect(longSessionThreshold(p)).toBe(2 * 3_600_000);
    expect([...talks, workshop, twoHours, allDay].map((s) => isLongSession(p, s))).toEqual([
      false,
      false,
      false,
      true,
      false,
      true,
    ]);
  });

  it("are measured against the programme's own median where its talks are long", () => {
    const talks = [session([9, 0], [11, 0]), session([11, 0], [13, 0]), session([14, 0], [16, 0])];
    const threeHours = session([14, 0], [17, 0], "workshop");
    const fiveHours = session([12, 0], [17, 0], "workshop");
    const p = programme([...talks, threeHours, fiveHours]);
    expect(longSessionThreshold(p)).toBe(4 * 3_600_000);
    expect(isLongSession(p, threeHours)).toBe(false);
    expect(isLongSession(p, fiveHours)).toBe(true);
    // Breaks and meals do not set the usual length.
    const withBreaks = programme([
      ...talks,
      ...Array.from({ length: 9 }, () => session([11, 0], [11, 15], "break")),
    ]);
    expect(longSessionThreshold(withBreaks)).toBe(4 * 3_600_000);
  });
});
