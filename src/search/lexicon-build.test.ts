import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  freedictSenses,
  freedictTranslations,
  LexiconBuilder,
  lexiconKey,
  muellerGlosses,
  muellerSenses,
  type Pivot,
  pivotList,
  readDictd,
  reversed,
  type Sense,
  triangulated,
  wikdictBody,
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
const MUELLER_SOVEREIGN = `sovereign
   [↗sɘvrɪn]
   1. _n.
      1) монарх; повелитель
      2) соверен (золотая монета)
   2. _a.
      1) верховный, наивысший; sovereign power верховная власть
      2) суверенный, державный; независимый
   3. _v. _уст. царствовать
`;
const MUELLER_BURST = `burst
   [bɜ:st]
   1. _v.
      1) лопаться; взрываться; to burst open
         а) распахнуться;
         б) взломать
      2) разражаться
`;
const MUELLER_BIKE = `bike
   [baɪk] _сокр. _разг. от bicycle велосипед
`;
const MUELLER_STREAMLINER = `streamliner
   [↗stri:m↘laɪnɜ] _n. поезд, автобус и т.п., обтекаемой формы; "стрела"
`;
const FREEDICT_AAL = `Aal /aːl/ <n, masc>
1. угорь
schlangenförmiger Fisch
2. торпеда
Torpedo
`;
const FREEDICT_WIRKUNGSGRAD = `Wirkungsgrad /vˈɪɾkʊŋsɡɾˌɑːt/ <masc, n, sg>
 [phys.]  [techn.] efficiency factor <n>, efficiency <n>
      "Wirkungsgrad der Strahlführung"  - efficiency of beam guiding system
 see: {thermischer Wirkungsgrad}
`;
const WIKDICT_RESEAU = `réseau /ʁe.zo/ <n, masc>
сеть 2.
Ensemble d’objets ou de personnes connectés ou maintenus en liaison
 3.
Réseau informatique
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

  it("reads Müller's senses apart, a label marking every sense below it, idioms' lettered senses left out", () => {
    const glosses = (senses: Sense[]) => senses.map((s) => s.glosses.map((g) => g.text));
    expect(glosses(muellerSenses(MUELLER_SOVEREIGN))).toEqual([
      ["монарх", "повелитель"],
      ["соверен"],
      ["верховный", "наивысший"],
      ["суверенный", "державный", "независимый"],
      ["царствовать"],
    ]);
    expect(muellerSenses(MUELLER_SOVEREIGN).map((s) => s.rare)).toEqual([false, false, false, false, true]);
    expect(glosses(muellerSenses(MUELLER_BURST))).toEqual([["лопаться", "взрываться"], ["разражаться"]]);
    // An abbreviation's gloss follows its full form.
    expect(muellerGlosses(MUELLER_BIKE)).toEqual(["велосипед"]);
    // A description ("поезд, автобус и т.п., …") names one thing, and a word in quotes is used in a sense of its own.
    expect(muellerGlosses(MUELLER_STREAMLINER)).toEqual([]);
  });

  it("takes FreeDict's senses apart by their numbers", () => {
    expect(freedictSenses(FREEDICT_AAL).map((s) => s.glosses.map((g) => g.text))).toEqual([
      ["угорь", "schlangenförmiger Fisch"],
      ["торпеда", "Torpedo"],
    ]);
  });

  it("reads a WikDict article's sense numbers, written after a sense or alone on a line, as no part of a translation", () => {
    expect(freedictTranslations(WIKDICT_RESEAU)).toEqual([
      "Ensemble d’objets ou de personnes connectés ou maintenus en liaison",
      "Réseau informatique",
    ]);
    expect(freedictTranslations(wikdictBody(WIKDICT_RESEAU))).toEqual([
      "сеть",
      "Ensemble d’objets ou de personnes connectés ou maintenus en liaison",
      "Réseau informatique",
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

  it("lists an English phrase only with the German compounds that say it, when asked to", () => {
    const b = new LexiconBuilder("en", "de", "compounds");
    b.add("works council", ["Betriebsrat", "Rat der Arbeiter"]);
    b.add("fire brigade", ["Feuerwehr"]);
    b.add("red tape", ["Amtsschimmel"]);
    b.add("council", ["Rat", "Konzil"]);
    b.add("tape measure", ["Maßband"]);
    b.add("traffic jam", ["Stau im Verkehr"]);
    expect(b.lines()).toEqual([
      "council	rat|konzil",
      "fire brigad	feuerwehr",
      "red tape	amtsschimmel",
      "tape measur	massband",
      "work council	betriebsrat",
    ]);
    const none = new LexiconBuilder("en", "de", false);
    none.add("works council", ["Betriebsrat"]);
    expect(none.lines()).toEqual([]);
  });

  /** Senses of one gloss each, or of the glosses given. */
  const senses = (...glosses: (string | string[])[]): Sense[] =>
    glosses.map((g) => ({
      glosses: (Array.isArray(g) ? g : [g]).map((text, rank) => ({ text, rank })),
      rare: false,
    }));

  it("reverses a dictionary: a gloss's headwords by how early it glosses them, common words first", () => {
    const b = new LexiconBuilder("ru", "en");
    reversed(
      [
        { head: "volcano", senses: senses("вулкан") },
        { head: "ticket", senses: senses("билет", "ярлык", "удостоверение", "карточка") },
        { head: "label", senses: senses(["ярлык", "этикетка"]) },
        { head: "Vulcan", senses: senses("вулкан") },
      ],
      b,
    );
    expect(b.lines()).toEqual([
      "билет\tticket",
      "вулкан\tvolcano",
      "карточка\tticket",
      "удостоверение\tticket",
      "этикетка\tlabel",
      "ярлык\tlabel|ticket",
    ]);
  });

  it("reverses the first glosses of every sense, a later sense's only where no headword means the word first", () => {
    const b = new LexiconBuilder("ru", "en");
    reversed(
      [
        {
          head: "sovereign",
          senses: senses(["монарх", "повелитель"], "соверен", ["суверенный", "державный", "независимый"]),
        },
        { head: "reign", senses: [{ glosses: [{ text: "царствовать", rank: 0 }], rare: true }] },
        { head: "nativity", senses: senses("рождение", "рождество", "вертеп", "гороскоп") },
        { head: "horoscope", senses: senses("гороскоп") },
      ],
      b,
    );
    const lines = b.lines();
    expect(lines).toContain("суверенный\tsovereign");
    expect(lines).toContain("державный\tsovereign");
    expect(lines).toContain("гороскоп\thoroscope");
    const keys = lines.map((l) => l.split("\t")[0]);
    expect(keys).not.toContain("независимый");
    expect(keys).not.toContain("царствовать");
  });

  it("ranks a word's translations: its own first senses, then the more used words, a kind of a word after it", () => {
    const b = new LexiconBuilder("ru", "en");
    const used = new Map([
      ["remote", 13],
      ["devious", 1],
      ["distant", 35],
    ]);
    reversed(
      [
        { head: "devious", senses: senses(["отдалённый", "уединённый"]) },
        { head: "remote", senses: senses(["дальний", "далёкий", "отдалённый"]) },
        { head: "distant", senses: senses(["далёкий", "отдалённый"]) },
        { head: "boat train", senses: senses("поезд") },
        { head: "train", senses: senses("поезд") },
        { head: "vacuum", senses: senses("вакуум", "пустота", "разрежение", "пылесос") },
        { head: "vacuum cleaner", senses: senses("пылесос") },
      ],
      b,
      (w) => used.get(w) ?? 0,
    );
    const lines = b.lines();
    expect(lines).toContain("отдаленный\tdevious|distant|remote");
    expect(lines).toContain("поезд\ttrain|boat train");
    expect(lines).toContain("пылесос\tvacuum cleaner");
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

describe("Russian → English through other languages", () => {
  const WIKDICT_LAMPA = `lampa /ˈlãmpa/ <n>
