import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { readProgrammeFile } from "../programme/read.js";
import { buildVocabulary } from "./build.js";
import {
  joinedDocs,
  knows,
  MATCHED_WORDS_KEPT,
  matchCeiling,
  matchMemo,
  matchPhrase,
  PHRASES_KEPT,
  phraseDocs,
  rememberedMatches,
  SIM,
} from "./candidates.js";
import { LEXICON_WEIGHT, translateQuery } from "./cross-language.js";
import { swapLayout } from "./layout.js";
import type { Vocabulary } from "./vocabulary.js";

const v = buildVocabulary(
  talksProgramme([
    ["pg", "PostgreSQL replication at scale"],
    ["tf", "TensorFlow on small devices"],
    ["home", "Smart home automation", "A home that is smart."],
    ["split", "Smart meters", "Automation of the home."],
  ]),
);
/** The vocabulary words a query word reaches, with how well. */
const reached = (word: string, fuzzy = false) =>
  Object.fromEntries([...matchMemo(v, word, false, new Map(), fuzzy)].map(([t, sim]) => [v.terms[t], sim]));

describe("finding the words a query word reaches", () => {
  it("reaches a word exactly, by stem, and by prefix, each worth less", () => {
    expect(reached("replication").replication).toBe(SIM.exact);
    expect(reached("replications").replication).toBe(SIM.stem);
    const prefix = reached("postgr").postgresql as number;
    expect(prefix).toBeGreaterThan(0);
    expect(prefix).toBeLessThan(SIM.prefix);
  });

  it("reaches a word with a slip in it by edit distance", () => {
    const typo = reached("replicaton").replication as number;
    expect(typo).toBeGreaterThan(0.8);
    expect(typo).toBeLessThan(SIM.exact);
  });

  it("reaches a name written in Cyrillic by how it sounds", () => {
    expect(reached("тензорфлоу").tensorflow).toBeGreaterThan(0.7);
  });

  it("does not hear a native Russian word as a Latin one, only a borrowing", () => {
    const heard = buildVocabulary(
      talksProgramme([
        ["platform", "A platform for crazy plats", "Formulas of the platform."],
        ["dress", "Dressing up", "Costumes."],
        ["fabric", "A data centre fabric", "Switches."],
      ]),
    );
    const reach = (word: string) =>
      [...matchMemo(heard, word, false, new Map(), false)].map(([t]) => heard.terms[t]);
    // «платье» is a dress and «кража» a theft, whatever they sound like; «формулы» are formulas.
    expect(reach("платье")).toEqual([]);
    expect(reach("кража")).toEqual([]);
    expect(reach("формулы")).toContain("formulas");
    // …and a native word spelled just as a Latin one is a borrowing after all («фабрика»: a factory, a fabric).
    expect(reach("фабрика")).toContain("fabric");
  });

  it("reaches nothing for a word nothing resembles", () => {
    expect(reached("qwxzv")).toEqual({});
  });

  it("knows a word held exactly or by stem", () => {
    expect(knows(v, "devices")).toBe(true);
    expect(knows(v, "device")).toBe(true);
    expect(knows(v, "kitchen")).toBe(false);
  });

  it("finds a phrase only where its words stand in one field", () => {
    const docs = [...matchPhrase(v, ["smart", "home"]).keys()].map((d) => v.docs[d]?.id);
    expect(docs).toEqual(["home"]);
  });

  it("remembers a phrase's documents from one search to the next, each weight in prose apart", () => {
    const w = buildVocabulary(
      talksProgramme([
        ["home", "Smart home automation", "A home that is smart."],
        ["split", "Smart meters", "Automation of the home."],
      ]),
    );
    const first = phraseDocs(w, ["home", "automation"], 1);
    expect(first).toEqual(matchPhrase(w, ["home", "automation"], 1));
    expect(phraseDocs(w, ["home", "automation"], 1)).toBe(first);
    expect(phraseDocs(w, ["home", "automation"], 0.5)).toEqual(matchPhrase(w, ["home", "automation"], 0.5));
    expect(phraseDocs(w, ["home", "automation"], 0.5)).not.toEqual(first);
    // Bounded: the oldest is worked out anew once PHRASES_KEPT others came after it.
    for (let i = 0; i < PHRASES_KEPT; i++) phraseDocs(w, ["home", `w${i}`], 1);
    expect(phraseDocs(w, ["home", "automation"], 1)).not.toBe(first);
    expect(phraseDocs(w, ["home", "automation"], 1)).toEqual(first);
  });

  it("weighs a phrase said only in prose less, and finds the same however often and in whatever order asked", () => {
    const ids = (m: Map<number, number>) => [...m].map(([d, w]) => [v.docs[d]?.id, w]);
    const first = ids(matchPhrase(v, ["home", "automation"]));
    // "Smart home automation" is a title; "Automation of the home." only an abstract.
    expect(first.map(([id]) => id)).toEqual(["home", "split"]);
    const halved = ids(matchPhrase(v, ["home", "automation"], 0.5));
    expect(halved[0]).toEqual(first[0]);
    expect(halved[1]?.[1]).toBeCloseTo((first[1]?.[1] as number) * 0.5);
    expect(ids(matchPhrase(v, ["smart", "home", "automation"])).map(([id]) => id)).toEqual(["home"]);
    expect(ids(matchPhrase(v, ["smart", "kitchen"]))).toEqual([]);
    expect(ids(matchPhrase(v, ["home", "automation"]))).toEqual(first);
  });
});

