import { describe, expect, it } from "vitest";
import { samePerson } from "./people.js";

describe("samePerson", () => {
  it("matches one person across scripts and spellings", () => {
    const ru = { ru: "Андрей Светлов" };
    expect(samePerson(ru, { en: "Andrew Svetlov" })).toBe(true);
    expect(samePerson(ru, { en: "Andrey Svetlov" })).toBe(true);
    expect(samePerson({ en: "Andrew Svetlov" }, { en: "Andrei Svetlov", ru: "Андрей Светлов" })).toBe(true);
    expect(samePerson({ en: "Mikhail Korobov" }, { ru: "Михаил Коробов" })).toBe(true);
  });

  it("keeps apart people who share only a surname or only a first name, and one-word names", () => {
    expect(samePerson({ ru: "Андрей Светлов" }, { ru: "Ольга Светлова" })).toBe(false);
    expect(samePerson({ en: "Andrew Svetlov" }, { en: "Andrew Godwin" })).toBe(false);
    expect(samePerson({ en: "Svetlov" }, { en: "Svetlov" })).toBe(false);
  });
});
