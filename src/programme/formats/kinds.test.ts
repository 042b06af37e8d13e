import { describe, expect, it } from "vitest";
import { kindOf } from "./kinds.js";

describe("kindOf", () => {
  it.each([
    ["keynote", "Welcome", true, "keynote"],
    ["lightningtalk", "Tiny", true, "lightning"],
    ["Lightning Talk", "Tiny", true, "lightning"],
    ["Workshop", "Soldering", true, "workshop"],
    ["Podiumsdiskussion", "Zukunft", true, "panel"],
    ["bof", "Rust users", false, "meetup"],
    ["Vortrag", "Über Dinge", true, "talk"],
    ["devroom", "A talk", true, "talk"],
    ["maintrack", "A talk", true, "talk"],
    ["Ceremony", "38C3: Opening Ceremony", true, "opening"],
    ["Ceremony", "Closing Ceremony", true, "closing"],
    [undefined, "Lunch", false, "meal"],
    [undefined, "Coffee break", false, "break"],
    [undefined, "Main Conference: room changeover", false, "break"],
    ["", "Opening", false, "opening"],
    [undefined, "182 - Numérique : enjeux", false, "talk"],
    [undefined, "Registration", false, "other"],
    [undefined, "Открытие конференции", false, "opening"],
    ["", "Закрытие", false, "closing"],
    [undefined, "Обед", false, "meal"],
    [undefined, "Кофе-брейк", false, "break"],
    [undefined, "Перерыв", false, "break"],
    [undefined, "Регистрация участников", false, "other"],
  ] as const)("%s / %s → %s", (type, title, speakers, kind) => {
    expect(kindOf(type, title, speakers)).toBe(kind);
  });
});