describe("a slip of one letter that trigrams miss", () => {
  const w = buildVocabulary(
    talksProgramme([
      ["flask", "Flask patterns"],
      ["async", "Асинхронный код изнутри"],
    ]),
  );
  const hit = (word: string) =>
    [...matchMemo(w, word, false, new Map())].map(([t, sim]) => [w.terms[t], Math.round(sim * 100) / 100]);

  it("counts a swapped pair of neighbouring letters as one edit, in Latin and in Cyrillic", () => {
    expect(hit("flsak").map(([t]) => t)).toContain("flask");
    expect(hit("асниxронный".replace("x", "х")).map(([t]) => t)).toContain("асинхронный");
  });

  it("reads a doubled letter as a slip, in a word form of another ending too", () => {
    expect(hit("ассинхронный").map(([t]) => t)).toContain("асинхронный");
    expect(hit("ассинхронного").map(([t]) => t)).toContain("асинхронный");
    // Wherever the slip is: before the stem's end, or within the letters a stem of it keeps.
    const form = "асинхронного";
    for (let i = 1; i < form.length - 3; i++) {
      const doubled = form.slice(0, i) + form[i] + form.slice(i);
      const swapped = form.slice(0, i) + form[i + 1] + form[i] + form.slice(i + 2);
      for (const slipped of [doubled, swapped])
        expect(
          hit(slipped).map(([t]) => t),
          slipped,
        ).toContain("асинхронный");
    }
  });

  it("finds a slip's word form by stem with ё written or not", () => {
    const v2 = buildVocabulary(talksProgramme([["css", "Вёрстка писем"]]));
    const forms = (word: string) => [...matchMemo(v2, word, false, new Map()).keys()].map((t) => v2.terms[t]);
    const held = forms("вёрстка");
    expect(held.length).toBeGreaterThan(0);
    // A doubled letter in another case form, with ё and with е.
    for (const slip of ["вёрсткке", "версткке", "вёрсстке"])
      expect(forms(slip)).toEqual(expect.arrayContaining(held));
  });

  it("does not stem a slip into a short other word", () => {
    const v3 = buildVocabulary(talksProgramme([["kit", "Kit for smoke detectors"]]));
    expect([...matchMemo(v3, "knitting", false, new Map()).keys()]).toEqual([]);
  });
});

describe("a word inside a longer word", () => {
  const w = buildVocabulary(
    talksProgramme([
      ["drone", "SearchWing – Rettungsdrohne im Mittelmeer"],
      ["sync", "Asynchronous programming"],
    ]),
  );
  const sims = (word: string) =>
    Object.fromEntries([...matchMemo(w, word, false, new Map())].map(([t, sim]) => [w.terms[t], sim]));

  it("finds a compound's last part, and a part in its middle", () => {
    expect(sims("drohne").rettungsdrohne).toBeGreaterThan(0.5);
    expect(sims("synchron").asynchronous).toBeGreaterThan(0.4);
  });

  it("looks for no part shorter than four letters", () => {
    expect(sims("ing")).toEqual({});
  });
});

