import { describe, expect, it } from "vitest";
import { readMythes, SynonymsBuilder, type Translations } from "./thesaurus-build.js";

// Small thesauri as Debian's mythes packages write them: WordNet's English, Abramov's Russian, OpenThesaurus's
// German.
const ENGLISH = `UTF-8
car|2
(noun)|auto|automobile|machine|motorcar|motor vehicle (generic term)|automotive vehicle (generic term)
(noun)|railcar|railway car|wheeled vehicle (generic term)
horoscope|1
(noun)|prediction (generic term)|foretelling (generic term)
`;
const RUSSIAN = `\uFEFFUTF-8
слежка|2
(синоним)|наблюдение|надзор|присмотр
(сходный термин)|шпионство
абсолютный|2
(синоним)|безусловный
(антоним)|относительный
`;
const GERMAN = `UTF-8
auto|1
-|Automobile|Auto (Hauptform)|Karre (ugs.)|Personenkraftwagen|Fahrzeug (Oberbegriff)|Kraftfahrzeug (Oberbegriff)
`;

describe("reading a MyThes thesaurus", () => {
  it("reads each headword's sense groups, without broader, related or similar terms", () => {
    expect(readMythes(ENGLISH)).toEqual([
      {
        head: "car",
        senses: [
          ["auto", "automobile", "machine", "motorcar"],
          ["railcar", "railway car"],
        ],
      },
      { head: "horoscope", senses: [] },
    ]);
  });

  it("keeps only the Russian thesaurus's synonym groups: no similar terms, no antonyms", () => {
    expect(readMythes(RUSSIAN)).toEqual([
      { head: "слежка", senses: [["наблюдение", "надзор", "присмотр"]] },
      { head: "абсолютный", senses: [["безусловный"]] },
    ]);
  });

  it("drops German broader terms and colloquial ones, and the labels of the rest", () => {
    expect(readMythes(GERMAN)).toEqual([
      { head: "auto", senses: [["Automobile", "Auto", "Personenkraftwagen"]] },
    ]);
  });
});

/** A bilingual list from a table (word → its translations, most usual first). */
function list(table: Record<string, string[]>, lang: string): Translations {
  return [(key) => table[key] ?? [], lang];
}

describe("synonyms confirmed by a bilingual dictionary", () => {
  const enRu = list(
    {
      car: ["автомобиль", "вагон"],
      auto: ["автомобиль"],
      automobile: ["автомобиль", "машина"],
      machine: ["машина", "станок"],
      railcar: ["вагон"],
    },
    "ru",
  );

  it("keeps a synonym whose first translations meet the word's (by stem); one of the usual sense only marked", () => {
    const builder = new SynonymsBuilder("en", [enRu]);
    builder.add(readMythes(ENGLISH));
    // "machine" and "motorcar" no dictionary confirms: marked, and "railway car" (a second sense) left out; a
    // horoscope has no synonym at all.
    expect(builder.lines()).toEqual(["car\tauto|automobile|railcar|~machine|~motorcar"]);
  });

  it("ranks a synonym two dictionaries confirm before one that only one does", () => {
    const enDe = list({ car: ["Wagen"], railcar: ["Wagen"] }, "de");
    const builder = new SynonymsBuilder("en", [enRu, enDe]);
    builder.add(readMythes(ENGLISH));
    expect(builder.lines()).toEqual(["car\trailcar|auto|automobile|~machine|~motorcar"]);
  });

  it("keeps no unconfirmed synonym of a thesaurus that does not put a word's usual sense first", () => {
    const builder = new SynonymsBuilder("en", [enRu], false);
    builder.add(readMythes(ENGLISH));
    expect(builder.lines()).toEqual(["car\tauto|automobile|railcar"]);
  });

  it("confirms Russian synonyms through their English translations", () => {
    const ruEn = list(
      { слежка: ["surveillance", "shadowing"], наблюдение: ["observation", "surveillance"] },
      "en",
    );
    const builder = new SynonymsBuilder("ru", [ruEn]);
    builder.add(readMythes(RUSSIAN));
    expect(builder.lines()).toEqual(["абсолютный\t~безусловный", "слежка\tнаблюдение|~надзор|~присмотр"]);
  });
});
