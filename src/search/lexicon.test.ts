import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BLOCK,
  BufferLexicon,
  FileLexicon,
  LOOKUPS_KEPT,
  lexicon,
  listWork,
  openedLexicons,
  prepareLexicons,
} from "./lexicon.js";
import { LexiconBuilder } from "./lexicon-build.js";

/** A list of many made-up words ("w00000" … ), each translated to its number spelled out, spanning many blocks. */
function manyWords(n: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`w${String(i).padStart(5, "0")}\tt${i}|u${i} v${i}`);
  return lines;
}

describe("a word list built by the build's own code, searched in memory and from a file", () => {
  const builder = new LexiconBuilder("de", "en");
  builder.add("Vulkan", ["volcano", "volcanoes"]);
  builder.add("Fahrkarte", ["ticket", "fare ticket"]);
  builder.add("Fahrkartenautomat", ["ticket machine"]);
  builder.add("Biene", ["bee"]);
  const text = `${builder.lines().join("\n")}\n`;
  const dir = mkdtempSync(join(tmpdir(), "lexicon-"));
  writeFileSync(join(dir, "small.tsv"), text);
  const lists = [
    BufferLexicon.fromText(text),
    FileLexicon.open(join(dir, "small.tsv")),
    FileLexicon.open(join(dir, "small.tsv"), 0),
  ];
  const named = lists.map((l, i) => [`${l.constructor.name}${i === 2 ? " by blocks" : ""}`, l] as const);

  it.each(named)("%s: finds words and only them", (_name, l) => {
    expect(l.lookup("vulkan")).toEqual(["volcano"]);
    expect(l.lookup("fahrkarte")).toEqual(["ticket", "fare ticket"]);
    expect(l.lookup("fahrkartenautomat")).toEqual(["ticket machine"]);
    expect(l.lookup("fahrkart")).toEqual([]);
    expect(l.lookup("zzz")).toEqual([]);
    expect(l.lookup("aaa")).toEqual([]);
    const found: string[] = [];
    expect(l.withPrefix("fahrkart", 10, (k) => found.push(k))).toBe(2);
    expect(found).toEqual(["fahrkarte", "fahrkartenautomat"]);
  });

  it("reads a large file a block at a time, finding every word across block boundaries", () => {
    const lines = manyWords(3000);
    writeFileSync(join(dir, "many.tsv"), `${lines.join("\n")}\n`);
    const file = FileLexicon.open(join(dir, "many.tsv"), 0);
    expect(file.blocks).toBeGreaterThan(Math.floor(lines.join("\n").length / BLOCK) - 1);
    for (let i = 0; i < 3000; i += 7)
      expect(file.lookup(`w${String(i).padStart(5, "0")}`)).toEqual([`t${i}`, `u${i} v${i}`]);
    expect(file.lookup("w03000")).toEqual([]);
    const keys: string[] = [];
    file.withPrefix("w01", 2000, (k) => keys.push(k));
    expect(keys).toHaveLength(1000);
    expect(keys[0]).toBe("w01000");
    expect(keys.at(-1)).toBe("w01999");
  });

  it("counts the look-ups past its memo and the blocks it reads from disk (listWork)", () => {
    writeFileSync(join(dir, "counted.tsv"), `${manyWords(3000).join("\n")}\n`);
    const file = FileLexicon.open(join(dir, "counted.tsv"), 0);
    const before = listWork();
    const since = () => {
      const now = listWork();
      return { lookups: now.lookups - before.lookups, blocksRead: now.blocksRead - before.blocksRead };
    };
    file.lookup("w00001");
    expect(since()).toEqual({ lookups: 1, blocksRead: 1 });
    // The same word again is the memo's; a neighbour in the same block is a look-up but no read.
    file.lookup("w00001");
    file.lookup("w00002");
    expect(since()).toEqual({ lookups: 2, blocksRead: 1 });
    file.lookup("w02999");
    expect(since()).toEqual({ lookups: 3, blocksRead: 2 });
  });

  it("reads a small file whole, as one block, finding what reading it a block at a time finds", () => {
    const whole = FileLexicon.open(join(dir, "many.tsv"));
    const blocks = FileLexicon.open(join(dir, "many.tsv"), 0);
    expect(whole.blocks).toBe(1);
    expect(blocks.blocks).toBeGreaterThan(10);
    for (const word of ["w00000", "w01234", "w02999", "w03000", "w0123", "a", "x"]) {
      expect(whole.lookup(word)).toEqual(blocks.lookup(word));
      expect(whole.sharedPrefix(word)).toBe(blocks.sharedPrefix(word));
      const a: string[] = [];
      const b: string[] = [];
      expect(whole.withPrefix(word.slice(0, 4), 300, (k, t) => a.push(k, ...t))).toBe(
        blocks.withPrefix(word.slice(0, 4), 300, (k, t) => b.push(k, ...t)),
      );
      expect(a).toEqual(b);
    }
  });

  it("finds the same translations for a word looked up again, after more words than it remembers", () => {
    const file = FileLexicon.open(join(dir, "many.tsv"), 0);
    const word = (i: number) => `w${String(i % 3000).padStart(5, "0")}`;
    const first = file.lookup(word(1));
    // Remembered: the very array; then forgotten once LOOKUPS_KEPT other words were looked up, and read again.
    expect(file.lookup(word(1))).toBe(first);
    for (let i = 2; i < LOOKUPS_KEPT + 2; i++) expect(file.lookup(word(i))).toEqual([`t${i}`, `u${i} v${i}`]);
    const again = file.lookup(word(1));
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(file.lookup("w03000")).toEqual([]);
  });

  it.each(named)("%s: tells how much of a text's beginning some listed word begins with", (_name, l) => {
    expect(l.sharedPrefix?.("vulkanausbruch")).toBe(6);
    expect(l.sharedPrefix?.("fahrkartenautomaten")).toBe(17);
    expect(l.sharedPrefix?.("fahrrad")).toBe(4);
    expect(l.sharedPrefix?.("bienenstock")).toBe(5);
    expect(l.sharedPrefix?.("aal")).toBe(0);
    expect(l.sharedPrefix?.("zzz")).toBe(0);
  });

  it("tells the shared beginning as a search of every word would, across blocks and in any script", () => {
    const words = [
      ...manyWords(3000).map((l) => l.split("\t")[0] as string),
      "wähler",
      "wärme",
      "пчела",
      "ab😀cd",
    ];
    words.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    writeFileSync(join(dir, "shared.tsv"), `${words.map((w) => `${w}\tx`).join("\n")}\n`);
    const file = FileLexicon.open(join(dir, "shared.tsv"), 0);
    const memory = BufferLexicon.fromText(`${words.map((w) => `${w}\tx`).join("\n")}\n`);
    const indexed = new BufferLexicon(Buffer.from(`${words.map((w) => `${w}\tx`).join("\n")}\n`), true);
    const common = (a: string, b: string) => {
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      return i;
    };
    const texts = [
      "w00999x",
      "w01",
      "w0299",
      "w10",
      "w",
      "v",
      "x",
      "wä",
      "wärmepumpe",
      "wählerin",
      "пчелы",
      "я",
      "ab😀ce",
      "ab😀",
    ];
    for (let i = 0; i < 3000; i += 97) texts.push(`w${String(i).padStart(5, "0")}9`);
    for (const text of texts) {
      const expected = Math.max(...words.map((w) => common(w, text)));
      expect([file.sharedPrefix(text), memory.sharedPrefix(text), indexed.sharedPrefix(text), text]).toEqual([
        expected,
        expected,
        expected,
        text,
      ]);
      expect(indexed.lookup(text)).toEqual(memory.lookup(text));
    }
    for (const word of words) expect(indexed.lookup(word)).toEqual(["x"]);
  });

  it("opens the committed lists by language pair, and none for a pair it has not", () => {
    expect(lexicon("ru", "en")?.lookup("вулкан")).toContain("volcano");
    expect(lexicon("de", "en")?.lookup("wirkungsgrad")).toContain("efficiency");
    expect(lexicon("xx", "en")).toBeUndefined();
    // A second list of a pair, made another way: Russian → English through other languages' dictionaries.
    expect(lexicon("ru", "en", "pivot")?.lookup("поезд")[0]).toBe("train");
    expect(lexicon("ru", "en", "xx")).toBeUndefined();
  });

  it("opens the committed lists between some languages ahead of use, and they answer as before", () => {
    const opened = prepareLexicons(["en", "ru"]);
    expect(opened.sort()).toEqual(["en-en", "en-ru", "en-syn", "ru-en", "ru-en-pivot", "ru-syn"]);
    expect(prepareLexicons(["de", "en", "ru"])).toEqual(
      expect.arrayContaining(["de-en", "de-syn", "en-de", "ru-de", "ru-de-pivot", "ru-en"]),
    );
    // Not the other files of the folder: the Russian forms and suffix rules, the technology names.
    expect(prepareLexicons(["de", "en", "fr", "ru"])).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(?:ru-forms|ru-suffixes|tech)$/)]),
    );
    expect(openedLexicons().map((l) => l.name)).toEqual(expect.arrayContaining(opened));
    expect(lexicon("ru", "en")?.lookup("вулкан")).toContain("volcano");
    expect(lexicon("de", "en")?.lookup("wirkungsgrad")).toContain("efficiency");
  });
});

