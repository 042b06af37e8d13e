/**
 * Importer for conference programme pages in the "seed" markdown format (the format of
 * data/pycon-ru-2013.seed.md): `##Talks##` / `##Workshops##` sections, and per speaker an image line
 * followed by a `<div markdown="1">` block that starts with a bold (possibly linked) name line and holds
 * one or more sessions, each a bold title line, abstract, optional `Audience:` and `**Time:**` lines.
 *
 * Such a page has no times, rooms or Russian text, so the result is only the skeleton of a programme
 * that a person completes into the canonical YAML.
 */

import { transliterate } from "../text/romanize.js";
import type { SessionKind } from "./model.js";

/** A session as the page describes it: no time, room or translation yet. */
export interface ImportedSession {
  id: string;
  kind: SessionKind;
  title: { en: string };
  abstract: { en: string };
  audience?: { en: string };
  /** From the `Time:` line; {@link DEFAULT_DURATION_MINUTES} when the page gives none. */
  durationMinutes: number;
  /** Speaker ids in the order the page bills them. */
  speakers: string[];
}

/** A speaker as the page describes them, merged over all the blocks they appear in. */
export interface ImportedSpeaker {
  id: string;
  name: { en: string };
  /** A short "role, company" after the name. */
  affiliation?: { en: string };
  /** Longer text after the name (sentences about the person), which is no affiliation. */
  bio?: { en: string };
  url?: string;
}

/** What a page yields: sessions and speakers in page order, plus what could not be read cleanly. */
export interface ImportedProgramme {
  sessions: ImportedSession[];
  speakers: ImportedSpeaker[];
  /** Human-readable notes about skipped or doubtful parts of the page (not part of the programme). */
  warnings: string[];
}

/** The length the format implies for a session without a `Time:` line. */
export const DEFAULT_DURATION_MINUTES = 40;

const MAX_ID = 48;

interface Line {
  /** The text with its trailing whitespace removed (leading indentation kept for list detection). */
  text: string;
  /** Markdown hard break: the line ended with two spaces or a `<br>`. */
  hard: boolean;
}

interface Block {
  kind: SessionKind;
  image?: string;
  lineNo: number;
  lines: Line[];
}

interface Person {
  id: string;
  name: string;
  tokens: string[];
  url?: string;
  about?: string;
  /** Photos from blocks of this person alone; a shared photo of two speakers identifies neither. */
  images: Set<string>;
}

/** Words an id should not end on: a cut after them reads as a phrase broken off. */
const DANGLING = new Set(
  "a an and or the of in on at to for with from by about into vs via is are how what why и в на с по для от о об из к".split(
    " ",
  ),
);

