import { describe, expect, it } from "vitest";
import { looksLikeName, nameKey, parseSpeakerField, restAfterNames } from "./speakers.js";

describe("parseSpeakerField", () => {
  it("takes a talk page's bold names, their link, and the text after them", () => {
    expect(
      parseSpeakerField(
        "**[Armin Ronacher](http://lucumr.pocoo.org)**, one of the founding members of the [Pocoo Team](http://www.pocoo.org/).",
      ),
    ).toEqual({
      people: [{ name: "Armin Ronacher", url: "http://lucumr.pocoo.org" }],
      rest: "one of the founding members of the Pocoo Team",
    });
    expect(parseSpeakerField("**Ilya Shalyapin, Evgeny V. Generalov**, JetStyle\n")).toEqual({
      people: [{ name: "Ilya Shalyapin" }, { name: "Evgeny V. Generalov" }],
      rest: "JetStyle",
    });
    expect(
      parseSpeakerField("**Роман Иманкулов**, **Михаил Коробов**, **Антон Патрушев**\n").people,
    ).toHaveLength(3);
    expect(
      parseSpeakerField("**Юрий Селиванов, Андрей Светлов и Christian Heimes**\n").people.map((p) => p.name),
    ).toEqual(["Юрий Селиванов", "Андрей Светлов", "Christian Heimes"]);
    expect(
      parseSpeakerField("**[Dr. Russell Keith-Magee](http://cecinestpasun.com)**, president").people[0]?.name,
    ).toBe("Russell Keith-Magee");
  });

  it("reads a grid's plain text: leading names of one script, then the affiliation", () => {
    expect(parseSpeakerField("Илья Шаляпин, Евгений Генералов, JetStyle")).toEqual({
      people: [{ name: "Илья Шаляпин" }, { name: "Евгений Генералов" }],
      rest: "JetStyle",
    });
    expect(parseSpeakerField("Дмитрий Прокофьев разработчик, Яндекс")).toEqual({
      people: [{ name: "Дмитрий Прокофьев" }],
      rest: "разработчик, Яндекс",
    });
    expect(parseSpeakerField("Иван Цыганов, Positive Technologies").people).toHaveLength(1);
    expect(parseSpeakerField("Алексей Малашкевич, Александр Козловский, Pony ORM").people).toHaveLength(2);
    expect(parseSpeakerField("Модератор — Григорий Петров, VoxImplant")).toEqual({
      people: [{ name: "Григорий Петров" }],
      rest: "VoxImplant",
    });
    expect(parseSpeakerField("Gael Varoquaux, Paris, core developer of scikit-learn").people).toEqual([
      { name: "Gael Varoquaux" },
    ]);
    expect(parseSpeakerField("")).toEqual({ people: [], rest: "" });
  });

  it("finds the affiliation after names a page spells as the grid does, else reads the grid itself", () => {
    expect(restAfterNames("Jackie Kazil, Capital One", ["Jackie Kazil"])).toBe("Capital One");
    expect(restAfterNames("Andrey Vlasovskikh, JetBrains", ["Andrew Vlasovskih"])).toBe("JetBrains");
    expect(
      restAfterNames("Юрий Селиванов, Андрей Светлов и Christian Heimes", [
        "Юрий Селиванов",
        "Андрей Светлов",
        "Christian Heimes",
      ]),
    ).toBe("");
  });

  it("tells names from companies and keys them for matching", () => {
    expect(looksLikeName("Travis E. Oliphant")).toBe(true);
    expect(looksLikeName("Pony ORM")).toBe(false);
    expect(looksLikeName("Ostrovok.ru")).toBe(false);
    expect(looksLikeName("Старший программист")).toBe(false);
    expect(nameKey("Dr. Russell Keith-Magee")).toBe(nameKey("Russell Keith-Magee"));
    expect(nameKey("Артём Малышев")).toBe(nameKey("Артем Малышев"));
  });
});