describe("tech names as Russians write them", () => {
  const w = buildVocabulary(
    talksProgramme([
      ["java", "Java memory in containers"],
      ["go", "Profiling Go programs", "We write Go and test Go code."],
      ["mongo", "MongoEngine: NoORM for NoSQL"],
      ["salt", "SaltStack in production"],
      ["verb", "Let's go shopping", "We go on."],
    ]),
  );
  const top = (word: string) => {
    const found = [...matchMemo(w, word, false, new Map())].sort((a, b) => b[1] - a[1]);
    return found.map(([t]) => w.terms[t]);
  };

  it("spells a Cyrillic word the ways it is written in Latin letters", () => {
    expect(top("джава")).toContain("java");
    expect(top("монго")).toContain("mongoengine");
    expect(top("солт")).toContain("saltstack");
  });

  it("spells a short word with letters only borrowings have as an English word, a short native one not", () => {
    const w = buildVocabulary(
      talksProgramme([
        ["flow", "Building a flow for files"],
        ["most", "The most common bugs"],
      ]),
    );
    const reach = (word: string) => [...matchMemo(w, word, false, new Map()).keys()].map((t) => w.terms[t]);
    expect(reach("флоу")).toContain("flow");
    // «мост» is a bridge.
    expect(reach("мост")).not.toContain("most");
  });

  it("spells a short word as the software it names, never as an English or a Russian word", () => {
    const w = buildVocabulary(
      talksProgramme([
        ["git", "Undoing history in git", "Then git forgets."],
        ["most", "The most common bugs"],
        ["cat", "The cat command", "Use cat daily."],
      ]),
    );
    const reach = (word: string) => [...matchMemo(w, word, false, new Map()).keys()].map((t) => w.terms[t]);
    // git is a Debian package's name and no English word; «гит» no Russian one.
    expect(reach("гит")).toContain("git");
    // «кот» is a Russian word (a cat), "most" an English one.
    expect(reach("кэт")).not.toContain("cat");
    expect(reach("кот")).not.toContain("cat");
  });

  it("spells a Cyrillic word as the end or middle of a longer name, an x as the х it looks like", () => {
    const w = buildVocabulary(
      talksProgramme([
        ["plm", "PLMlatex in the cloud", "An online service."],
        ["tux", "TuxMake builds", "Kernel builds."],
      ]),
    );
    const reach = (word: string) => [...matchMemo(w, word, false, new Map()).keys()].map((t) => w.terms[t]);
    expect(reach("латех")).toContain("plmlatex");
    expect(reach("тухмейк")).toContain("tuxmake");
    expect(reach("латекс")).toContain("plmlatex");
    expect(reach("пальто")).toEqual([]);
  });

  it("knows a technology's other name, where the programme holds it as a name", () => {
    expect(top("golang")).toContain("go");
    expect(top("го")).toContain("go");
    expect(top("голанг")).toContain("go");
    const prose = buildVocabulary(talksProgramme([["verb", "Shopping", "We go there and go back."]]));
    expect([...matchMemo(prose, "golang", false, new Map()).keys()]).toEqual([]);
  });
});

describe("borrowed words by their stems", () => {
  const w = buildVocabulary(
    talksProgramme([
      ["incidents", "Réponse aux incidents"],
      ["blockchain", "Blockchain for voting"],
    ]),
  );
  const words = (word: string) => [...matchMemo(w, word, false, new Map()).keys()].map((t) => w.terms[t]);

  it("matches a Russian word to the programme's word it was borrowed from, whatever its ending", () => {
    expect(words("инциденты")).toContain("incidents");
    expect(words("блокчейны")).toContain("blockchain");
  });

  it("does not take a Russian word for an English one merely alike in sound", () => {
    expect(words("маникюр")).toEqual([]);
  });
});

describe("a Cyrillic name without the silent final e", () => {
  it("is spelled with it", () => {
    const w = buildVocabulary(talksProgramme([["a", "Why We Must Save Julian Assange"]]));
    const found = [...matchMemo(w, "ассанж", false, new Map()).keys()].map((t) => w.terms[t]);
    expect(found).toContain("assange");
  });
});

