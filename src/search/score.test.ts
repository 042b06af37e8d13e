import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildVocabulary } from "./build.js";
import { interpret } from "./query.js";
import {
  aboveCutoffs,
  belowCutoff,
  CARRIED_ALONE_SHARE,
  MIN_SCORE,
  overCutoff,
  SUGGEST_MIN,
  scoreWords,
  UNREAD_WORD_SHARE,
  WEAK_WORD_SHARE,
  weakMatches,
} from "./score.js";

const v = buildVocabulary(
  talksProgramme([
    ["title", "Kubernetes operators"],
    ["abstract", "Cloud platforms", "We deploy with kubernetes operators."],
    ["other", "Rust in the kernel"],
  ]),
);
function scores(query: string, over = v): Record<string, number> {
  const memo = new Map();
  const into = new Map<number, number>();
  scoreWords(over, interpret(over, query, memo), memo, into);
  return Object.fromEntries([...into].map(([d, s]) => [over.docs[d]?.id, s]));
}

/** The ids of what a query finds above the cut-offs, best first. */
function foundIn(over: typeof v): (query: string) => (string | undefined)[] {
  return (query) =>
    aboveCutoffs(
      new Map(
        Object.entries(scores(query, over)).map(([id, s]) => [over.docs.findIndex((d) => d.id === id), s]),
      ),
    ).map(([d]) => over.docs[d]?.id);
}

describe("scoring candidates", () => {
  it("scores in [0, 1], a title match above the same words in an abstract", () => {
    const s = scores("kubernetes operators");
    expect(s.title).toBeLessThanOrEqual(1);
    expect(s.title).toBeGreaterThan(s.abstract as number);
    expect(s.other).toBeUndefined();
  });

  it("counts a query word that matches nothing against every document", () => {
    expect(scores("kubernetes zzqx").title).toBeLessThan(scores("kubernetes").title as number);
  });
});

describe("a session holding only some of the query's words", () => {
  const programme = talksProgramme([
    ["bikes", "Bike sharing data for cities"],
    ["routers", "Routers at line rate"],
    ["dress", "Dress codes of open source communities"],
    ["mobility", "Mobility in cities", "Scooter rental schemes compared."],
    ["kubernetes", "Kubernetes operators"],
    ["kernel", "Rust in the kernel"],
    ["postgres", "Postgres replication"],
    ["compilers", "Compilers for beginners"],
  ]);
  const ann = { id: "ann", name: { en: "Ann Lovelace" } };
  const talks = buildVocabulary({
    ...programme,
    speakers: [ann],
    sessions: programme.sessions.map((s) => (s.id === "kernel" ? { ...s, speakers: ["ann"] } : s)),
  });
  const found = foundIn(talks);

  it("is found when its words are held strongly and the others are words no dictionary lists", () => {
    // "terabit" reaches nothing and no dictionary lists it: what it adds cannot be read, so it weighs less.
    expect(found("routers")[0]).toBe("routers");
    expect(found("terabit routers")[0]).toBe("routers");
    expect(scores("terabit routers", talks).routers).toBeCloseTo(
      (scores("routers", talks).routers as number) / (1 + UNREAD_WORD_SHARE),
    );
  });

  it("is found when the other words reach the programme only weakly, in passing", () => {
    // "rental" is said only in an abstract; "bikes" stands in a title.
    expect(found("rental bikes")[0]).toBe("bikes");
    expect(scores("rental bikes", talks).bikes as number).toBeGreaterThanOrEqual(
      (scores("bikes", talks).bikes as number) / (1 + WEAK_WORD_SHARE) - 1e-9,
    );
  });

  it("counts in full another word a dictionary knows and the programme lacks altogether", () => {
    // What "wedding" means is known, and no talk is about it: the dress codes talk is half the answer.
    expect(scores("wedding dress", talks).dress).toBeCloseTo((scores("dress", talks).dress as number) / 2);
  });

  it("keeps the order of sessions: only the confidence of the best changes", () => {
    const before = Object.entries(scores("rental bikes", talks)).sort((a, b) => b[1] - a[1]);
    expect(before[0]?.[0]).toBe("bikes");
    expect(before.map(([id]) => id)).toContain("mobility");
    const ratio = (id: string) =>
      (scores("rental bikes", talks)[id] as number) / (scores("terabit rental bikes", talks)[id] as number);
    expect(ratio("mobility")).toBeCloseTo(ratio("bikes"));
  });

  it("leaves people to their whole name: beside a first name, an unknown word counts in full", () => {
    expect(found("ann lovelace")[0]).toBe("ann");
    expect(scores("ann qzxvy", talks).ann).toBeCloseTo((scores("ann", talks).ann as number) / 2);
  });

  it("leaves nonsense and a lone unknown word finding nothing", () => {
    for (const q of ["qzxvy", "terabit", "qzxvy plorb", "wedding"]) expect(found(q)).toEqual([]);
  });
});

