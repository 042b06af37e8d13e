import { describe, expect, it } from "vitest";
import type { Room } from "../programme/model.js";
import { roomNamedBy } from "./room-query.js";

const rooms = (...names: string[]): Room[] => names.map((n, i) => ({ id: `r${i}`, name: { en: n } }));
const ccc = rooms(
  "Saal 1",
  "Saal GLITCH",
  "Saal ZIGZAG",
  "Saal A - Makespace",
  "Saal A - Programmierplätze",
  "Chill Floor",
);
const fosdem = rooms("Janson", "K.1.105 (La Fontaine)", "K.3.201", "H.1301 (Cornil)", "UB2.252A (Lameere)");

describe("a query that names a room", () => {
  it("finds the room by its whole name in any case, spacing or punctuation", () => {
    expect(roomNamedBy(ccc, "saal 1")).toBe(0);
    expect(roomNamedBy(ccc, "SAAL1")).toBe(0);
    expect(roomNamedBy(ccc, "  Chill   floor ")).toBe(5);
    expect(roomNamedBy(fosdem, "janson")).toBe(0);
    expect(roomNamedBy(fosdem, "K.1.105 (La Fontaine)")).toBe(1);
    expect(roomNamedBy(fosdem, "ub2.252a lameere")).toBe(4);
  });

  it("finds it by its number, its name in parentheses, or without place words, when one room answers", () => {
    expect(roomNamedBy(fosdem, "K.1.105")).toBe(1);
    expect(roomNamedBy(fosdem, "k1105")).toBe(1);
    expect(roomNamedBy(fosdem, "la fontaine")).toBe(1);
    expect(roomNamedBy(fosdem, "Cornil")).toBe(3);
    expect(roomNamedBy(fosdem, "зал Janson")).toBe(0);
    expect(roomNamedBy(fosdem, "room k.3.201")).toBe(2);
    expect(roomNamedBy(ccc, "glitch")).toBe(1);
    expect(roomNamedBy(ccc, "Zigzag saal")).toBe(2);
  });

  it("names nothing for topics, parts of names, a bare number or a name two rooms share", () => {
    for (const q of ["", "  ", "rust", "saal", "1", "saal 2", "fontaine", "k.1", "saal a", "janson talk"])
      expect(roomNamedBy([...ccc, ...fosdem], q), q).toBeUndefined();
    expect(roomNamedBy(rooms("Hall A (Main)", "Hall B (Main)"), "main")).toBeUndefined();
    expect(roomNamedBy(rooms("Hall A (Main)", "Hall B (Main)"), "hall b")).toBe(1);
  });
});