describe("a borrowed word's Russian ending", () => {
  it("is read as the Latin one: -ция as -tion, -сия as -sion", () => {
    const w = buildVocabulary(
      talksProgramme([
        ["anim", "Walt Disney Animation Studios"],
        ["ver", "Version control", "Version control for games."],
      ]),
    );
    const words = (word: string) => [...matchMemo(w, word, false, new Map()).keys()].map((t) => w.terms[t]);
    expect(words("анимация")).toContain("animation");
    expect(words("версии")).toContain("version");
  });
});

describe("a name in another romanization", () => {
  const w = buildVocabulary(
    talksProgramme([
      ["asyncio", "Asyncio today, as told by Yury Selivanov"],
      ["seo", "Поиск по сайту: рассказывает Юлия Зайцева"],
    ]),
  );
  const hit = (word: string) =>
    [...matchMemo(w, word, false, new Map())].filter(([, sim]) => sim > 0.8).map(([t]) => w.terms[t]);

  it("reaches a short first name however it was romanized, in either script", () => {
    expect(hit("iurii")).toContain("yury");
    expect(hit("jurij")).toContain("yury");
    expect(hit("юрий")).toContain("yury");
    expect(hit("yuliya")).toContain("юлия");
  });

  it("does not take another name for it", () => {
    expect(hit("yaroslav")).toEqual([]);
  });
});

describe("two query words the programme writes as one", () => {
  const w = buildVocabulary(
    talksProgramme([
      ["wifi", "Wifi7 on campus"],
      ["mac", "Managing a fleet of macOS laptops"],
      ["battery", "Batterierecycling im Braunkohlerevier"],
      ["li", "Why lithium batteries burn"],
      ["xrust", "Securing unsafe Rust with XRust"],
    ]),
  );
  const docs = (a: string, b: string) =>
    [...(joinedDocs(w, a, b, new Map())?.keys() ?? [])].map((d) => w.docs[d]?.id);

  it("finds the one word, exactly, with a slip past its first letters, or spelled in Cyrillic", () => {
    expect(docs("wi", "fi")).toEqual(["wifi"]);
    expect(docs("battery", "recycling")).toEqual(["battery"]);
    expect(docs("мак", "ос")).toEqual(["mac"]);
  });

  it("finds it when the first word names a letter («икс» x)", () => {
    expect(docs("икс", "раст")).toEqual(["xrust"]);
    expect(docs("кис", "раст")).toEqual([]);
  });

  it("finds it when the second word is an acronym said letter by letter («эм кью» MQ)", () => {
    const mq = buildVocabulary(talksProgramme([["mq", "A RabbitMQ cluster in production"]]));
    const found = (a: string, b: string) => [...(joinedDocs(mq, a, b, new Map())?.keys() ?? [])];
    expect(found("рэббит", "эмкью")).toEqual([0]);
    expect(found("рэббит", "эмэс")).toEqual([]);
  });

  it("finds nothing for words of two scripts, with digits, or that make no word together", () => {
    expect(docs("мак", "os")).toEqual([]);
    expect(docs("wifi", "7")).toEqual([]);
    expect(docs("lithium", "campus")).toEqual([]);
  });
});

describe("a three-letter beginning", () => {
  const w = buildVocabulary(talksProgramme([["lab", "Laboratoire d'analyse forensique"]]));
  const reach = (word: string, fuzzy: boolean) =>
    matchMemo(w, word, false, new Map(), fuzzy).get(w.termIds.get("laboratoire") as number) ?? 0;

  it("reaches a longer word only beside other words, worth less than a longer beginning", () => {
    expect(reach("lab", false)).toBe(0);
    expect(reach("lab", true)).toBeGreaterThan(0.3);
    expect(reach("lab", true)).toBeLessThan(reach("labo", false));
  });
});

describe("a two-letter name in Cyrillic", () => {
  const w = buildVocabulary({
    ...talksProgramme([["sgx", "A bare-metal runtime for SGX"]]),
    speakers: [{ id: "jo", name: { en: "Jo Van Bulck" } }],
  });
  const hit = (word: string, fuzzy: boolean) =>
    [...matchMemo(w, word, false, new Map(), fuzzy).keys()].map((t) => w.terms[t]);

  it("is spelled in Latin letters beside other words, not alone", () => {
    expect(hit("йо", true)).toContain("jo");
    expect(hit("йо", false)).toEqual([]);
  });
});