function toSlug(text: string): string {
  return transliterate(text)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Drops trailing words that leave a phrase hanging ("…-lessons-and" → "…-lessons"). */
function trimDangling(slug: string): string {
  const words = slug.split("-");
  while (words.length > 1 && DANGLING.has(words[words.length - 1] ?? "")) words.pop();
  return words.join("-");
}

/**
 * Turns a title or a name into an id slug (`[a-z0-9-]`, at most 48 chars), transliterating Cyrillic. A title
 * too long for that is cut where its phrase ends — before a colon, dash or question mark ("Building a
 * development community: Lessons and challenges" → `building-a-development-community`) — else at a word
 * boundary, never after "and", "of" and the like.
 */
export function slugify(text: string): string {
  const slug = toSlug(text);
  if (slug.length <= MAX_ID) return slug;
  const phrase = /^(.+?)\s*(?:[:;?!(]|\s[—–-]\s)/.exec(text)?.[1];
  const head = phrase ? trimDangling(toSlug(phrase)) : "";
  if (head.length >= 12 && head.length <= MAX_ID) return head;
  const cut = slug.slice(0, MAX_ID + 1);
  const dash = cut.lastIndexOf("-");
  return trimDangling((dash > MAX_ID / 2 ? cut.slice(0, dash) : slug.slice(0, MAX_ID)).replace(/-+$/, ""));
}

/**
 * What the text after a speaker's name is: a short "role, company" (one sentence, at most 60 characters,
 * no comma-separated part longer than five words) is an affiliation; anything longer is a bio.
 */
export function splitAbout(text: string): { affiliation?: string; bio?: string } {
  if (!text) return {};
  const sentences = text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  const short = text.split(",").every((part) => part.trim().split(/\s+/).length <= 5);
  return sentences.length === 1 && text.length <= 60 && short ? { affiliation: text } : { bio: text };
}

function uniqueId(base: string, taken: Set<string>, fallback: string): string {
  const root = base || fallback;
  let id = root;
  for (let n = 2; taken.has(id); n++) {
    const suffix = `-${n}`;
    id = `${root.slice(0, MAX_ID - suffix.length).replace(/-+$/, "")}${suffix}`;
  }
  taken.add(id);
  return id;
}

const LINK = /\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;

/** Markdown/HTML inline markup to plain text: links become their text, stray `**` and tags go. */
function plain(text: string): string {
  return text
    .replace(LINK, (_m, label: string, _url: string, offset: number, whole: string) => {
      // "the[Pocoo Team](…)" on the page lacks a space before the link.
      const before = whole[offset - 1];
      return before && /[\p{L}\p{N}]/u.test(before) ? ` ${label}` : label;
    })
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/\*\*/g, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

function kindOfHeading(heading: string): SessionKind {
  if (/workshop|master.?class|tutorial|мастер-класс|воркшоп/i.test(heading)) return "workshop";
  if (/keynote/i.test(heading)) return "keynote";
  return "talk";
}

/** Splits the page into speaker blocks, each knowing its section kind and its photo. */
function splitBlocks(text: string, warn: (w: string) => void): Block[] {
  const blocks: Block[] = [];
  const raw = text.replace(/\r\n?/g, "\n").split("\n");
  let kind: SessionKind = "talk";
  let image: string | undefined;
  let block: Block | undefined;

  const add = (b: Block, line: string) => {
    // A `<br>` inside a line is a hard break too; split there.
    const parts = line.split(/<br\s*\/?>/i);
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      b.lines.push({ text: part.replace(/\s+$/, ""), hard: !last || /( {2,}|\t)$/.test(part) });
    });
  };

  for (const [i, line] of raw.entries()) {
    const t = line.trim();
    if (block) {
      const close = /^(.*?)<\/div>\s*$/i.exec(line);
      if (close) {
        if (close[1]?.trim()) add(block, close[1]);
        blocks.push(block);
        block = undefined;
      } else add(block, line);
      continue;
    }
    const heading = /^#{1,6}\s*(.*?)\s*#*$/.exec(t);
    if (heading) {
      kind = kindOfHeading(heading[1] ?? "");
      image = undefined;
      continue;
    }
    const img = /^!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)$/.exec(t);
    if (img) {
      image = img[1];
      continue;
    }
    const open = /^<div\b[^>]*>(.*)$/i.exec(t);
    if (open) {
      block = { kind, image, lineNo: i + 1, lines: [] };
      image = undefined;
      if (open[1]?.trim()) add(block, open[1]);
      continue;
    }
    if (t) warn(`line ${i + 1}: text outside a speaker block ignored: ${t.slice(0, 60)}`);
  }
  if (block) {
    warn(`line ${block.lineNo}: speaker block never closed with </div>`);
    blocks.push(block);
  }
  return blocks;
}

const HONORIFIC = /^(?:dr|prof|professor|mr|mrs|ms|sir)\.?\s+/i;
const NAME_SUFFIX = /^(?:ph\.?\s?d\.?|jr\.?|sr\.?|m\.?d\.?)$/i;