1. радиолампа, электронная лампа
(zobacz) lampa elektronowa;
2. лампа, лампо́чка
`;
  const WIKDICT_LAMPA_EN = `lampa /ˈlãmpa/ <n>
lamp, valve, tube 2.
(elektryczność) źródło światła;
 3.
imię żeńskie;
`;

  it("reads a pivot list's translations in the wanted language only, names and definitions left out", () => {
    const russian = (t: string) => /[а-я]/i.test(t) && !/[a-z]/i.test(t);
    const toRu = pivotList([{ head: "Lampa", body: WIKDICT_LAMPA }], russian, true);
    expect(toRu.get("lampa")).toEqual(["радиолампа", "электронная лампа", "лампа", "лампочка"]);
    const english = new Set(["lamp", "valve", "tube"]);
    const toEn = pivotList(
      [
        { head: "lampa", body: WIKDICT_LAMPA_EN },
        { head: "afryka", body: "Afryka <pn>\nAfrica\n" },
      ],
      (t) => t.split(" ").every((w) => english.has(w.toLowerCase())),
      true,
    );
    expect([...toEn]).toEqual([["lampa", ["lamp", "valve", "tube"]]]);
  });

  const pivot = (lang: string, words: [string, string[], string[]][]): Pivot => ({
    lang,
    toRu: new Map(words.map(([w, ru]) => [w, ru])),
    to: new Map(words.map(([w, , en]) => [w, en])),
  });

  it("keeps an English word two sources lead to, most agreed first, and none only one gives", () => {
    const pivots = [
      pivot("pol", [["lampa", ["лампа", "лампочка"], ["lamp", "valve", "tube"]]]),
      pivot("nld", [["lamp", ["лампа", "лампочка"], ["lamp"]]]),
      pivot("deu", [["glühbirne", ["лампочка"], ["bulb", "light bulb"]]]),
      pivot("fra", [["ampoule", ["лампочка", "ампула"], ["bulb", "vial"]]]),
      pivot("swe", [["glödlampa", ["лампочка"], ["bulb"]]]),
      pivot("ell", [["λάμπα", ["лампочка"], ["lamp"]]]),
    ];
    const b = new LexiconBuilder("ru", "en");
    triangulated(pivots, new Map([["лампа", ["lamp", "valve"]]]), b);
    // Polish lampa alone is also a valve, and so is the direct list's лампа: two sources, fewer than lamp's three.
    expect(b.lines()).toEqual(["лампа\tlamp", "лампочка\tbulb|lamp"]);
  });

  it("keys only Russian words some pivot word gives first: a form listed after its word is no lemma", () => {
    const pivots = [
      pivot("deu", [["jahr", ["год", "лет"], ["year"]]]),
      pivot("ita", [["anno", ["год", "лет"], ["year"]]]),
    ];
    const b = new LexiconBuilder("ru", "en");
    triangulated(pivots, new Map(), b);
    expect(b.lines()).toEqual(["год\tyear"]);
  });

  it("ranks the direct list's usual sense first among equals, and leaves out senses less agreed than the usual", () => {
    const pivots = [
      pivot("deu", [["zug", ["поезд"], ["train", "draught", "move"]]]),
      pivot("pol", [["pociąg", ["поезд"], ["train"]]]),
      pivot("ita", [["treno", ["поезд"], ["train"]]]),
      pivot("nld", [["trein", ["поезд"], ["train", "draught"]]]),
      pivot("swe", [["tåg", ["поезд"], ["train", "move"]]]),
    ];
    const b = new LexiconBuilder("ru", "en");
    // Five sources give train; two give draught or move, under three quarters as many: Müller's rattler stays
    // Müller's.
    triangulated(pivots, new Map([["поезд", ["rattler", "boat train"]]]), b);
    expect(b.lines()).toEqual(["поезд\ttrain"]);
    // Two sources each: the direct list's word first, though another sorts before it.
    const tied = new LexiconBuilder("ru", "en");
    triangulated(
      [
        pivot("deu", [["zug", ["поезд"], ["train", "carriage"]]]),
        pivot("pol", [["wagon", ["поезд"], ["carriage"]]]),
      ],
      new Map([["поезд", ["train"]]]),
      tied,
    );
    expect(tied.lines()).toEqual(["поезд\ttrain|carriage"]);
  });
});