describe("a foreign name written in Cyrillic that Russian stems as another name", () => {
  const w = buildVocabulary({
    ...talksProgramme([
      ["pypy", "PyPy for numbers"],
      ["rust", "Python and Rust"],
    ]),
    speakers: [
      { id: "ac", name: { en: "Antonio Cuni" } },
      { id: "ap", name: { en: "Anton Patrushev", ru: "Антон Патрушев" } },
    ],
  });
  const sims = (word: string) =>
    Object.fromEntries([...matchMemo(w, word, false, new Map())].map(([t, sim]) => [w.terms[t], sim]));

  it("reaches the name it spells before the name its stem shares", () => {
    // Snowball's Russian stem of «антонио» is «антон».
    expect(sims("антонио").antonio).toBe(SIM.stem);
    expect(sims("антонио").антон).toBeLessThan(SIM.stem);
  });

  it("leaves a Russian name's own forms to their stem", () => {
    expect(sims("антона").антон).toBe(SIM.stem);
    expect(sims("антона").antonio).toBeUndefined();
  });
});

describe("a German name with its umlaut written the other way", () => {
  const w = buildVocabulary({
    ...talksProgramme([["grab", "How to grab an archive"]]),
    speakers: [
      { id: "graeber", name: { en: "David Graeber" } },
      { id: "mueller", name: { en: "Jana Müller" } },
    ],
  });
  const sims = (word: string) =>
    Object.fromEntries([...matchMemo(w, word, false, new Map())].map(([t, sim]) => [w.terms[t], sim]));

  it("is that name as written, not a slip nor another word's stem", () => {
    expect(sims("graber").graeber).toBe(SIM.exact);
    expect(sims("mueller").muller).toBe(SIM.exact);
    expect(matchCeiling(w, "graber")).toBe(SIM.exact);
  });

  it("is no other word's spelling", () => {
    expect(sims("grb").graeber).toBeUndefined();
    expect(sims("archieve").archive).not.toBe(SIM.exact);
  });
});

