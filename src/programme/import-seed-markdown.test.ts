import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type ImportedProgramme, importSeedMarkdown, slugify } from "./import-seed-markdown.js";
import { isContentKind } from "./model.js";
import { readProgrammeFile } from "./read.js";

const SEED = "data/pycon-ru-2013.seed.md";
const CURATED = "data/pycon-ru-2013.yaml";

describe("importSeedMarkdown on the PyCon Russia 2013 page", () => {
  const imported = importSeedMarkdown(readFileSync(SEED, "utf8"));
  // The served 2013 programme is converted from the organizers' site, with its own titles and real times;
  // its speakers carry the ids this importer makes from the page.
  const curated = readProgrammeFile(CURATED);
  const content = curated.sessions.filter((s) => isContentKind(s.kind) && s.speakers.length > 0);

  it("reads every session and speaker without warnings", () => {
    expect(imported.warnings).toEqual([]);
    expect(imported.sessions).toHaveLength(content.length);
    expect(imported.sessions).toHaveLength(25);
    expect(imported.sessions.filter((s) => s.kind === "workshop")).toHaveLength(3);
    expect(imported.speakers).toHaveLength(curated.speakers.length);
    expect(imported.speakers).toHaveLength(23);
  });

  it("finds the served programme's sessions, kinds and speakers (the two meet by speaker id)", () => {
    // The page's "Evgeny V. Generalov" is "evgeny-v-generalov" here, "evgeny-generalov" there (no initials).
    const bare = (id: string) => id.replace(/-[a-z]-/g, "-");
    const key = (kind: string, speakers: string[]) => `${kind}:${speakers.map(bare).sort().join("+")}`;
    const mine = imported.sessions.map((s) => key(s.kind, s.speakers)).sort();
    const theirs = content.map((s) => key(s.kind, s.speakers)).sort();
    expect(mine).toEqual(theirs);
    for (const sp of imported.speakers) {
      const c = curated.speakers.find((x) => x.id === bare(sp.id));
      expect(c, sp.name.en).toBeDefined();
      if (c?.url && sp.url) expect(sp.url).toBe(c.url);
    }
  });

  it("merges Lopukhin/Lopuhin into one speaker with a talk and a workshop", () => {
    const lopukhin = imported.speakers.filter((s) => /lopu/i.test(s.name.en));
    expect(lopukhin).toHaveLength(1);
    const id = lopukhin[0]?.id ?? "";
    expect(lopukhin[0]?.name.en).toBe("Konstantin Lopukhin");
    expect(imported.sessions.filter((s) => s.speakers.includes(id)).map((s) => s.kind)).toEqual([
      "talk",
      "workshop",
    ]);
  });

  it("keeps the page's details: durations, audience, links, lists, and clean text", () => {
    const byTitle = (t: string) => imported.sessions.find((s) => s.title.en.startsWith(t));
    expect(byTitle("Django 1.6")?.durationMinutes).toBe(60);
    expect(byTitle("Django 1.6")?.audience?.en).toMatch(/^Existing Django users/);
    expect(byTitle("Re-inventing")?.durationMinutes).toBe(50);
    expect(byTitle("PEP 3156")?.durationMinutes).toBe(40);
    expect(byTitle("PEP 3156")?.title.en).not.toMatch(/\.$/);
    expect(byTitle("Redis")?.abstract.en.split("\n")).toHaveLength(5);
    expect(
      byTitle("Redis")
        ?.abstract.en.split("\n")
        .every((l) => l.startsWith("- ")),
    ).toBe(true);
    expect(byTitle("Workshop: We will write")?.abstract.en).toContain("\n- and how JIT");
    const ronacher = imported.speakers.find((s) => s.id === "armin-ronacher");
    expect(ronacher?.url).toBe("http://lucumr.pocoo.org");
    // Sentences about a speaker are their bio, not an affiliation (which must stay short).
    expect(ronacher?.bio?.en).toContain("of the Pocoo Team");
    expect(ronacher?.affiliation).toBeUndefined();
    const byId = (id: string) => imported.speakers.find((s) => s.id === id);
    expect(byId("andrew-svetlov")?.affiliation?.en).toBe("Python Core Developer, Co-organizer UA PyCon.");
    for (const s of imported.speakers) expect((s.affiliation?.en ?? "").length).toBeLessThanOrEqual(60);
    const texts = [
      ...imported.sessions.flatMap((s) => [s.title.en, s.abstract.en, s.audience?.en ?? ""]),
      ...imported.speakers.flatMap((s) => [s.name.en, s.affiliation?.en ?? "", s.bio?.en ?? ""]),
    ];
    for (const t of texts) {
      expect(t).not.toMatch(/\*\*|<\/?div|<br|\]\(| \n|[ \t]$| {2}/);
    }
    for (const s of [...imported.sessions, ...imported.speakers])
      expect(s.id).toMatch(/^[a-z0-9][a-z0-9-]{0,47}$/);
  });
});

