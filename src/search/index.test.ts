import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type EvalCase, passes, readEvalSet } from "../../bench/devset.js";
import { smallProgramme, talksProgramme } from "../../test/support/programme-fixture.js";
import type { Programme } from "../programme/model.js";
import { readProgrammeFile } from "../programme/read.js";
import { buildSearchIndex, MIN_SCORE, SCORED_QUERIES_KEPT } from "./index.js";
import { swapLayout } from "./layout.js";

function withBreak(): Programme {
  const p = smallProgramme();
  p.sessions.push({
    id: "coffee",
    kind: "break",
    title: { en: "Coffee break: asynchronous coffee", ru: "Кофе-брейк" },
    abstract: { en: "", ru: "" },
    start: "2030-03-01T11:00:00+05:00",
    end: "2030-03-01T11:20:00+05:00",
    speakers: [],
  });
  return p;
}

describe("buildSearchIndex on a small programme", () => {
  const index = buildSearchIndex(withBreak());

  it("answers a query scored before (kept or forgotten since) exactly as a fresh index does", () => {
    const queries = ["distributed caching", "Энн Ли", "Яндекс", "ghbdtn", "coffee"];
    const fresh = (q: string, limit?: number) => buildSearchIndex(withBreak()).search(q, { limit });
    const kept = buildSearchIndex(withBreak());
    for (const q of queries) kept.search(q, { limit: 1 });
    for (const q of queries) {
      expect(kept.search(q)).toEqual(fresh(q));
      expect(kept.search(q, { limit: 1 })).toEqual(fresh(q, 1));
      expect(kept.didYouMean?.(q)).toEqual(buildSearchIndex(withBreak()).didYouMean?.(q));
    }
    // More queries than are kept: the first ones are scored anew, with the same answers.
    for (let i = 0; i <= SCORED_QUERIES_KEPT; i++) kept.search(`caching ${i}`);
    for (const q of queries) expect(kept.search(q)).toEqual(fresh(q));
  });

  it("answers as an index not prepared does once prepareFirstUse made its keys and read the data ahead", () => {
    const prepared = buildSearchIndex(withBreak());
    prepared.prepareFirstUse?.();
    const queries = [
      "distributed caching",
      "DC",
      "Энн Ли",
      "Яндекс",
      "ghbdtn",
      "кеширование",
      "cahcing",
      "dc",
    ];
    for (const q of queries) {
      const fresh = buildSearchIndex(withBreak());
      expect(prepared.search(q)).toEqual(fresh.search(q));
      expect(prepared.search(q, { direct: true })).toEqual(fresh.search(q, { direct: true }));
      expect(prepared.didYouMean?.(q)).toEqual(fresh.didYouMean?.(q));
    }
    expect(prepared.search("distributed caching", { direct: true })[0]?.id).toBe("caching");
  });

  it("finds a session by its English and its Russian title, best first, with English titles", () => {
    const [first] = index.search("distributed caching");
    expect(first).toMatchObject({ kind: "talk", id: "caching", title: "Distributed caching" });
    expect(index.search("распределённое кэширование")[0]?.id).toBe("caching");
  });

  it("finds speakers by name in either script, and a company's people before their talks", () => {
    expect(index.search("Ann Lee")[0]).toMatchObject({ kind: "speaker", id: "ann-lee", name: "Ann Lee" });
    expect(index.search("Энн Ли")[0]?.id).toBe("ann-lee");
    const company = index.search("Яндекс");
    expect(company[0]).toMatchObject({ kind: "speaker", id: "ann-lee" });
    expect(company.map((r) => r.id)).toContain("async-io");
  });

  it("reports workshops as workshops; finds a break by its name, never above a talk that matches as well", () => {
    expect(index.search("мастер-класс тестирование")[0]).toMatchObject({
      kind: "workshop",
      id: "testing-workshop",
    });
    expect(index.search("coffee")[0]).toMatchObject({ kind: "break", id: "coffee" });
    expect(index.search("asynchronous")[0]?.id).toBe("async-io");
  });

  it("finds a room's sessions by its name, a letter of it only beside another word", () => {
    expect(index.search("hall b")[0]?.id).toBe("caching");
  });

  it("returns scores in (0, 1], best first, above the cut-off, at most limit results", () => {
    const results = index.search("testing", { limit: 2 });
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(2);
    for (const r of results) {
      expect(r.score).toBeGreaterThanOrEqual(MIN_SCORE);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect([...results].sort((a, b) => b.score - a.score)).toEqual(results);
  });

  it("answers nothing for empty, filler-only and unknown queries", () => {
    for (const q of [
      "",
      "   ",
      "доклад про",
      "talk about",
      "kubernetes",
      "блокчейн",
      "zzzz qqqq",
      "b",
      "<b>&",
    ])
      expect(index.search(q)).toEqual([]);
  });
});

describe("search on the shipped PyCon Russia 2013 programme", () => {
  const programme = readProgrammeFile("data/pycon-ru-2013.yaml");
  const index = buildSearchIndex(programme);
  const cases: EvalCase[] = readEvalSet(join(import.meta.dirname, "own-queries.tsv"));

  it("has queries of every kind to run", () => {
    const kinds = new Set(cases.map((c) => c.category));
    for (const k of [
      "en",
      "en-typo",
      "name-en",
      "name-ru",
      "ru-topic",
      "ru-brand",
      "layout",
      "company",
      "negative",
    ])
      expect(kinds).toContain(k);
  });

  it.each(cases.map((c) => [c.category, c.query, c] as const))("%s: %s", (_category, query, c) => {
    const results = index.search(query);
    expect(
      passes(c, results),
      `${query} → ${
        results
          .slice(0, 3)
          .map((r) => r.title ?? r.name)
          .join(" | ") || "nothing"
      }`,
    ).toBe(true);
  });

  it("finds breaks and meals by their names, in either language", () => {
    const kinds = (q: string) =>
      index.search(q).map((r) => programme.sessions.find((s) => s.id === r.id)?.kind);
    for (const q of ["lunch", "обед", "coffee break", "кофе-брейк"]) {
      const first = kinds(q)[0];
      expect(first === "break" || first === "meal" || first === "other", q).toBe(true);
    }
  });

  it("finds the round table and the lightning talks as such, in either language", () => {
    const kindOf = (q: string) => programme.sessions.find((s) => s.id === index.search(q)[0]?.id)?.kind;
    for (const [q, kind] of [
      ["round table", "panel"],
      ["круглый стол", "panel"],
      ["lightning talks", "lightning"],
    ] as const)
      expect(kindOf(q), q).toBe(kind);
  });

  it("finds a hall's sessions by its name, in either language", () => {
    const roomsOf = (q: string) =>
      new Set(index.search(q, { limit: 50 }).map((r) => programme.sessions.find((s) => s.id === r.id)?.room));
    for (const [q, room] of [
      ["large hall", "large-hall"],
      ["большой зал", "large-hall"],
      ["малый зал", "small-hall"],
      ["small hall", "small-hall"],
      ["зал в 3-м корпусе", "hall-in-3rd-building"],
    ] as const)
      expect([...roomsOf(q)], q).toEqual([room]);
    // Alone, a stop word still means nothing.
    expect(index.search("в")).toEqual([]);
    expect(index.search("a")).toEqual([]);
  });

  it("reads a company written as a domain in Cyrillic like the bare name", () => {
    const pairs: [string, string][] = [
      ["островок.ру", "островок"],
      ["яндекс.ру", "яндекс"],
      ["джетстайл.ру", "джетстайл"],
    ];
    for (const [domain, bare] of pairs) {
      const ids = (q: string) => index.search(q).map((r) => r.id);
      expect(ids(bare).length, bare).toBeGreaterThan(0);
      expect(ids(domain), domain).toEqual(ids(bare));
    }
  });

  it("reads a Russian topic typed on the Latin layout, wholly or one word of it, as typed right", () => {
    // "сетевые приложения" with the Latin layout on, as a user sends it.
    expect(index.search("ctntdst ghbkj;tybz")[0]?.id).toBe("network-apps-from-scratch-workshop");
    expect(index.search("ctntdst приложения")[0]?.id).toBe("network-apps-from-scratch-workshop");
    for (const q of [
      "низкие задержки",
      "статический анализ",
      "доклад про шардинг",
      "тестирование джанго",
      "flask patterns",
      "tornado web",
    ]) {
      const want = index.search(q)[0]?.id;
      expect(want).toBeDefined();
      const words = q.split(" ");
      const oneSwapped = words.map((_, i) => words.map((w, j) => (i === j ? swapLayout(w) : w)).join(" "));
      for (const typed of [swapLayout(q), ...oneSwapped])
        expect(index.search(typed)[0]?.id, typed).toBe(want);
      // Typed on the wrong layout throughout, it scores as typed right: the same results, the same scores.
      expect(index.search(swapLayout(q)), q).toEqual(index.search(q));
    }
  });

  it("ranks the speaker first for a full name and their session among the results", () => {
    const results = index.search("Armin Ronacher");
    expect(results[0]).toMatchObject({ kind: "speaker", id: "armin-ronacher" });
    expect(results.map((r) => r.id)).toContain("advanced-flask-patterns");
  });
});

/** A congress in German, English and French, with tracks, rooms and kinds. */
function congress(): Programme {
  const at = (h: number) => `2030-12-27T${String(h).padStart(2, "0")}:00:00+01:00`;
  const session = (
    id: string,
    kind: string,
    title: Record<string, string>,
    h: number,
    extra: Record<string, unknown> = {},
  ) => ({ id, kind, title, abstract: {}, start: at(h), end: at(h + 1), speakers: [], ...extra });
  return {
    conference: {
      name: { de: "Kongress" },
      timezone: "Europe/Berlin",
      languages: ["de", "en", "fr"],
      days: ["2030-12-27"],
      rooms: [
        { id: "saal-1", name: { de: "Saal 1" } },
        { id: "janson", name: { en: "Janson" } },
      ],
      tracks: [
        { id: "security", name: { en: "Security" } },
        { id: "rust", name: { en: "Rust" } },
      ],
    },
    sessions: [
      session("router", "talk", { de: "Sicherheitslücken in Routern" }, 10, {
        room: "saal-1",
        track: "security",
      }),
      session("reseaux", "talk", { fr: "Réseaux sans fil à l’université" }, 11, { room: "saal-1" }),
      session("webauthn", "talk", { fr: "WebAuthn : l’authentification renforcée" }, 12, { room: "janson" }),
      session("rust-kernel", "talk", { en: "Rust in the kernel" }, 13, { room: "janson" }),
      session("borrow", "talk", { en: "Borrow checking explained" }, 14, { room: "janson", track: "rust" }),
      session("async", "talk", { en: "Async without tears" }, 15, { room: "janson", track: "rust" }),
      session("soldering", "workshop", { de: "Löten für Anfänger" }, 16, { room: "saal-1" }),
      session("lunch", "meal", { en: "Lunch" }, 12),
    ],
    speakers: [],
  } as unknown as Programme;
}

describe("search over a programme in German, English and French", () => {
  const index = buildSearchIndex(congress());
  const first = (q: string) => index.search(q)[0]?.id;

  it("finds German and French texts in their own word forms, with or without diacritics", () => {
    expect(first("sicherheitslücke")).toBe("router");
    expect(first("reseau")).toBe("reseaux");
    expect(first("réseaux")).toBe("reseaux");
    expect(first("authentification")).toBe("webauthn");
  });

  it("serves a Russian or English query over German and French content through the glossary", () => {
    expect(first("безопасность")).toBe("router");
    expect(first("беспроводные сети")).toBe("reseaux");
    expect(first("аутентификация")).toBe("webauthn");
    expect(first("пайка")).toBe("soldering");
  });

  it("finds a track's sessions when the query names it as a track, a title's word otherwise", () => {
    expect(first("rust")).toBe("rust-kernel");
    const track = index.search("rust devroom").map((r) => r.id);
    expect(track.slice(0, 2).sort()).toEqual(["async", "borrow"]);
    expect(first("трек rust")).toMatch(/^(async|borrow)$/);
  });

  it("finds a room's sessions by the room's name, in programme order", () => {
    expect(index.search("janson").map((r) => r.id)).toEqual(["webauthn", "rust-kernel", "borrow", "async"]);
    expect(first("зал janson")).toBe("webauthn");
    expect(index.search("saal 1")[0]?.id).toBe("router");
  });

  it("finds sessions by their kind and meals by their name in any language", () => {
    expect(index.search("workshop")[0]).toMatchObject({ kind: "workshop", id: "soldering" });
    for (const q of ["lunch", "обед", "déjeuner", "mittagessen"]) expect(first(q), q).toBe("lunch");
  });

  it("finds nothing for nonsense and for words of no session", () => {
    for (const q of ["qwxzv", "гороскоп", "football", "die der das", "les des"])
      expect(index.search(q), q).toEqual([]);
  });
});

describe("«did you mean»", () => {
  const index = buildSearchIndex(
    talksProgramme([
      ["bdd", "Behavior Driven Development in Python"],
      ["c", "Tools for C/C++ development"],
    ]),
  );

  it("offers a title one word of the query names when the others match nothing", () => {
    expect(index.search("behavior zzqxv blorp")).toEqual([]);
    expect(index.didYouMean?.("behavior zzqxv blorp").map((r) => r.id)).toEqual(["bdd"]);
  });

  it("offers a session whose abstract alone says a specific word, among too many other words to find it", () => {
    const linting = buildSearchIndex(
      talksProgramme([
        ["linting", "Static analysis of Python", "From pyflakes to a linter of our own."],
        ["style", "Code style for teams"],
      ]),
    );
    expect(linting.search("pyflakes configuration").map((r) => r.id)).toEqual(["linting"]);
    expect(linting.search("pyflakes configuration examples")).toEqual([]);
    expect(linting.didYouMean?.("pyflakes configuration examples").map((r) => r.id)).toEqual(["linting"]);
  });

  it("offers nothing for nonsense, nor when there are results", () => {
    expect(index.didYouMean?.("qwxzv blorp")).toEqual([]);
    expect(index.didYouMean?.("behavior driven")).toEqual([]);
  });
});

describe("people and their companies", () => {
  const programme = talksProgramme([
    ["orm", "MongoEngine: NoORM for NoSQL", "A document mapper for MongoDB."],
    ["tornado", "Tornado: not only web sites", "At Ideco we build network gateways with a web interface."],
    ["bots", "How to write a chat bot", "Without a PhD."],
  ]);
  programme.speakers = [
    {
      id: "grisha",
      name: { en: "Grisha Kostjuk", ru: "Гриша Костюк" },
      affiliation: { en: "Positive Technologies" },
    },
    { id: "valentin", name: { en: "Valentin Sinisyn" }, affiliation: { en: "Ideco" } },
    { id: "vlad", name: { en: "Vladislav Blinov" }, affiliation: { en: "Toptal" } },
  ];
  const speakersOf: Record<string, string[]> = { orm: ["grisha"], tornado: ["valentin"], bots: ["vlad"] };
  for (const s of programme.sessions) s.speakers = speakersOf[s.id] ?? [];
  const index = buildSearchIndex(programme);
  const ids = (q: string) => index.search(q).map((r) => r.id);

  it("finds a company's people before their talks, typed as published or in Cyrillic", () => {
    expect(ids("Positive Technologies")).toEqual(["grisha", "orm"]);
    expect(ids("позитив текнолоджиз")[0]).toBe("grisha");
    expect(ids("toptal")).toEqual(["vlad", "bots"]);
  });

  it("finds a talk that names its speaker's company itself before the person", () => {
    expect(ids("Ideco")).toEqual(["tornado", "valentin"]);
  });

  it("finds a Russian name surname first, in another romanization, by another form of the given name", () => {
    expect(ids("Kostiuk Grigory")[0]).toBe("grisha");
    expect(ids("Blinow Wlad")[0]).toBe("vlad");
    expect(ids("Гриша")[0]).toBe("grisha");
  });

  it("finds no one by another form of a given name beside a surname nobody has", () => {
    expect(ids("Petrov Grigory")).not.toContain("grisha");
    expect(ids("Ivanov Vlad")).not.toContain("vlad");
  });
});