describe("a word list read ahead (prepare)", () => {
  const text = `${manyWords(3000).join("\n")}\n`;
  const dir = mkdtempSync(join(tmpdir(), "lexicon-"));
  writeFileSync(join(dir, "many.tsv"), text);

  it("answers every look-up, prefix and shared beginning as a list not read ahead", () => {
    const ahead = [FileLexicon.open(join(dir, "many.tsv")), FileLexicon.open(join(dir, "many.tsv"), 0)];
    for (const list of ahead) list.prepare();
    const fresh = [FileLexicon.open(join(dir, "many.tsv")), FileLexicon.open(join(dir, "many.tsv"), 0)];
    for (const [i, list] of ahead.entries()) {
      const other = fresh[i] as FileLexicon;
      for (const word of ["w00000", "w01234", "w02999", "w03000", "w0123", "v", "x"]) {
        expect(list.lookup(word)).toEqual(other.lookup(word));
        expect(list.sharedPrefix(word)).toBe(other.sharedPrefix(word));
        const seen: string[][] = [[], []];
        list.withPrefix(word, 5, (k) => seen[0]?.push(k));
        other.withPrefix(word, 5, (k) => seen[1]?.push(k));
        expect(seen[0]).toEqual(seen[1]);
      }
    }
    expect(ahead[0]?.lookup("w01234")).toEqual(["t1234", "u1234 v1234"]);
  });
});