/** Reads `**[Name](url)**, affiliation` or `**A, B**, affiliation` (bold also inside the link). */
function parseSpeakerLine(
  line: string,
): { people: { name: string; url?: string }[]; rest: string } | undefined {
  const t = line.trim().replace(/^\[\*\*(.+?)\*\*\]\(([^)]*)\)/, "**[$1]($2)**");
  const m = /^\*\*(.+?)\*\*(.*)$/.exec(t);
  if (!m?.[1]) return undefined;
  const links = [...m[1].matchAll(LINK)].map((l) => ({ text: plain(l[1] ?? ""), url: l[2] || undefined }));
  const splitNames = (s: string) =>
    s
      .split(/\s*(?:,|&|\band\b|\bи\b)\s*/)
      .map((n) => n.replace(HONORIFIC, "").trim())
      .filter((n) => n && !NAME_SUFFIX.test(n));
  const people = splitNames(plain(m[1])).map((name) => {
    // A link wrapping several names belongs to none of them.
    const link = links.find((l) => l.text.includes(name) && splitNames(l.text).length === 1);
    return { name, url: link?.url };
  });
  return { people, rest: m[2] ?? "" };
}

function nameTokens(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .split(/\s+/)
    .filter(Boolean);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** Near-identical spellings (Lopukhin/Lopuhin): the tolerance grows with length so short names stay strict. */
function nearlySame(a: string, b: string): boolean {
  return editDistance(a, b) <= Math.min(2, Math.floor(Math.min(a.length, b.length) / 4));
}

/** Same person: same name up to case and punctuation, or one name part equal and the other a near spelling. */
function samePerson(a: string[], b: string[]): boolean {
  if (a.join(" ") === b.join(" ")) return true;
  if (a.length < 2 || b.length < 2) return false;
  const [af, al, bf, bl] = [a[0] ?? "", a[a.length - 1] ?? "", b[0] ?? "", b[b.length - 1] ?? ""];
  return (af === bf && nearlySame(al, bl)) || (al === bl && nearlySame(af, bf));
}

/** Minutes from "1 hour", "50 min", "1.5 hours", "1 hour 30 min", "45"; undefined if unreadable. */
function parseDuration(text: string): number | undefined {
  const t = text.toLowerCase();
  let minutes = 0;
  let found = false;
  const hours = /(\d+(?:[.,]\d+)?)\s*(?:h\b|hours?|hrs?\b|час)/.exec(t);
  if (hours?.[1]) {
    minutes += Math.round(Number.parseFloat(hours[1].replace(",", ".")) * 60);
    found = true;
  } else if (/^\s*(?:an?|one)\s+hour/.test(t)) {
    minutes += 60;
    found = true;
  }
  const mins = /(\d+)\s*(?:m\b|mins?\b|minutes?|мин)/.exec(t);
  if (mins?.[1]) {
    minutes += Number.parseInt(mins[1], 10);
    found = true;
  }
  if (!found && /^\s*\d+\s*$/.test(t)) return Number.parseInt(t, 10);
  return found && minutes > 0 ? minutes : undefined;
}

const BULLET = /^\s*(?:[-*+]|\d+[.)])\s+/;

/** Abstract lines to text: markdown soft breaks become spaces, hard breaks and list items new lines. */
function joinLines(lines: Line[]): string {
  let out = "";
  let prev: { hard: boolean; bullet: boolean } | undefined;
  let gap = false;
  for (const line of lines) {
    const bullet = BULLET.test(line.text);
    const text = bullet ? `- ${plain(line.text.replace(BULLET, ""))}` : plain(line.text);
    if (!text || text.trim() === "-") {
      gap = prev !== undefined;
      continue;
    }
    if (prev) out += gap ? "\n\n" : prev.hard || prev.bullet || bullet ? "\n" : " ";
    out += text;
    prev = { hard: line.hard, bullet };
    gap = false;
  }
  return out;
}

// "**Time:** 1 hour", "**Time**: 1 hour" or "Time: 1 hour".
const TIME_LINE =
  /^(?:\*\*\s*(?:time|duration|время|длительность)\s*:?\s*\*\*\s*:?|(?:time|duration|время|длительность)\s*:)\s*(.*)$/i;
const AUDIENCE_LINE = /^(?:\*\*)?\s*(?:target audience|audience|аудитория)\s*:\s*(?:\*\*)?\s*(.*)$/i;
const BOLD_LINE = /^\*\*([^*](?:(?!\*\*).)*)\*\*$/;

interface Draft {
  title: string;
  body: Line[];
  audience?: string;
  duration?: number;
}

