import { isContentKind, type Programme, SESSION_KINDS } from "../../programme/model.js";
import { stopwordsOf } from "../../search/languages.js";
import { isNoise, tokenize } from "../../search/normalize.js";
import { escapeHtml } from "./format.js";
import { pick, plain, type ViewCtx } from "./view.js";

/** How many topics a hint offers. */
const TOPICS = 3;
/** A word in more than this share of the titles says nothing about any of them ("python" at a PyCon). */
const TOO_COMMON = 0.15;

const memo = new WeakMap<Programme, Map<string, readonly string[]>>();

/**
 * Topics to suggest in hints ("Try a topic: rust, kernel, postgres"), taken from the loaded programme so they
 * find something there: the names most titles of talks share (words capitalized past a title's start, in the
 * reader's language where titles have it), then other shared words; never stop words of the conference's
 * languages, numbers, words of the conference's name or words in so many titles they pick nothing out. Made
 * once per programme version and language.
 */
export function exampleTopics(ctx: Pick<ViewCtx, "deps" | "lang">): readonly string[] {
  const programme = ctx.deps.catalog.programme;
  let byLang = memo.get(programme);
  if (!byLang) {
    byLang = new Map();
    memo.set(programme, byLang);
  }
  let topics = byLang.get(ctx.lang);
  if (!topics) {
    topics = pickTopics(ctx, programme);
    byLang.set(ctx.lang, topics);
  }
  return topics;
}

function pickTopics(ctx: Pick<ViewCtx, "deps" | "lang">, programme: Programme): string[] {
  const talks = programme.sessions.filter((s) => isContentKind(s.kind) && !s.cancelled);
  const stop = new Set(
    [ctx.lang, ...programme.conference.languages].flatMap((l) => stopwordsOf(l).flatMap(tokenize)),
  );
  for (const word of Object.values(programme.conference.name).flatMap(tokenize)) stop.add(word);
  // Words that name a kind of session ("workshop", "meetup", a source's "Vortrag") say nothing of its topic.
  for (const word of [...SESSION_KINDS, ...programme.sessions.map((s) => s.type ?? "")].flatMap(tokenize))
    stop.add(word);
  const usable = (w: string) =>
    w.length >= 3 && w.length <= 14 && /^\p{L}+$/u.test(w) && !isNoise(w) && !stop.has(w);
  // Names stand out in titles by their capitals past the first word ("Advanced Flask patterns", "eBPF"):
  // those make the best topics; other words fill in when a programme has too few.
  const named = new Map<string, number>();
  const plainWords = new Map<string, number>();
  for (const s of talks) {
    const title = pick(ctx, s.title);
    const names = new Set(
      (title.match(/\p{L}[\p{L}\p{N}]*/gu) ?? [])
        .filter((w, i) => (i > 0 && /^\p{Lu}/u.test(w)) || /\p{Ll}\p{Lu}/u.test(w))
        .flatMap(tokenize),
    );
    for (const word of new Set(tokenize(title))) {
      if (!usable(word)) continue;
      const into = names.has(word) ? named : plainWords;
      into.set(word, (into.get(word) ?? 0) + 1);
    }
  }
  // A word in too many titles picks nothing out; in a big programme, one in a single title is chance.
  const limit = Math.max(2, talks.length * TOO_COMMON);
  const least = talks.length >= 30 ? 2 : 1;
  const ranked = (m: Map<string, number>) =>
    [...m]
      .filter(([, n]) => n >= least && n <= limit)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([word]) => word);
  // One word of a phrase ("open source"): a word found in most of the titles of one already taken adds nothing.
  const titleWords = talks.map((s) => new Set(tokenize(pick(ctx, s.title))));
  const together = (a: string, b: string) => {
    const withA = titleWords.filter((w) => w.has(a));
    return withA.filter((w) => w.has(b)).length >= withA.length * 0.5;
  };
  const out: string[] = [];
  for (const word of new Set([...ranked(named), ...ranked(plainWords)])) {
    if (out.some((taken) => together(taken, word) || together(word, taken))) continue;
    out.push(word);
    if (out.length === TOPICS) break;
  }
  return out;
}

/** The topics as HTML for a hint: "<i>rust</i>, <i>kernel</i>, <i>postgres</i>"; "" when there are none. */
export function topicsHtml(ctx: Pick<ViewCtx, "deps" | "lang">): string {
  return exampleTopics(ctx)
    .map((w) => `<i>${escapeHtml(w)}</i>`)
    .join(", ");
}

/** One word to show inline mode with ("@bot rust"): the first topic, else a word of the first talk's title. */
export function inlineExample(ctx: Pick<ViewCtx, "deps" | "lang">): string {
  const [first] = exampleTopics(ctx);
  if (first) return first;
  const talk = ctx.deps.catalog.programme.sessions.find((s) => isContentKind(s.kind));
  const word = talk && tokenize(pick(ctx, talk.title)).find((w) => w.length >= 3 && !isNoise(w));
  return word ?? plain(ctx, "search.example_fallback");
}

/** " (<i>rust</i>, <i>kernel</i>)" after "a topic" in a hint, or "" when the programme offers none. */
export function topicsAside(ctx: Pick<ViewCtx, "deps" | "lang">): string {
  const html = topicsHtml(ctx);
  return html ? ` (${html})` : "";
}

/**
 * What /venue will show, as /help promises it: ": the address, a map pin, the halls" — only what the programme
 * gives (FOSDEM's has halls, no address or pin); "" when it gives nothing.
 */
export function venueAside(ctx: Pick<ViewCtx, "deps" | "lang">): string {
  const c = ctx.deps.catalog.programme.conference;
  const has = [
    c.address && pick(ctx, c.address) ? "address" : undefined,
    c.location ? "pin" : undefined,
    c.rooms.length ? "halls" : undefined,
    c.info && pick(ctx, c.info) ? "info" : undefined,
  ].filter((k): k is string => k !== undefined);
  return has.length ? `: ${has.map((k) => plain(ctx, `help.venue_has.${k}`)).join(", ")}` : "";
}