describe("a borrowed word written in Cyrillic, as heard", () => {
  const w = buildVocabulary({
    ...talksProgramme([
      ["gl", "Concurrency", "Lightweight greenlets and an event loop."],
      ["lab", "My homelabing journey"],
      ["dn", "Denial of service"],
    ]),
    speakers: [{ id: "dg", name: { en: "Daniel Gruss" } }],
  });
  const sims = (word: string) =>
    Object.fromEntries([...matchMemo(w, word, false, new Map())].map(([t, sim]) => [w.terms[t], sim]));

  it("counts as typed in Latin letters when spelled the usual way, its Russian ending left", () => {
    expect(sims("гринлеты").greenlets).toBe(SIM.exact);
    expect(sims("гринлетами").greenlets).toBe(SIM.exact);
  });

  it("is found among more words beginning alike than are weighed, by a longer beginning, in its own programme", () => {
    // Seventy words begin "gre" (as гри- may be heard), none "gree" but greenlets.
    const letters = "abcdfghijk";
    const crowd = Array.from(
      { length: 70 },
      (_, i) => `gre${letters[i % 10]}${letters[Math.floor(i / 10)]}ing`,
    );
    const many = buildVocabulary(talksProgramme([["gl", "Greenlets", crowd.join(" ")]]));
    const greenlets = many.termIds.get("greenlets") as number;
    expect(matchCeiling(many, "гринлеты")).toBe(SIM.exact);
    expect(matchMemo(many, "гринлеты", false, new Map()).get(greenlets)).toBe(SIM.exact);
    // The same word weighed against another programme right after: that programme's words, not these.
    const none = buildVocabulary(talksProgramme([["x", "Green energy", crowd.slice(0, 5).join(" ")]]));
    expect(matchCeiling(none, "гринлеты")).toBeLessThan(SIM.exact);
    expect([...matchMemo(none, "гринлеты", false, new Map()).values()].every((sim) => sim < SIM.exact)).toBe(
      true,
    );
  });

  it("reaches a longer word its stem begins, worth less than a word heard whole", () => {
    const homelab = sims("хоумлаб").homelabing as number;
    expect(homelab).toBeGreaterThan(0.7);
    expect(homelab).toBeLessThan(SIM.exact);
  });

  it("takes a word heard like a person's name for the name, never as typed", () => {
    const heard = sims("дэниел");
    expect(heard.daniel).toBeGreaterThan(0.7);
    expect(heard.denial ?? 0).toBeLessThan(SIM.exact);
    expect(heard.denial ?? 0).toBeLessThanOrEqual(heard.daniel as number);
  });

  it("reaches a longer word holding it as heard, worth an infix's share", () => {
    const x = buildVocabulary(talksProgramme([["pv", "Plundervolt", "Attacks on SGX."]]));
    const sim = (word: string) =>
      matchMemo(x, word, false, new Map()).get(x.termIds.get("plundervolt") as number) ?? 0;
    expect(sim("андервольтинг")).toBeGreaterThan(0.6);
    expect(sim("андервольтинг")).toBeLessThan(SIM.infix);
    expect(sim("вольтметр")).toBe(0);
  });

  it("hears a borrowed root under a Russian noun's suffix -к-", () => {
    const a = buildVocabulary(
      talksProgramme([
        ["adm", "Rewriting the admin"],
        ["fl", "Flash storage"],
      ]),
    );
    const sim = (word: string, term: string) =>
      matchMemo(a, word, false, new Map()).get(a.termIds.get(term) as number) ?? 0;
    expect(sim("админка", "admin")).toBeGreaterThan(0.8);
    expect(sim("админку", "admin")).toBeGreaterThan(0.8);
    expect(sim("флешка", "flash")).toBeGreaterThan(0.7);
    // …as the whole word: «валенки» (felt boots) is no Valentin.
    const p = buildVocabulary({
      ...talksProgramme([["nlp", "Dialogue systems"]]),
      speakers: [{ id: "vm", name: { en: "Valentin Malykh" } }],
    });
    expect([...matchMemo(p, "валенки", false, new Map())]).toEqual([]);
  });

  it("reaches nothing for Cyrillic nonsense", () => {
    expect(sims("флырбщ")).toEqual({});
    expect(sims("гырнлоп")).toEqual({});
  });
});

describe("a query word's matches remembered across searches", () => {
  it("finds the same matches remembered as worked out anew, and keeps at most MATCHED_WORDS_KEPT words", () => {
    const fresh = buildVocabulary(talksProgramme([["pg", "PostgreSQL replication at scale"]]));
    const kept = buildVocabulary(talksProgramme([["pg", "PostgreSQL replication at scale"]]));
    const words = ["replicaton", "postgr", "репликация", "qwxzv"];
    for (const w of words) matchMemo(kept, w, false, new Map(), true);
    for (const w of words)
      expect(matchMemo(kept, w, false, new Map(), true)).toEqual(matchMemo(fresh, w, false, new Map(), true));
    // Another search's memo: the very map remembered, not worked out again.
    expect(matchMemo(kept, "postgr", false, new Map(), true)).toBe(
      matchMemo(kept, "postgr", false, new Map(), true),
    );
    for (let i = 0; i < MATCHED_WORDS_KEPT + 10; i++) matchMemo(kept, `w${i}`, false, new Map());
    expect(rememberedMatches(kept).size).toBe(MATCHED_WORDS_KEPT);
  });

  it("remembers two words written as one by where the first ends", () => {
    const tv = buildVocabulary(talksProgramme([["wifi", "Wifi at home"]]));
    expect(joinedDocs(tv, "wi", "fi", new Map())?.size).toBe(1);
    expect(joinedDocs(tv, "wi", "fi", new Map())?.size).toBe(1);
    expect(rememberedMatches(tv).get("&wi fi")).toBeDefined();
  });
});

