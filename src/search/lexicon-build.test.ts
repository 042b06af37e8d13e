import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  freedictTranslations,
  LexiconBuilder,
  lexiconKey,
  muellerGlosses,
  readDictd,
  reversed,
} from "./lexicon-build.js";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const b64 = (n: number): string => (n < 64 ? (B64[n] as string) : b64(Math.floor(n / 64)) + B64[n % 64]);

/** A dictd dictionary (index text, gzipped dict bytes) of articles by headword, as dictfmt writes them. */
function dictd(articles: [string, string][]): [string, Buffer] {
  let dict = "00-database-info\nA test dictionary.\n";
  const index = [`00databaseinfo\t${b64(0)}\t${b64(Buffer.byteLength(dict))}`];
  for (const [head, body] of articles) {
    const offset = Buffer.byteLength(dict);
    dict += body;
    index.push(`${head}\t${b64(offset)}\t${b64(Buffer.byteLength(body))}`);
  }
  return [index.join("\n"), gzipSync(Buffer.from(dict))];
}

const MUELLER_VOLCANO = `volcano
   [vɘl↗kɛɪnɜʊ] _n. (_pl. -oes [oʊz]) вулкан; active (dormant) volcano
действующий (бездействующий) вулкан
`;
const MUELLER_TICKET = `ticket
   [↗tɪkɪt]
   1. _n.
      1) билет; single (_ам. one-way) ticket билет в один конец
      2) ярлык; price ticket этикетка с ценой
      3) удостоверение; карточка; квитанция
   2. _v. маркировать
`;
const FREEDICT_WIRKUNGSGRAD = `Wirkungsgrad /vˈɪɾkʊŋsɡɾˌɑːt/ <masc, n, sg>
 [phys.]  [techn.] efficiency factor <n>, efficiency <n>
      "Wirkungsgrad der Strahlführung"  - efficiency of beam guiding system
 see: {thermischer Wirkungsgrad}
`;

describe("reading Debian's dictd dictionaries", () => {
  it("reads every article by its headword, the database's own entries left out", () => {
    const [index, dict] = dictd([
      ["volcano", MUELLER_VOLCANO],
      ["ticket", MUELLER_TICKET],
    ]);
    const entries = readDictd(index, dict);
    expect(entries.map((e) => e.head)).toEqual(["volcano", "ticket"]);
    expect(entries[1]?.body).toBe(MUELLER_TICKET);
  });

  it("takes Müller's glosses in order, without labels, transcriptions, parentheses or examples", () => {
    expect(muellerGlosses(MUELLER_VOLCANO)).toEqual(["вулкан"]);
    expect(muellerGlosses(MUELLER_TICKET)).toEqual([
      "билет",
      "ярлык",
      "удостоверение",
      "карточка",
      "квитанция",
      "маркировать",
    ]);
  });

  it("takes FreeDict's translations in order, without tags, examples or cross-references", () => {
    expect(freedictTranslations(FREEDICT_WIRKUNGSGRAD)).toEqual(["efficiency factor", "efficiency"]);
  });
});

describe("building a word list", () => {
  it("keys words as the index normalizes them, phrases of two words by their stems, and nothing else", () => {
    expect(lexiconKey("Сырьё", "ru")).toBe("сырье");
    expect(lexiconKey("Müller", "de")).toBe("muller");
    expect(lexiconKey("стиральная машина", "ru")).toBe(lexiconKey("стиральные машины", "ru"));
    expect(lexiconKey("vacuum cleaner", "en")).toBe("vacuum cleaner");
    expect(lexiconKey("a very long phrase", "en")).toBe("");
    expect(lexiconKey("a1", "en")).toBe("");
  });

  it("lists a word's translations most usual first, one of each stem, stop words and long phrases left out", () => {
    const b = new LexiconBuilder("de", "en");
    b.add("Solarzelle", [
      "solar cell",
      "solar cells",
      "the photovoltaic cell",
      "a cell made of a very thin wafer",
    ]);
    b.add("der", ["the"]);
    expect(b.lines()).toEqual(["solarzelle\tsolar cell|photovoltaic cell"]);
  });

  it("reverses a dictionary: a gloss's headwords by how early it glosses them, common words first", () => {
    const b = new LexiconBuilder("ru", "en");
    reversed(
      [
        { head: "volcano", glosses: ["вулкан"] },
        { head: "ticket", glosses: ["билет", "ярлык", "удостоверение", "карточка"] },
        { head: "label", glosses: ["ярлык", "этикетка"] },
        { head: "Vulcan", glosses: ["вулкан"] },
      ],
      b,
    );
    expect(b.lines()).toEqual([
      "билет\tticket",
      "вулкан\tvolcano",
      "удостоверение\tticket",
      "этикетка\tlabel",
      "ярлык\tlabel|ticket",
    ]);
  });

  it("leaves to the splitter the compounds that say what their parts say, and keeps those with a sense of their own", () => {
    const b = new LexiconBuilder("de", "en");
    b.add("Daten", ["data"]);
    b.add("Projektion", ["projection"]);
    b.add("Datenprojektion", ["data projection"]);
    b.add("Eisen", ["iron"]);
    b.add("Bahn", ["railway", "track"]);
    b.add("Eisenbahn", ["railway"]);
    expect(b.pruneCompounds()).toBe(1);
    expect(b.lines().map((l) => l.split("\t")[0])).toEqual([
      "bahn",
      "daten",
      "eisen",
      "eisenbahn",
      "projektion",
    ]);
  });
});
