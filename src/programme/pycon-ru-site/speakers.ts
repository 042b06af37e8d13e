/**
 * The PyCon Russia site's free-text `speaker` fields split into people and what follows their names:
 * "**[Armin Ronacher](http://…)**, one of the founding members…" (talk pages: names in bold),
 * "Илья Шаляпин, Евгений Генералов, JetStyle" (the grid: names first, then the affiliation).
 */

/** One name out of a speaker field, with the link the page gives it. */
export interface NamedPerson {
  name: string;
  url?: string;
}

/** A speaker field read: the people in billing order and the shared text after their names. */
export interface SpeakerField {
  people: NamedPerson[];
  /** Plain text after the names (affiliation or a short biography), "" when there is none. */
  rest: string;
}

const ROLE_PREFIX = /^\s*(?:модератор|ведущий|moderator|host)\s*[—–:-]\s*/i;
const HONORIFIC = /^(?:dr|prof)\.?\s+/i;

/** Markdown links to their labels, emphasis marks and HTML breaks dropped, whitespace collapsed. */
export function plainMarkdownLine(s: string): string {
  return s
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]/g, "$1")
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/\*\*|__/g, "")
    .replace(/&ndash;/g, "–")
    .replace(/&mdash;/g, "—")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** What follows the names, without the separating comma and the closing full stop. */
function cleanRest(s: string): string {
  return plainMarkdownLine(s)
    .replace(/^[\s,;:—–-]+/, "")
    .replace(/[\s.,;]+$/, "")
    .trim();
}

/** A name without an honorific ("Dr. Russell Keith-Magee" → "Russell Keith-Magee"). */
export function bareName(name: string): string {
  return name.replace(HONORIFIC, "").replace(/\s+/g, " ").trim();
}

const SCRIPT = (s: string): "cyrl" | "latn" => (/[а-яё]/i.test(s) ? "cyrl" : "latn");

/** Whether a piece of text reads as a person's name: 2–4 capitalised words, no acronyms, no lower-case words. */
export function looksLikeName(s: string): boolean {
  const words = bareName(s).split(" ");
  if (words.length < 2 || words.length > 4) return false;
  return words.every(
    (w) =>
      /^\p{Lu}[\p{L}'’.-]*$/u.test(w) &&
      !(w.length > 2 && w === w.toUpperCase() && !w.endsWith(".")) &&
      // An initial ("V.", "E.") is part of a name; a word with dots inside ("Ostrovok.ru") is not.
      !/\.\p{L}/u.test(w),
  );
}

/** Splits "A, B и C" / "A and B" into names when every part is one. */
function splitNames(s: string): string[] | undefined {
  const parts = s
    .split(/\s*,\s*|\s+(?:и|and|&)\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length && parts.every(looksLikeName) ? parts : undefined;
}

/** A talk page's field: the names are the bold parts; a bold part may hold several ("**A, B**"). */
function fromBold(text: string): SpeakerField | undefined {
  const bold = [...text.matchAll(/\*\*([\s\S]+?)\*\*/g)];
  if (!bold.length) return undefined;
  const people: NamedPerson[] = [];
  for (const b of bold) {
    const inner = b[1] as string;
    const link = /^\s*\[([^\]]+)\]\(([^)\s]+)\)\s*$/.exec(inner);
    if (link) {
      people.push({ name: bareName(plainMarkdownLine(link[1] as string)), url: link[2] as string });
      continue;
    }
    const plain = plainMarkdownLine(inner);
    const names = splitNames(plain) ?? [plain];
    for (const n of names) people.push({ name: bareName(n) });
  }
  const last = bold.at(-1) as RegExpMatchArray;
  return { people, rest: cleanRest(text.slice((last.index ?? 0) + last[0].length)) };
}

/**
 * A grid's field ("Илья Шаляпин, Евгений Генералов, JetStyle", "Дмитрий Прокофьев разработчик, Яндекс",
 * "Модератор — Григорий Петров, VoxImplant"): leading comma-separated names of one script, then the rest.
 * A name is cut where a lower-case word starts ("Прокофьев разработчик").
 */
function fromPlain(text: string): SpeakerField {
  const s = plainMarkdownLine(text).replace(ROLE_PREFIX, "");
  const segments = s.split(/\s*,\s*/);
  const people: NamedPerson[] = [];
  let i = 0;
  for (; i < segments.length; i++) {
    const seg = segments[i] as string;
    const joined = splitNames(seg);
    // Names joined by "и"/"and" may mix scripts ("Андрей Светлов и Christian Heimes").
    if (joined && joined.length > 1) {
      for (const n of joined) people.push({ name: bareName(n) });
      continue;
    }
    if (people.length && (!looksLikeName(seg) || SCRIPT(seg) !== SCRIPT(people[0]?.name ?? ""))) break;
    if (looksLikeName(seg)) {
      people.push({ name: bareName(seg) });
      continue;
    }
    // "Имя Фамилия должность": the capitalised words before the first lower-case one.
    const words = seg.split(" ");
    const cut = words.findIndex((w) => !/^\p{Lu}/u.test(w));
    if (!people.length && cut >= 2 && looksLikeName(words.slice(0, cut).join(" "))) {
      people.push({ name: bareName(words.slice(0, cut).join(" ")) });
      segments[i] = words.slice(cut).join(" ");
    }
    break;
  }
  return { people, rest: cleanRest(segments.slice(i).join(", ")) };
}

/** The text after the given names in a field ("Jackie Kazil, Capital One" after "Jackie Kazil" → "Capital One"). */
export function restAfterNames(text: string, names: string[]): string {
  let s = plainMarkdownLine(text).replace(ROLE_PREFIX, "");
  for (const n of names) {
    const at = s.indexOf(n);
    // Spelled otherwise here ("Andrey Vlasovskikh" on the grid, "Andrew Vlasovskih" on the page): read it.
    if (at < 0) return parseSpeakerField(text).rest;
    s = s.slice(0, at) + s.slice(at + n.length);
  }
  return cleanRest(s.replace(/^(?:[\s,]|(?:и|and|&)(?=\s)|Dr\.|Prof\.)+/, ""));
}

/** Reads a speaker field of the site: bold names when the text has them, else leading names. */
export function parseSpeakerField(text: string | undefined | null): SpeakerField {
  const t = (text ?? "").trim();
  if (!t) return { people: [], rest: "" };
  return fromBold(t) ?? fromPlain(t);
}

/** A name reduced for matching: no honorific, no accents, lower case, single spaces. */
export function nameKey(name: string): string {
  return bareName(name)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\s-]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether a text is in Cyrillic rather than Latin (a Russian title left on an English page). */
export function isCyrillic(s: string): boolean {
  const cyr = (s.match(/[а-яё]/gi) ?? []).length;
  const lat = (s.match(/[a-z]/gi) ?? []).length;
  return cyr > 0 && cyr >= lat / 2;
}
