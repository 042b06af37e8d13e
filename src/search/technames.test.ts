import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildVocabulary } from "./build.js";
import { buildSearchIndex } from "./index.js";
import { aboutTexts, isSoftwareName, TechNames, techNames } from "./technames.js";

const LIST = TechNames.fromText(
  [
    "gevent\tcoroutine|greenlet|event|loop",
    "rabbitmq\tamqp|broker|messaging",
    "screen\t*|terminal|multiplexer",
  ].join("\n"),
);

describe("the list of what software is", () => {
  it("gives a name's words, and whether it is also a word of English", () => {
    expect(LIST.lookup("rabbitmq")).toEqual({ words: ["amqp", "broker", "messaging"], common: false });
    expect(LIST.lookup("screen")).toEqual({ words: ["terminal", "multiplexer"], common: true });
    expect(LIST.lookup("kafka")).toBeUndefined();
  });
});

describe("what a programme's titles name", () => {
  const terms = ["gevent", "in", "screen", "production", "rabbitmq"];
  const id = (w: string) => terms.indexOf(w);

  it("gives a session whose title names listed software its words", () => {
    const about = aboutTexts(
      LIST,
      new Map([
        [0, [id("gevent"), id("production")]],
        [1, [id("production")]],
      ]),
      terms,
      () => false,
    );
    expect(about).toEqual(new Map([[0, "coroutine greenlet event loop"]]));
  });

  it("takes a word of English for software only where the programme writes it as a name", () => {
    const titled = new Map([[0, [id("screen")]]]);
    expect(aboutTexts(LIST, titled, terms, () => false).size).toBe(0);
    expect(aboutTexts(LIST, titled, terms, (t) => t === id("screen")).get(0)).toBe("terminal multiplexer");
  });

  it("leaves out a name in many of the programme's titles: it is the conference's subject", () => {
    const titled = new Map(Array.from({ length: 20 }, (_, d) => [d, d < 4 ? [id("rabbitmq")] : [id("in")]]));
    expect(aboutTexts(LIST, titled, terms, () => false).size).toBe(0);
    titled.set(3, [id("in")]);
    expect([...aboutTexts(LIST, titled, terms, () => false).keys()]).toEqual([0, 1, 2]);
  });
});

describe("searching by what a technology is (Debian's descriptions, data/lexicon/tech.tsv)", () => {
  const programme = talksProgramme([
    ["rabbit", "RabbitMQ in production", "Lessons from three years."],
    ["gevent", "Gevent at scale", "How we serve ten thousand clients."],
    ["emacs", "Living in Emacs", "Mail, calendar and code."],
    ["broker", "Choosing a message broker", "Queues compared."],
    ["lunch", "Lunch"],
  ]);
  const index = buildSearchIndex(programme);
  const first = (q: string) => index.search(q)[0]?.id;

  it("ships the list", () => {
    expect(techNames()?.lookup("rabbitmq")?.words).toContain("amqp");
  });

  it("tells software names that are no English words", () => {
    expect(isSoftwareName("git")).toBe(true);
    expect(isSoftwareName("nginx")).toBe(true);
    // Listed, but also words of English; and no software at all.
    expect(isSoftwareName("make")).toBe(false);
    expect(isSoftwareName("zoom")).toBe(false);
    expect(isSoftwareName("wedding")).toBe(false);
  });

  it("finds the talk named after a technology by what it is or does, in English and in Russian", () => {
    expect(first("AMQP")).toBe("rabbit");
    expect(first("coroutines")).toBe("gevent");
    expect(first("extensible editor")).toBe("emacs");
    // Through the Russian–English list: редактор → editor, брокер → broker.
    expect(first("редактор")).toBe("emacs");
  });

  it("keeps a talk that says the words itself above one named after software that does it", () => {
    expect(index.search("message broker").map((r) => r.id)[0]).toBe("broker");
  });

  it("weighs the description's words below the title's and the abstract's", () => {
    const v = buildVocabulary(programme, LIST);
    const amqp = v.termIds.get("amqp") as number;
    expect([...v.postingDocs(amqp)].map((d) => v.docs[d]?.id)).toEqual(["rabbit"]);
    expect(v.postingWeights(amqp)[0]).toBeLessThan(1);
    expect(v.postingWeights(amqp)[0]).toBeGreaterThan(0.55);
  });

  it("takes a word of English for software only where the programme never writes it in lower case", () => {
    const about = (p: ReturnType<typeof talksProgramme>) => {
      const v = buildVocabulary(p);
      const queue = v.termIds.get("queue");
      return queue === undefined ? [] : [...v.postingDocs(queue)].map((d) => v.docs[d]?.id);
    };
    // "Celery" said as a name in the abstract: the task queue.
    expect(
      about(talksProgramme([["celery", "Celery at scale", "We moved our jobs to Celery last year."]])),
    ).toEqual(["celery"]);
    // Capitalized in titles, but a vegetable in an abstract: not the software, however often the titles say it.
    const soups = talksProgramme([
      ["soup", "Cooking with Celery", "A soup of celery and leek."],
      ["pie", "Baking with Celery", ""],
    ]);
    expect(about(soups)).toEqual([]);
  });

  it("still finds nothing for nonsense and everyday topics", () => {
    for (const q of ["qwxzv", "гороскоп", "wedding dress", "ice cream", "library", "server"])
      expect(index.search(q), q).toEqual([]);
  });
});