describe("importSeedMarkdown on other pages", () => {
  const page = (body: string) => `##Talks##\n\n${body}`;

  it("gives both speakers of a shared block the session, and defaults a missing Time to 40", () => {
    const p = importSeedMarkdown(
      page(`![duo](http://example.org/duo.png)

<div markdown="1">
**[Jane Roe](https://jane.example), John Doe** , Acme Corp  
**Pairing in practice**

We pair every day.
</div>
`),
    );
    expect(p.speakers).toEqual([
      {
        id: "jane-roe",
        name: { en: "Jane Roe" },
        affiliation: { en: "Acme Corp" },
        url: "https://jane.example",
      },
      { id: "john-doe", name: { en: "John Doe" }, affiliation: { en: "Acme Corp" } },
    ]);
    expect(p.sessions).toEqual([
      {
        id: "pairing-in-practice",
        kind: "talk",
        title: { en: "Pairing in practice" },
        abstract: { en: "We pair every day." },
        durationMinutes: 40,
        speakers: ["jane-roe", "john-doe"],
      },
    ]);
  });

  it("reads a different conference: sections, several sessions per block, respelled names, Cyrillic ids", () => {
    const p: ImportedProgramme = importSeedMarkdown(`## Keynotes ##

![ada](http://img.example/ada)

<div markdown="1">
**[Prof. Ada Lovelace](http://ada.example)**, Analytical Engines Ltd.<br>
**Notes on the Engine**

First paragraph
continues here.

Second paragraph.  
**Time:** 1 hour 30 min

**Poetical science**
Audience: everyone
**Time:** 50 min
</div>

##Workshops##

![ada](http://img.example/ada)

<div markdown="1">
**Ada Lovelace**, Analytical Engines
**Programming the Engine**
* punch cards
* loops
**Time:** 2 hours
</div>

##Доклады##

<div markdown="1">
**Иван Петров**, Яндекс
**Асинхронность на практике**

Текст.
</div>
`);
    expect(p.warnings).toEqual([]);
    expect(p.speakers.map((s) => s.id)).toEqual(["ada-lovelace", "ivan-petrov"]);
    expect(p.speakers[0]?.affiliation?.en).toBe("Analytical Engines Ltd.");
    expect(p.sessions.map((s) => [s.id, s.kind, s.durationMinutes, s.speakers])).toEqual([
      ["notes-on-the-engine", "keynote", 90, ["ada-lovelace"]],
      ["poetical-science", "keynote", 50, ["ada-lovelace"]],
      ["programming-the-engine", "workshop", 120, ["ada-lovelace"]],
      ["asinkhronnost-na-praktike", "talk", 40, ["ivan-petrov"]],
    ]);
    expect(p.sessions[0]?.abstract.en).toBe("First paragraph continues here.\n\nSecond paragraph.");
    expect(p.sessions[1]?.audience?.en).toBe("everyone");
    expect(p.sessions[1]?.abstract.en).toBe("");
    expect(p.sessions[2]?.abstract.en).toBe("- punch cards\n- loops");
  });

  it("merges near-identical spellings but keeps different people apart", () => {
    const block = (name: string, title: string, image: string) =>
      `![x](${image})\n\n<div markdown="1">\n**${name}**, X\n**${title}**\n\nText.\n</div>\n`;
    const p = importSeedMarkdown(
      page(
        [
          block("Konstantin Lopukhin", "One", "http://i/a"),
          block("konstantin lopuhin", "Two", "http://i/b"),
          block("Ann Li", "Three", "http://i/c"),
          block("Ann Lu", "Four", "http://i/d"),
          block("Grisha Kostjuk", "Five", "http://i/e"),
          block("Grigory Kostjuk", "Six", "http://i/e"),
          block("Bob Smith", "Seven", "http://i/placeholder"),
          block("Carol Jones", "Eight", "http://i/placeholder"),
        ].join("\n"),
      ),
    );
    expect(p.speakers.map((s) => s.name.en)).toEqual([
      "Konstantin Lopukhin",
      "Ann Li",
      "Ann Lu",
      "Grisha Kostjuk",
      "Bob Smith",
      "Carol Jones",
    ]);
    expect(p.sessions.filter((s) => s.speakers.includes("konstantin-lopukhin"))).toHaveLength(2);
    expect(p.sessions.filter((s) => s.speakers.includes("grisha-kostjuk"))).toHaveLength(2);
  });

  it("warns about what it cannot read instead of failing", () => {
    const p = importSeedMarkdown('Some intro text\n\n<div markdown="1">\nno bold name here\n</div>\n');
    expect(p.sessions).toEqual([]);
    expect(p.warnings.length).toBeGreaterThan(0);
  });

  it("slugifies titles into ids of at most 48 characters", () => {
    expect(slugify("Redis, the hacker's database")).toBe("redis-the-hacker-s-database");
    expect(slugify("Низкие задержки")).toBe("nizkie-zaderzhki");
    const long = slugify("A very long title that goes on and on about many different things at once");
    expect(long.length).toBeLessThanOrEqual(48);
    expect(long).not.toMatch(/-$/);
    // Cut where the phrase ends, or at least never after "and", "of"…
    expect(slugify("Building a development community: Lessons and challenges")).toBe(
      "building-a-development-community",
    );
    expect(slugify("Lessons learned from building and running and scaling of big Python apps")).toBe(
      "lessons-learned-from-building-and-running",
    );
  });
});