describe("a specific word: rare in the programme, said as typed, in no dictionary", () => {
  const talks = buildVocabulary(
    talksProgramme([
      ["linting", "Static analysis of Python", "From pyflakes to a linter of our own."],
      ["style", "Code style for teams", "Agreeing on rules."],
      ["typing", "Type annotations in large codebases", "How we adopted mypy across the company."],
      ["mypy", "Mypy internals"],
      ["cooking", "Cooking for hackers", "What we learnt in the kitchen."],
      ...(["a", "b", "c"] as const).map((k): [string, string, string] => [
        k,
        `Packaging ${k}`,
        "Plugins with pluggy.",
      ]),
    ]),
  );
  const found = foundIn(talks);

  it("carries a session whose abstract alone says it, beside one word the programme lacks or holds weakly", () => {
    // Alone, "pyflakes" finds the talk that mentions it; a second word said otherwise or not at all keeps it found.
    expect(found("pyflakes")).toEqual(["linting"]);
    expect(found("pyflakes configuration")).toEqual(["linting"]);
    expect(found("pyflakes rules")).toEqual(["linting"]);
  });

  it("is said with one slip in a long word too, not in a short one", () => {
    // "pyflaeks": a swapped pair in eight letters; "mpyy" a slip in four, which may be another word.
    expect(found("pyflaeks configuration")).toEqual(["linting"]);
    expect(found("mpyy configuration")).toEqual([]);
  });

  it("weighs a session not saying it as before", () => {
    // Both words are said once, in one abstract each: the style talk holds half the query, in prose.
    expect(scores("pyflakes rules", talks).style).toBeCloseTo((scores("rules", talks).style as number) / 2);
  });

  it("keeps a title saying it above an abstract saying it", () => {
    const s = scores("mypy configuration", talks);
    expect(found("mypy configuration")[0]).toBe("mypy");
    expect(s.typing).toBeLessThan(s.mypy as number);
  });

  it("does not carry a query of which it is one word in three", () => {
    expect(found("pyflakes configuration examples")).toEqual([]);
  });

  it("is no everyday word, nor a word said in more places than a few", () => {
    // "kitchen" is a dictionary's word: said in passing in an abstract, beside a word the programme lacks.
    expect(found("kitchen configuration")).toEqual([]);
    // "pluggy" is said in three abstracts: it points at none of them.
    expect(found("pluggy configuration")).toEqual([]);
  });
});

describe("a name written in Cyrillic across two words", () => {
  const names = buildVocabulary(
    talksProgramme([
      ["wa", "Workadventure selbst betreiben"],
      ["wifi", "Wifi7 on campus"],
    ]),
  );
  const found = foundIn(names);

  it("is found when neither word reaches anything well alone, heard joined as loosely as one word is", () => {
    // «ворк» begins "workadventure" only weakly, «эдвенчер» reaches nothing; joined they are heard in it.
    expect(found("ворк эдвенчер")).toEqual(["wa"]);
    expect(found("воркэдвенчер")).toEqual(["wa"]);
  });

  it("finds nothing for two words that are no name joined", () => {
    expect(found("ворк дедлайн")).toEqual([]);
  });
});

describe("the cut-offs", () => {
  it("keep nothing when the best is not confident", () => {
    expect(aboveCutoffs(new Map([[0, MIN_SCORE - 0.01]]))).toEqual([]);
  });

  it("drop what scores far below the best, and sort the rest best first, ties in programme order", () => {
    const ranked = aboveCutoffs(
      new Map([
        [3, 0.9],
        [1, 0.9],
        [2, 0.95],
        [0, 0.46],
      ]),
    );
    expect(ranked).toEqual([
      [2, 0.95],
      [1, 0.9],
      [3, 0.9],
    ]);
  });

  it("keep the best few asked for as they rank among all, ties at the last place in programme order", () => {
    const scores = new Map<number, number>();
    for (let d = 0; d < 500; d++) scores.set((d * 37) % 500, 0.5 + ((d * 13) % 40) / 100);
    const all = aboveCutoffs(scores);
    for (const keep of [1, 2, 6, 12, 499, 500, 600])
      expect(aboveCutoffs(scores, keep)).toEqual(all.slice(0, keep));
  });
});