/**
 * Parses a programme page of the seed's markdown format into sessions and speakers.
 * Pure: no I/O; anything it had to skip or guess is listed in `warnings`.
 */
export function importSeedMarkdown(text: string): ImportedProgramme {
  const warnings: string[] = [];
  const warn = (w: string) => warnings.push(w);
  const people: Person[] = [];
  const speakerIds = new Set<string>();
  const sessionIds = new Set<string>();
  const sessions: ImportedSession[] = [];

  const personFor = (name: string, url: string | undefined, image: string | undefined): Person => {
    const tokens = nameTokens(name);
    const found =
      people.find((p) => samePerson(p.tokens, tokens)) ??
      // The same photo and a shared name part: a respelled name of the same person, not a shared placeholder.
      (image
        ? people.find((p) => p.images.has(image) && p.tokens.some((t) => tokens.includes(t)))
        : undefined);
    if (found) {
      found.url ??= url;
      return found;
    }
    const person: Person = {
      id: uniqueId(slugify(name), speakerIds, "speaker"),
      name,
      tokens,
      url,
      images: new Set(),
    };
    people.push(person);
    return person;
  };

  for (const block of splitBlocks(text, warn)) {
    const lines = block.lines;
    const first = lines.findIndex((l) => l.text.trim() !== "");
    if (first < 0) {
      warn(`line ${block.lineNo}: empty speaker block`);
      continue;
    }
    const head = parseSpeakerLine(lines[first]?.text ?? "");
    if (!head?.people.length) warn(`line ${block.lineNo}: block does not start with a bold speaker name`);
    const image = head?.people.length === 1 ? block.image : undefined;
    const blockPeople = (head?.people ?? []).map((p) => personFor(p.name, p.url, image));
    if (image) for (const p of blockPeople) p.images.add(image);

    const about: string[] = head ? [head.rest] : [];
    const drafts: Draft[] = [];
    for (const line of lines.slice(head ? first + 1 : first)) {
      const t = line.text.trim();
      const current = drafts[drafts.length - 1];
      const time = TIME_LINE.exec(t);
      if (time && current) {
        current.duration = parseDuration(plain(time[1] ?? ""));
        if (current.duration === undefined)
          warn(`session "${current.title}": unreadable time "${t}", using 40 min`);
        continue;
      }
      const bold = BOLD_LINE.exec(t);
      if (bold?.[1]) {
        drafts.push({ title: plain(bold[1]).replace(/(?<!\.)\.$/, ""), body: [] });
        continue;
      }
      if (!current) {
        // Between the name line and the first title: more about the speaker.
        about.push(t);
        continue;
      }
      const audience = AUDIENCE_LINE.exec(t);
      if (audience?.[1] !== undefined && !current.audience) current.audience = plain(audience[1]);
      else current.body.push(line);
    }
    if (!drafts.length) warn(`line ${block.lineNo}: speaker block without a bold session title`);

    const affiliation = plain(about.join(" "))
      .replace(/^[\s,;:–—-]+/, "")
      .replace(/,(?=[\p{L}\p{N}])/gu, ", ");
    for (const p of blockPeople) if (affiliation) p.about ??= affiliation;

    for (const d of drafts) {
      sessions.push({
        id: uniqueId(slugify(d.title), sessionIds, "session"),
        kind: block.kind,
        title: { en: d.title },
        abstract: { en: joinLines(d.body) },
        ...(d.audience ? { audience: { en: d.audience } } : {}),
        durationMinutes: d.duration ?? DEFAULT_DURATION_MINUTES,
        speakers: blockPeople.map((p) => p.id),
      });
    }
  }

  const used = new Set(sessions.flatMap((s) => s.speakers));
  const speakers = people
    .filter((p) => used.has(p.id))
    .map((p): ImportedSpeaker => {
      const s: ImportedSpeaker = { id: p.id, name: { en: p.name } };
      const { affiliation, bio } = splitAbout(p.about ?? "");
      if (affiliation) s.affiliation = { en: affiliation };
      if (bio) s.bio = { en: bio };
      if (p.url) s.url = p.url;
      return s;
    });
  return { sessions, speakers, warnings };
}