describe("import seed-markdown through the CLI", () => {
  const cli = (...args: string[]) =>
    spawnSync("npx", ["tsx", "src/cli/main.ts", "import", ...args], { encoding: "utf8", timeout: 60_000 });

  it("prints the page as YAML with a header saying what is missing", () => {
    const r = cli("seed-markdown", SEED);
    expect(r.stderr).not.toMatch(/warning|error/i);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# Imported from data\/pycon-ru-2013\.seed\.md/);
    expect(r.stdout).toMatch(/start\/end times/);
    expect(r.stdout).toMatch(/Russian/);
    const doc = parse(r.stdout) as ImportedProgramme;
    expect(doc.sessions).toHaveLength(25);
    expect(doc.speakers).toHaveLength(23);
    expect(doc.sessions[0]?.durationMinutes).toBe(60);
    expect(doc).not.toHaveProperty("warnings");
  });

  it("says at once, and once, that a file which is no programme page has no sessions", () => {
    const r = cli("seed-markdown", "README.md");
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^import: README\.md: no sessions found — is it a programme page/);
    expect(r.stdout).toBe("");
  });

  it("rejects an unknown format with usage (exit 2) and an unreadable file by name (exit 1)", () => {
    const unknown = cli("html", SEED);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/usage:/);
    const missing = cli("seed-markdown", "data/no-such-page.md");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("data/no-such-page.md");
    expect(missing.stdout).toBe("");
  });
});