describe("a common word of the programme carrying a query alone", () => {
  // "history" titles five talks about five things; "immersion" one talk; "cooling" and "yacht" none.
  const talks = buildVocabulary(
    talksProgramme([
      ["unix", "The history of Unix"],
      ["imaging", "A short history of imaging"],
      ["hackers", "History of the hackerspaces"],
      ["radio", "Radio history"],
      ["email", "History of email"],
      ["immersion", "Immersion of servers in oil"],
      ["routers", "Routers at line rate"],
    ]),
  );
  const found = foundIn(talks);

  it("finds nothing beside a dictionary's word the programme lacks: it names the topic", () => {
    expect(found("history")).toHaveLength(5);
    for (const q of ["yacht history", "history of yachts"]) expect(found(q)).toEqual([]);
  });

  it("offers those sessions as «did you mean», best first", () => {
    const all = scores("yacht history", talks);
    const weak = weakMatches(
      new Map(Object.entries(all).map(([id, s]) => [talks.docs.findIndex((d) => d.id === id), s])),
    ).map(([d]) => talks.docs[d]?.id);
    expect(weak.length).toBeGreaterThan(0);
    for (const id of weak) expect(["unix", "imaging", "hackers", "radio", "email"]).toContain(id);
  });

  it("still carries a query when it is said in a few places only, or when another word holds the session too", () => {
    expect(found("immersion cooling")[0]).toBe("immersion");
    expect(found("unix history")[0]).toBe("unix");
    expect(found("yacht unix history")[0]).toBe("unix");
  });

  it("finds nothing beside a dictionary's word reaching only through a translation's translation", () => {
    // «кредит» → credit → Kreide (chalk; "auf Kreide", on credit): a German talk on chalk says nothing of loans.
    const programme = talksProgramme([
      ["city", "Das Auto in der Stadt"],
      ["share", "Auto teilen statt besitzen"],
      ["repair", "Ein altes Auto reparieren"],
      ["race", "Das Auto als Rennwagen"],
      ["rent", "Auto mieten im Urlaub"],
      ["chalk", "Malen auf dem Gehweg", "Mit Kreide und Wasser."],
      ...Array.from({ length: 20 }, (_, i): [string, string] => [`t${i}`, `Werkstatt ${i}`]),
    ]);
    const german = buildVocabulary({
      ...programme,
      conference: { ...programme.conference, languages: ["de"] },
    });
    expect(scores("кредит", german).chalk).toBeGreaterThan(0);
    expect(foundIn(german)("автомобиль")[0]).toBeDefined();
    expect(foundIn(german)("кредит на автомобиль")).toEqual([]);
  });

  it("still carries a query beside a word no dictionary lists (a borrowing, jargon it cannot read)", () => {
    expect(found("qzxvy history")).toContain("unix");
    expect(scores("qzxvy history", talks).unix).toBeGreaterThan(
      scores("yacht history", talks).unix as number,
    );
  });
});

describe("a person only heard in one word of several", () => {
  const programme = talksProgramme([
    ["matrix", "Matrix bridges"],
    ["speed", "Speed of the network stack", "How fast packets go."],
  ]);
  const hubert = { id: "hubert", name: { en: "Hubert Chathi" } };
  const people = buildVocabulary({
    ...programme,
    speakers: [hubert],
    sessions: programme.sessions.map((s) => (s.id === "matrix" ? { ...s, speakers: ["hubert"] } : s)),
  });
  const found = foundIn(people);

  it("is no one: the other words say nothing of them, the likeness is a coincidence", () => {
    // «гепарда» (a cheetah's) sounds like Hubert; «скорость» (speed) finds the talk on speed, not him.
    expect(scores("гепарда", people).hubert).toBeGreaterThan(0);
    expect(found("скорость гепарда")).not.toContain("hubert");
    expect(scores("скорость гепарда", people).hubert ?? 0).toBe(0);
  });

  it("is still found by a whole name, or by the name alone", () => {
    expect(found("хуберт чати")[0]).toBe("hubert");
    expect(found("хуберт")[0]).toBe("hubert");
  });

  it("is found when the other word spells their given name, though Russian stems it as another's", () => {
    // «Кунни» only sounds like Cuni; «Антонио» spells Antonio, whom two Antons' stem must not hide.
    const named = buildVocabulary({
      ...programme,
      speakers: [
        { id: "cuni", name: { en: "Antonio Cuni" } },
        { id: "anton", name: { en: "Anton Patrushev", ru: "Антон Патрушев" } },
        { id: "bragin", name: { en: "Anton Bragin", ru: "Антон Брагин" } },
      ],
      sessions: programme.sessions.map((s, i) => ({ ...s, speakers: [["cuni", "anton"][i] as string] })),
    });
    expect(foundIn(named)("антонио кунни")[0]).toBe("cuni");
    expect(foundIn(named)("антонио")[0]).toBe("cuni");
    expect(foundIn(named)("антона")).toEqual(expect.arrayContaining(["anton", "bragin"]));
  });
});