describe("a word's matches, whatever was asked before", () => {
  // The sound matching keeps a word's candidates, their costs and its last steps for the next question about it:
  // the answer must be what a fresh vocabulary gives.
  const file = "data/pycon-ru-2013.yaml";
  const words = [
    "гринлеты",
    "джанго",
    "питона",
    "фабрика",
    "платье",
    "ронахер",
    "светлов",
    "асинхронность",
    "ассинхронного",
    "тестирование",
    "дщыл",
    "pithon",
    "djnago",
  ];
  const matches = (v: Vocabulary, word: string, fuzzy: boolean) => [
    ...matchMemo(v, word, false, new Map(), fuzzy),
  ];

  it("is the same after matchCeiling, after the word read alone, and after other words", () => {
    const asked = buildVocabulary(readProgrammeFile(file));
    for (const word of words) {
      matchCeiling(asked, word);
      matchMemo(asked, word, false, new Map(), false);
      matchCeiling(asked, "эластиксерч");
    }
    for (const fuzzy of [false, true]) {
      const fresh = buildVocabulary(readProgrammeFile(file));
      for (const word of [...words].reverse())
        expect(matches(asked, word, fuzzy), `${word} ${fuzzy}`).toEqual(matches(fresh, word, fuzzy));
    }
  });
});

describe("the most a query word can reach", () => {
  // A bilingual programme: words of both scripts, typed, slipped and retyped on the other layout.
  const pycon = buildVocabulary(readProgrammeFile("data/pycon-ru-2013.yaml"));
  const words = new Set<string>(["qwxzv", "гороскоп", "ипотека", "вулканы", "пылесос", "флск", "дщыл"]);
  pycon.terms.forEach((term, i) => {
    if (i % 7 || term.length < 2) return;
    const cut = i % term.length;
    words.add(term);
    words.add(term.slice(0, cut) + term.slice(cut + 1));
    words.add(term.slice(0, cut) + (term[cut + 1] ?? "") + term[cut] + term.slice(cut + 2));
    words.add(swapLayout(term));
    words.add(`${term}ы`);
  });

  it("is no less than any match it reaches (query.ts relies on it)", () => {
    const over: string[] = [];
    for (const word of words) {
      const most = matchCeiling(pycon, word);
      let best = 0;
      for (const translated of [false, true])
        for (const fuzzy of [false, true])
          for (const sim of matchMemo(pycon, word, translated, new Map(), fuzzy).values())
            best = Math.max(best, sim);
      // A translation weighs 1 at most, a dictionary's LEXICON_WEIGHT (query.ts bounds them so).
      for (const t of translateQuery(pycon, [word]))
        if ((t.weight ?? 1) > (t.lexical ? LEXICON_WEIGHT : 1)) over.push(`${word}: translation ${t.weight}`);
      if (best > most) over.push(`${word}: ${best} > ${most}`);
    }
    expect(words.size).toBeGreaterThan(1000);
    expect(over).toEqual([]);
  });

  it("is an exact match's for a word held, less for one held by stem or not at all", () => {
    expect(matchCeiling(pycon, "django")).toBe(SIM.exact);
    expect(matchCeiling(pycon, "frameworks")).toBe(SIM.stem);
    expect(matchCeiling(pycon, "qwxzv")).toBeLessThan(SIM.stem);
    // A Cyrillic word may be heard as a Latin word typed so («джанго»)…
    expect(matchCeiling(pycon, "джанго")).toBe(SIM.exact);
    // …but not one typed on the wrong layout: its retyping is the programme's word.
    expect(matchCeiling(pycon, swapLayout("django"))).toBeLessThan(SIM.stem);
  });
});

describe("an acronym said letter by letter, in Cyrillic", () => {
  const a = buildVocabulary(
    talksProgramme([
      ["dj", "DJ set", "Music all night."],
      ["hr", "HR tools for NGOs"],
      ["sms", "Phone alerts", "Send an sms to every follower."],
    ]),
  );
  const sim = (word: string, term: string) =>
    matchMemo(a, word, false, new Map()).get(a.termIds.get(term) as number) ?? 0;

  it("reaches the acronym the programme writes in capitals, in any case form", () => {
    expect(sim("диджей", "dj")).toBe(SIM.phonetic);
    expect(sim("диджеем", "dj")).toBe(SIM.phonetic);
    expect(sim("эйчар", "hr")).toBe(SIM.phonetic);
  });

  it("reaches no word the programme writes in lower case", () => {
    // Said as a word there, not an acronym.
    expect(sim("эсэмэс", "sms")).toBe(0);
  });
});
