import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import {
  type Conference,
  conferenceDayOf,
  dayBounds,
  isContentKind,
  pickText,
  SESSION_KINDS,
} from "./model.js";

describe("pickText", () => {
  it("takes the reader's language, else the conference's first, else any non-empty text", () => {
    expect(pickText({ en: "Hall", ru: "Зал" }, "ru", ["en", "ru"])).toBe("Зал");
    expect(pickText({ en: "Hall", ru: "Зал" }, "en", ["en", "ru"])).toBe("Hall");
    expect(pickText({ en: "Hall" }, "ru", ["en"])).toBe("Hall");
    expect(pickText({ de: "Saal", en: "Hall" }, "ru", ["de", "en"])).toBe("Saal");
    expect(pickText({ en: "", de: "Saal" }, "en", ["en", "de"])).toBe("Saal");
    expect(pickText({ fr: "Salle" }, "ru", ["en"])).toBe("Salle");
    expect(pickText({ en: "  " }, "en", ["en"])).toBeUndefined();
    expect(pickText({}, "en", ["en"])).toBeUndefined();
    expect(pickText(undefined, "en", ["en"])).toBeUndefined();
  });
});

describe("conferenceDayOf", () => {
  const ccc: Conference = {
    ...smallProgramme().conference,
    timezone: "Europe/Berlin",
    dayChange: "06:00",
    days: ["2024-12-27", "2024-12-28"],
  };

  it("files a night session under the day before, until the day change", () => {
    expect(conferenceDayOf("2024-12-28T01:30:00+01:00", ccc)).toBe("2024-12-27");
    expect(conferenceDayOf("2024-12-28T05:59:00+01:00", ccc)).toBe("2024-12-27");
    expect(conferenceDayOf("2024-12-28T06:00:00+01:00", ccc)).toBe("2024-12-28");
    expect(conferenceDayOf(Date.parse("2024-12-28T00:30:00Z"), ccc)).toBe("2024-12-27");
  });

  it("uses midnight in the conference's timezone without a day change", () => {
    const c = { ...ccc, dayChange: undefined };
    expect(conferenceDayOf("2024-12-28T01:30:00+01:00", c)).toBe("2024-12-28");
    // 23:30 UTC is already the next day in Berlin.
    expect(conferenceDayOf("2024-12-27T23:30:00Z", c)).toBe("2024-12-28");
  });

  it("bounds a day from its day change to the next day's", () => {
    const { start, end } = dayBounds("2024-12-27", ccc);
    expect(new Date(start).toISOString()).toBe("2024-12-27T05:00:00.000Z");
    expect(new Date(end).toISOString()).toBe("2024-12-28T05:00:00.000Z");
  });
});

describe("isContentKind", () => {
  it("counts talks, ceremonies and the like as content, breaks and meals not", () => {
    expect(SESSION_KINDS.filter(isContentKind)).toEqual([
      "talk",
      "keynote",
      "workshop",
      "lightning",
      "panel",
      "meetup",
      "opening",
      "closing",
    ]);
  });
});