describe("moving a score below the cut-off", () => {
  it("puts every score from the cut-off up just below it, in order", () => {
    const moved = [MIN_SCORE, 0.5, 0.7, 1].map(belowCutoff);
    for (const m of moved) {
      expect(m).toBeLessThan(MIN_SCORE);
      expect(m).toBeGreaterThanOrEqual(CARRIED_ALONE_SHARE * MIN_SCORE);
      expect(m).toBeGreaterThanOrEqual(SUGGEST_MIN);
    }
    expect([...moved].sort((a, b) => a - b)).toEqual(moved);
    expect(moved[3]).toBeGreaterThan(moved[0] as number);
  });
});

describe("weak matches offered as «did you mean»", () => {
  it("are the best below the confidence cut-off, none when something passes it or nothing comes close", () => {
    expect(weakMatches(new Map([[0, MIN_SCORE - 0.05]]))).toEqual([[0, MIN_SCORE - 0.05]]);
    expect(weakMatches(new Map([[0, MIN_SCORE]]))).toEqual([]);
    expect(weakMatches(new Map([[0, SUGGEST_MIN - 0.01]]))).toEqual([]);
  });

  it("are at most three", () => {
    const scores = new Map([0, 1, 2, 3, 4].map((d) => [d, 0.4] as [number, number]));
    expect(weakMatches(scores)).toHaveLength(3);
  });
});

describe("query words said together in an abstract", () => {
  const filler =
    "We also talk about many other things at length, with examples from real life, and answer questions.";
  const talks = buildVocabulary(
    talksProgramme([
      ["together", "Messaging in practice", "How we deploy each container by hand, and what broke."],
      ["apart", "Event loops", `Deploy is nice. ${filler} ${filler} Some devices in a container.`],
      ["titled", "Deploying containers", "A short story."],
      ...[
        "Rust in the kernel",
        "Postgres replication",
        "Compilers for beginners",
        "Routers at line rate",
      ].map((title, i): [string, string] => [`other-${i}`, title]),
      ...["Fonts", "Maps", "Robots", "Radio", "Games", "Drones", "Music", "Trains", "Boats"].map(
        (title, i): [string, string] => [`more-${i}`, `${title} for everyone`],
      ),
    ]),
  );
  const s = (query: string) => scores(query, talks);

  it("ranks a session whose abstract says the query's words in one breath well above one that scatters them", () => {
    const found = s("deploying containers");
    expect(found.together).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(found.together).toBeGreaterThan((found.apart as number) + 0.15);
  });

  it("keeps a title holding the words above an abstract saying them together", () => {
    const found = s("deploying containers");
    expect(found.titled).toBeGreaterThan(found.together as number);
  });

  it("gives words scattered over a long abstract no more than the best of them alone", () => {
    const alone = (word: string) => s(word).apart as number;
    expect(s("deploying containers").apart).toBeLessThanOrEqual(
      Math.max(alone("deploying"), alone("containers")) + 1e-9,
    );
  });

  it("shows a session three query words reach each in its abstract, under the cut-off by their mean", () => {
    const weak = buildVocabulary(
      talksProgramme([
        ["weekend", "Weekend projects", "Tomatoes, turtles and sensors in a backyard."],
        ["garden", "Gardening with Python", "Soil and water."],
        ["rust", "Rust in the kernel", "Drivers and safety."],
        ["air", "Air quality", "Particulate matter."],
      ]),
    );
    const found = foundIn(weak);
    // Three words said in one abstract, three the programme lacks: 0.43 by the mean, lifted over the cut-off.
    const three = scores("tomatoes turtles sensors volcanoes pianos violins", weak).weekend ?? 0;
    expect(three).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(found("tomatoes turtles sensors volcanoes pianos violins")).toEqual(["weekend"]);
    // Two words meeting there, at the same mean, are not enough.
    expect(scores("tomatoes turtles volcanoes pianos", weak).weekend ?? 1).toBeLessThan(MIN_SCORE);
    expect(found("tomatoes turtles volcanoes pianos")).toEqual([]);
  });

  it("lifts an agreed score over the cut-off in order, below what a session's own words score over it", () => {
    expect(overCutoff(0.36)).toBe(MIN_SCORE);
    expect(overCutoff(0.4)).toBeGreaterThan(overCutoff(0.38));
    expect(overCutoff(0.449)).toBeLessThan(MIN_SCORE + 0.01);
  });
});
