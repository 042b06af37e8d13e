/**
 * Converts one edition of the PyCon Russia website's source (`../shared/eval/real/pycon-ru/<year>`, the
 * Carcade static site: a YAML grid per language, a Jinja layout that places blocks in halls, a talk page
 * per slug in Russian and English) into confbot's programme. Used by scripts/convert-pycon-ru.ts to write
 * data/pycon-ru-<year>.yaml; not a runtime format.
 *
 * The site gives start times only; what the converter infers (ends, halls, the time zone, English names of
 * breaks) it says in `conference.note`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { parse } from "yaml";
import { transliterate } from "../../text/romanize.js";
import { slugify } from "../formats/ids.js";
import { linkKind } from "../formats/links.js";
import { toPlainText } from "../formats/markup.js";
import type { Programme, Room, Session, SessionKind, SessionLink, Speaker, Text } from "../model.js";
import { type Layout, type LayoutBlock, parseLayout, parsePo } from "./layout.js";
import {
  bareName,
  isCyrillic,
  nameKey,
  parseSpeakerField,
  plainMarkdownLine,
  restAfterNames,
} from "./speakers.js";

/** A grid entry as the site writes it. */
interface GridEntry {
  time?: string | number;
  talk?: string;
  break?: string;
  speaker?: string;
  slug?: string;
}
type Grid = Record<string, Record<string, GridEntry[] | null> | null>;

/** A talk page (`content.<lang>.yaml`). */
interface TalkPage {
  speaker?: string;
  title?: string;
  description?: string;
}

/** What a conversion yields besides the programme: notes about the source, for the script to print. */
export interface Conversion {
  programme: Programme;
  warnings: string[];
}

/** Options: session ids to keep for site slugs (an earlier programme's ids that users' follows refer to). */
export interface ConvertOptions {
  sessionIds?: Readonly<Record<string, string>>;
}

/**
 * The ids of data/pycon-ru-2013.yaml before it was converted from the site (slugs made from the seed page),
 * by site slug: users' follows refer to them, so the converted 2013 keeps them.
 */
export const SESSION_IDS_2013: Readonly<Record<string, string>> = {
  "advanced-flask-patterns": "advanced-flask-patterns",
  "autosustainable-services": "autosustainable-public-services",
  "building-a-community": "building-development-community",
  "celery-for-internal-api": "celery-internal-api-soa",
  "distributed-caching-system": "distributed-caching-messaging",
  "distributed-execution": "distributed-python-1000-servers",
  "django-roadmap": "django-roadmap",
  "inside-of-asynchronous-code": "inside-asynchronous-code",
  "low-latency-and-soft-realtime": "low-latency-soft-realtime",
  "mongoengine-noorm-for-nosql": "mongoengine-noorm-nosql",
  "packaging-and-testing": "reinventing-python-packaging-testing",
  "pep-3156": "pep-3156-async-io",
  "redis-the-hackers-database": "redis-hackers-database",
  saltstack: "saltstack",
  "scaling-for-success": "scaling-for-success",
  "static-analysis": "static-analysis-python",
  "synchronization-between-services": "data-synchronization-evolution",
  "test-driven-development": "tdd-python-django",
  "test-optimization": "django-postgres-test-optimization",
  "tornado-not-only-web-sites": "tornado-not-only-websites",
  "transition-to-python-3": "transition-to-python-3",
  "versioning-in-relational-database": "relational-data-versioning",
  "workshop-network-applications": "network-apps-from-scratch-workshop",
  "workshop-porting-from-2-to-3": "python-3-porting-workshop",
  "workshop-rpython": "rpython-interpreter-workshop",
};

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Cities the editions name, with their time zones (the site gives wall-clock times only). */
const CITIES: { match: RegExp; en: string; ru: string; zone: string }[] = [
  // The venues are out of town ("30 km from Ekaterinburg", "95 km from Moscow"): the city says "near".
  {
    match: /Ekaterinburg|Yekaterinburg|Екатеринбург/,
    en: "near Yekaterinburg",
    ru: "под Екатеринбургом",
    zone: "Asia/Yekaterinburg",
  },
  { match: /Moscow|Москв/, en: "near Moscow", ru: "под Москвой", zone: "Europe/Moscow" },
];

/**
 * English for the grid's Russian-only entries that are not talks: the site's own English grid (2013)
 * uses these words; for the editions without one the converter supplies them (and says so).
 */
const BREAK_EN: Record<string, string> = {
  регистрация: "Registration",
  перерыв: "Break",
  "кофе-брейк": "Coffee break",
  обед: "Lunch",
  ужин: "Dinner",
  завтрак: "Breakfast",
  афтепати: "Afterparty",
  "свободное время": "Free time",
  "торжественное закрытие": "Closing ceremony",
  "перерыв, запись на lightning talks": "Break, sign-up for lightning talks",
  "ужин, свободное время": "Dinner, free time",
};

/** The kind of a grid entry, from its (Russian) title and slug. */
export function kindOfEntry(title: string, slug: string | undefined, isBreak: boolean): SessionKind {
  const t = title.toLowerCase();
  if (/регистрац|registration/.test(t)) return "other";
  if (/^(обед|ужин|завтрак|lunch|dinner|breakfast)/.test(t)) return "meal";
  if (/перерыв|кофе-брейк|coffee|^break/.test(t)) return "break";
  if (/lightning/.test(t) || /^lightning/.test(slug ?? "")) return "lightning";
  if (/круглый стол|панел|panel|round table/.test(t)) return "panel";
  if (/мастер[- ]класс|воркшоп|workshop|master[- ]?class/.test(t) || /^workshop|workshop$/i.test(slug ?? ""))
    return "workshop";
  if (/закрытие|closing/.test(t)) return "closing";
  if (/открытие|opening/.test(t)) return "opening";
  return isBreak ? "other" : "talk";
}

/** "9:00", "15.50", "24:00" → minutes after midnight. */
export function parseClock(time: string | number | undefined): number | undefined {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(String(time ?? "").trim());
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h <= 24 && min < 60 && h * 60 + min <= 24 * 60 ? h * 60 + min : undefined;
}

/** An end the organizers wrote into a title: "(до 13.25)" → that time; "(2 часа)", "(2,5 часа)" → a length. */
export function statedEnd(title: string, start: number): number | undefined {
  const until = /\(до (\d{1,2}[:.]\d{2})\)/.exec(title);
  if (until) return parseClock(until[1]);
  const hours = /\((\d+(?:[,.]\d+)?) час/.exec(title);
  if (hours) return start + Math.round(Number((hours[1] as string).replace(",", ".")) * 60);
  return undefined;
}

const read = (path: string): string | undefined =>
  existsSync(path) ? readFileSync(path, "utf8") : undefined;

/** A YAML file of the site, or undefined when it is missing or empty. */
function readYaml<T>(path: string): T | undefined {
  const text = read(path);
  if (!text?.trim()) return undefined;
  return (parse(text) ?? undefined) as T | undefined;
}

/** The talk-page folder for a slug; the site's slugs and folders differ in case. */
function pageDir(contentDir: string, slug: string, folders: string[]): string | undefined {
  const exact =
    folders.find((f) => f === slug) ?? folders.find((f) => f.toLowerCase() === slug.toLowerCase());
  return exact && join(contentDir, exact);
}

/** Dates, city and venue from `layouts/_base.html` and the location pages. */
function readPlace(dir: string): {
  year: number;
  days: string[];
  zone: string;
  city: Text;
  venue: Text;
  address?: Text;
  location?: { latitude: number; longitude: number };
} {
  const base = read(join(dir, "layouts/_base.html")) ?? "";
  const year = Number(/PyCon Russia (\d{4})/.exec(base)?.[1]);
  const month =
    MONTHS.indexOf(/<span class="month">\{\{\s*_\('(\w+)'\)\s*\}\}<\/span>/.exec(base)?.[1] ?? "") + 1;
  const span = /<span class="days">(\d+)\s*(?:&ndash;|–|-)\s*(\d+)<\/span>/.exec(base);
  if (!year || !month || !span) throw new Error(`${dir}/layouts/_base.html: no year, month or days`);
  const days: string[] = [];
  for (let d = Number(span[1]); d <= Number(span[2]); d++)
    days.push(DateTime.fromObject({ year, month, day: d }).toISODate() as string);
  const en = read(join(dir, "pages/conference/about/location.en.md")) ?? "";
  const ru = read(join(dir, "pages/conference/about/location.ru.md")) ?? "";
  const city = CITIES.find((c) => c.match.test(en) || c.match.test(ru));
  if (!city) throw new Error(`${dir}/pages/conference/about/location.*.md: no city the converter knows`);
  const venueEn = /\[([^\]]+)\]\(/.exec(en)?.[1];
  const venuePage = read(join(dir, "pages/participation/venue/content.ru.md")) ?? "";
  // The Russian location sentence declines the venue ("в загородном учебном центре Иволга"); the venue page
  // names it in the nominative ("база отдыха «Иволга»", "Отель [«Cronwell Яхонты Таруса»]").
  const venueRu =
    /Место проведения конференции:\s*([^.\n]+)/.exec(venuePage)?.[1] ??
    /^(Отель\s+\[[^\]]+\])/m.exec(venuePage)?.[1] ??
    /\[([^\]]+)\]\(/.exec(ru)?.[1];
  const distanceEn = /(\d+ km)[^.]*?(?:centre|center) of (\w+)/.exec(en);
  const distanceRu = /(\d+ км\.?) от ([А-ЯЁ][а-яё]+)/.exec(ru);
  const postal = /^(\d{6},[^\n]+)$/m.exec(venuePage)?.[1];
  const pin = /!3d(-?\d+\.\d+)!4d(-?\d+\.\d+)/.exec(venuePage);
  const venue: Text = {};
  if (venueRu) venue.ru = plainMarkdownLine(venueRu).replace(/^./, (c) => c.toUpperCase());
  if (venueEn) venue.en = plainMarkdownLine(venueEn);
  const address: Text = {};
  const nearRu = distanceRu && `${distanceRu[1]} от ${distanceRu[2]}`;
  const addressRu = postal?.trim() ?? nearRu;
  if (addressRu)
    address.ru = postal && nearRu && !postal.includes(nearRu) ? `${postal.trim()} (${nearRu})` : addressRu;
  if (distanceEn) address.en = `${distanceEn[1]} from ${distanceEn[2]}`;
  return {
    year,
    days,
    zone: city.zone,
    city: { ru: city.ru, en: city.en },
    venue,
    ...(Object.keys(address).length ? { address } : {}),
    ...(pin ? { location: { latitude: Number(pin[1]), longitude: Number(pin[2]) } } : {}),
  };
}

/** Video and slide links of a talk (`media.md`: embedded players). */
function mediaLinks(md: string | undefined): SessionLink[] {
  if (!md) return [];
  const links: SessionLink[] = [];
  for (const m of md.matchAll(/src="((?:https?:)?\/\/[^"]+)"/g)) {
    const raw = (m[1] as string).startsWith("//") ? `https:${m[1]}` : (m[1] as string);
    const youtube = /youtube\.com\/embed\/([\w-]+)/.exec(raw);
    const url = youtube ? `https://www.youtube.com/watch?v=${youtube[1]}` : raw;
    const kind = /slideshare|speakerdeck|slides/.test(url) ? "slides" : linkKind(url, "");
    if (kind !== "video" && kind !== "slides") continue;
    if (!links.some((l) => l.url === url))
      links.push({ url, title: kind === "video" ? "Video" : "Slides", kind });
  }
  return links;
}

/** One entry of the Russian grid placed in the layout. */
interface Placed {
  day: number;
  block: LayoutBlock;
  order: number;
  index: number;
  entry: GridEntry;
  en?: GridEntry;
  title: string;
  start: number;
  marker: boolean;
}

/** Is this entry the day's end mark ("Конец первого дня :)", "The end! :)")? */
const isEndMark = (title: string) => /^(конец|the end|end of)/i.test(title.trim());

/** The grid's entries of one day in page order, with the English grid's entry beside each where it has one. */
function placeDay(
  day: number,
  blocks: LayoutBlock[],
  ru: Record<string, GridEntry[] | null>,
  en: Record<string, GridEntry[] | null> | undefined,
  enBySlug: Map<string, GridEntry>,
  warnings: string[],
): Placed[] {
  const out: Placed[] = [];
  for (const k of Object.keys(ru))
    if (!blocks.some((b) => b.id === k)) warnings.push(`day ${day}: block ${k} is not on the page; skipped`);
  blocks.forEach((block, order) => {
    (ru[block.id] ?? []).forEach((entry, index) => {
      const title = String(entry.talk ?? entry.break ?? "").trim();
      const start = parseClock(entry.time);
      if (start === undefined) {
        warnings.push(`day ${day} ${block.id}: "${title}" has no readable time (${entry.time}); skipped`);
        return;
      }
      // The English grid by slug (it swaps two keynotes in 2013: the Russian grid's places win), else by place.
      const byPlace = en?.[block.id]?.[index];
      const enEntry = entry.slug
        ? enBySlug.get(entry.slug)
        : byPlace && !byPlace.slug && Boolean(byPlace.break) === Boolean(entry.break)
          ? byPlace
          : undefined;
      if (entry.slug && byPlace?.slug && byPlace.slug !== entry.slug)
        warnings.push(
          `day ${day} ${block.id} ${entry.time}: the English grid has "${byPlace.slug}" where the Russian one has "${entry.slug}"; the Russian grid is followed`,
        );
      out.push({
        day,
        block,
        order,
        index,
        entry,
        title,
        start,
        marker: isEndMark(title),
        ...(enEntry ? { en: enEntry } : {}),
      });
    });
  });
  return out;
}

/** How an end was found, for the note. */
type EndFrom = "next" | "stated" | "midnight" | "default" | "cut";

/**
 * The end of an entry: what its title states, else the next start in its own block, in a later block of
 * its hall or in a later block that spans every hall; the last of a day lasts until midnight when it is an
 * evening's leisure, else 30 minutes. Nothing runs into the next entry of its hall.
 */
function endOf(p: Placed, day: Placed[], kind: SessionKind): { end: number; from: EndFrom } {
  // An entry for every hall that runs beside hall entries of the same start (2013's afterparty beside the
  // round table) is ended only by the next entry for every hall; otherwise by whatever starts next.
  const parallel = !p.block.hall && day.some((q) => q.block !== p.block && q.start === p.start);
  const followers = day.filter(
    (q) =>
      q !== p &&
      q.start > p.start &&
      ((q.block === p.block && q.index > p.index) ||
        (q.order > p.order &&
          (!q.block.hall || q.block.hall === p.block.hall || (!p.block.hall && !parallel)))),
  );
  const sameHall = Math.min(
    ...day
      .filter((q) => q !== p && q.start > p.start && p.block.hall && q.block.hall === p.block.hall)
      .map((q) => q.start),
  );
  const next = Math.min(sameHall, ...followers.map((q) => q.start));
  const stated = statedEnd(p.title, p.start);
  if (stated !== undefined && stated > p.start)
    return stated > sameHall ? { end: sameHall, from: "cut" } : { end: stated, from: "stated" };
  if (Number.isFinite(next)) return { end: next, from: "next" };
  if (kind === "other" || kind === "meal") return { end: 24 * 60, from: "midnight" };
  return { end: p.start + 30, from: "default" };
}

/** A person of the edition while their names are being gathered. */
interface Person {
  keys: Set<string>;
  ru?: string;
  en?: string;
  url?: string;
  affiliation: Text;
  bio: Text;
  firstSeen: number;
}

/** Union of people seen in several talks and languages: one person per shared name key. */
class People {
  private readonly all: Person[] = [];

  /** The person any of these names belongs to, merging people the names show to be one. */
  find(keys: string[]): Person {
    const hits = this.all.filter((p) => keys.some((k) => p.keys.has(k)));
    const [first, ...others] = hits;
    if (!first) {
      const p: Person = { keys: new Set(keys), affiliation: {}, bio: {}, firstSeen: this.all.length };
      this.all.push(p);
      return p;
    }
    for (const k of keys) first.keys.add(k);
    for (const o of others) {
      for (const k of o.keys) first.keys.add(k);
      first.ru ??= o.ru;
      first.en ??= o.en;
      first.url ??= o.url;
      for (const [l, v] of Object.entries(o.affiliation)) first.affiliation[l] ??= v;
      for (const [l, v] of Object.entries(o.bio)) first.bio[l] ??= v;
      this.all.splice(this.all.indexOf(o), 1);
    }
    return first;
  }

  list(): Person[] {
    return [...this.all].sort((a, b) => a.firstSeen - b.firstSeen);
  }
}

/**
 * Affiliation and biography from the text after a name: a short phrase is an affiliation; sentences about
 * the person are a biography, and the affiliation is then the grid's short one (or the first clause).
 */
function describe(rest: string, gridRest: string | undefined): { affiliation?: string; bio?: string } {
  const short = (s: string | undefined) => (s && s.length <= 60 ? s : undefined);
  if (!rest) return gridRest ? { affiliation: gridRest } : {};
  if (rest.length <= 60) return { affiliation: rest };
  const clause = /^([^.;]{3,60}?)[.;](?:\s|$)/.exec(rest)?.[1];
  const affiliation = short(gridRest) ?? short(clause);
  return { ...(affiliation ? { affiliation } : {}), bio: /[.!?]$/.test(rest) ? rest : `${rest}.` };
}

const setText = (t: Text, lang: string, v: string | undefined) => {
  if (v?.trim() && !t[lang]) t[lang] = v.trim();
};

/** Converts the edition in `dir` (a folder of ../shared/eval/real/pycon-ru). */
export function convertEdition(dir: string, opts: ConvertOptions = {}): Conversion {
  const warnings: string[] = [];
  const place = readPlace(dir);
  const layout: Layout = parseLayout(read(join(dir, "layouts/schedule.html")) ?? "");
  const po = parsePo(read(join(dir, "translations/ru.po")) ?? "");
  const gridRu = readYaml<Grid>(join(dir, "pages/program/schedule/data.ru.yaml"));
  const gridEn = readYaml<Grid>(join(dir, "pages/program/schedule/data.en.yaml"));
  if (!gridRu) throw new Error(`${dir}/pages/program/schedule/data.ru.yaml: no grid`);
  const contentDir = join(dir, "pages/program/content");
  const folders = existsSync(contentDir) ? readdirSync(contentDir) : [];

  const rooms: Room[] = layout.halls.map((h) => ({
    id: slugify(h.replace(/conference /i, "")),
    name: { ru: po.get(h) ?? h, en: h },
  }));
  const roomOf = (hall: string | undefined) => (hall ? slugify(hall.replace(/conference /i, "")) : undefined);
  const untranslated = layout.halls.filter((h) => !po.has(h));
  if (untranslated.length) warnings.push(`halls without a Russian name in ru.po: ${untranslated.join(", ")}`);

  const people = new People();
  const sessions: Session[] = [];
  const speakerOrder: Person[][] = [];
  const taken = new Set<string>();
  const ends: Record<EndFrom, number> = { next: 0, stated: 0, midnight: 0, default: 0, cut: 0 };
  const cut: string[] = [];
  const lastOfDay: { ru: string; en: string }[] = [];
  let englishBreaks = 0;
  let hallsFromHeadings = 0;

  const enBySlug = new Map<string, GridEntry>();
  for (const day of Object.values(gridEn ?? {}))
    for (const list of Object.values(day ?? {}))
      for (const e of list ?? []) if (e.slug) enBySlug.set(e.slug, e);
  const dayKeys = Object.keys(gridRu).filter((k) => /^day\d+$/.test(k));
  for (const dayKey of dayKeys) {
    const dayNo = Number(dayKey.slice(3));
    const date = place.days[dayNo - 1];
    const blocks = layout.days.get(dayNo);
    if (!date || !blocks) {
      warnings.push(`${dayKey}: no date or layout for it; skipped`);
      continue;
    }
    const placed = placeDay(
      dayNo,
      blocks,
      gridRu[dayKey] ?? {},
      gridEn?.[dayKey] ?? undefined,
      enBySlug,
      warnings,
    );
    const at = (minutes: number) =>
      DateTime.fromISO(date, { zone: place.zone })
        .plus({ minutes })
        .toISO({ suppressMilliseconds: true }) as string;
    for (const p of [...placed].sort((a, b) => a.start - b.start || a.order - b.order || a.index - b.index)) {
      if (p.marker) continue;
      const { entry } = p;
      const slug = entry.slug?.trim();
      const page = slug ? pageDir(contentDir, slug, folders) : undefined;
      const pages = {
        ru: page ? readYaml<TalkPage>(join(page, "content.ru.yaml")) : undefined,
        en: page ? readYaml<TalkPage>(join(page, "content.en.yaml")) : undefined,
      };
      const kind = kindOfEntry(p.title, slug, Boolean(entry.break));
      const title: Text = {};
      setText(title, "ru", plainMarkdownLine(pages.ru?.title ?? "") || p.title);
      const enTitle = [pages.en?.title, p.en?.talk ?? p.en?.break]
        .map((t) => plainMarkdownLine(t ?? ""))
        .find((t) => t && !isCyrillic(t));
      if (enTitle) setText(title, "en", enTitle);
      else if (!isCyrillic(title.ru as string)) setText(title, "en", title.ru);
      else {
        const en = BREAK_EN[p.title.toLowerCase().replace(/^c/, "с")];
        if (en) {
          setText(title, "en", en);
          englishBreaks++;
        }
      }
      // A Latin title on the Russian page is the English title, not a Russian one.
      if (title.ru && !isCyrillic(title.ru) && (!title.en || title.en === title.ru)) {
        title.en ??= title.ru;
        delete title.ru;
      }
      const abstract: Text = {};
      for (const lang of ["ru", "en"] as const) {
        const text = toPlainText(pages[lang]?.description).text.trim();
        if (text && (lang === "ru" || !isCyrillic(text) || !pages.ru?.description))
          setText(abstract, lang, text);
      }
      if (abstract.en && abstract.en === abstract.ru && isCyrillic(abstract.en)) delete abstract.en;
      // A Russian page that carries the English text: it is English (search reads it with English rules).
      if (abstract.ru && !isCyrillic(abstract.ru)) {
        abstract.en ??= abstract.ru;
        delete abstract.ru;
      }

      // Speakers: the grid says who (none for "Tech Talks"); the pages say how, in each language.
      const persons: Person[] = [];
      if (entry.speaker?.trim()) {
        const gridRuField = parseSpeakerField(entry.speaker);
        const gridEnField = p.en?.speaker ? parseSpeakerField(p.en.speaker) : undefined;
        const pageRu = parseSpeakerField(pages.ru?.speaker);
        const pageEn = parseSpeakerField(pages.en?.speaker);
        // The page's bold names are the surest; the grid's own reading only when the page has none.
        const ru = pageRu.people.length ? pageRu : gridRuField;
        const gridRuRest = restAfterNames(
          entry.speaker,
          ru.people.map((x) => x.name),
        );
        const enCandidates = [pageEn, gridEnField].filter(
          (f): f is NonNullable<typeof f> =>
            Boolean(f) && f?.people.length === ru.people.length && !f.people.some((x) => isCyrillic(x.name)),
        );
        const en = enCandidates[0];
        if (!ru.people.length) warnings.push(`${slug ?? p.title}: no speaker name in "${entry.speaker}"`);
        ru.people.forEach((who, i) => {
          const enWho = en?.people[i];
          const latin = !isCyrillic(who.name);
          const keys = [nameKey(who.name), ...(enWho ? [nameKey(enWho.name)] : [])];
          const person = people.find(keys);
          person.ru ??= who.name;
          person.en ??= enWho?.name ?? (latin ? who.name : undefined);
          person.url ??= who.url ?? enWho?.url;
          const ruDesc = describe(ru.rest, gridRuRest);
          setText(person.affiliation, "ru", ruDesc.affiliation);
          setText(person.bio, "ru", ruDesc.bio);
          if (en && !isCyrillic(en.rest)) {
            const enDesc = describe(
              en.rest,
              p.en?.speaker
                ? restAfterNames(
                    p.en.speaker,
                    en.people.map((x) => x.name),
                  )
                : undefined,
            );
            setText(person.affiliation, "en", enDesc.affiliation);
            setText(person.bio, "en", enDesc.bio);
          }
          if (!persons.includes(person)) persons.push(person);
        });
      }
      speakerOrder.push(persons);

      const end = endOf(p, placed, kind);
      ends[end.from]++;
      if (end.from === "cut") cut.push(p.title);
      if (end.from === "default") lastOfDay.push({ ru: p.title, en: title.en ?? p.title });
      const base = slug
        ? (opts.sessionIds?.[slug] ?? (/^[\w.-]{1,64}$/.test(slug) ? slug.toLowerCase() : slugify(slug, 60)))
        : `day${dayNo}-${slugify(title.en ?? transliterate(title.ru ?? ""), 40)}`;
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      const room = kind === "break" || kind === "meal" ? undefined : roomOf(p.block.hall);
      if (room && p.block.hallFrom === "heading") hallsFromHeadings++;
      const links = page ? mediaLinks(read(join(page, "media.md"))) : [];
      sessions.push({
        id,
        kind,
        title,
        abstract,
        start: at(p.start),
        end: at(end.end),
        ...(room ? { room } : {}),
        speakers: [],
        ...(links.length ? { links } : {}),
      });
    }
  }

  // Speaker ids once everyone is known: the English name's slug, else the romanized Russian one.
  const ids = new Map<Person, string>();
  const speakers: Speaker[] = [];
  const used = new Set<string>();
  for (const person of people.list()) {
    const latin = bareName(person.en ?? transliterate(person.ru ?? ""))
      .replace(/(^|\s)\p{L}\.\s*/gu, "$1")
      .replace(/ł/g, "l")
      .replace(/Ł/g, "L");
    const base = slugify(latin, 48);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(person, id);
    const name: Text = {};
    setText(name, "ru", person.ru);
    setText(name, "en", person.en);
    speakers.push({
      id,
      name,
      ...(Object.keys(person.affiliation).length ? { affiliation: person.affiliation } : {}),
      ...(Object.keys(person.bio).length ? { bio: person.bio } : {}),
      ...(person.url ? { url: person.url } : {}),
    });
  }
  sessions.forEach((s, i) => {
    s.speakers = (speakerOrder[i] ?? []).map((p) => ids.get(p) as string);
  });
  // Speakers in order of first appearance in the programme.
  const firstUse = new Map<string, number>();
  sessions.forEach((s, i) => {
    for (const id of s.speakers) if (!firstUse.has(id)) firstUse.set(id, i);
  });
  speakers.sort((a, b) => (firstUse.get(a.id) ?? 0) - (firstUse.get(b.id) ?? 0));

  const note = noteOf({
    place,
    ends,
    cut,
    lastOfDay,
    englishBreaks,
    hallsFromHeadings,
    hasEnglishGrid: Boolean(gridEn),
    warnings,
  });
  return {
    programme: {
      conference: {
        name: { ru: `PyCon Russia ${place.year}`, en: `PyCon Russia ${place.year}` },
        timezone: place.zone,
        languages: ["ru", "en"],
        venue: place.venue,
        city: place.city,
        ...(place.address ? { address: place.address } : {}),
        ...(place.location ? { location: place.location } : {}),
        note,
        days: place.days,
        rooms,
        tracks: [],
      },
      sessions,
      speakers,
    },
    warnings,
  };
}

/** The note that tells attendees what the converter inferred, in Russian and English. */
function noteOf(o: {
  place: ReturnType<typeof readPlace>;
  ends: Record<EndFrom, number>;
  cut: string[];
  lastOfDay: { ru: string; en: string }[];
  englishBreaks: number;
  hallsFromHeadings: number;
  hasEnglishGrid: boolean;
  warnings: string[];
}): Text {
  const ru: string[] = [
    `Программа взята с сайта конференции (pycon.ru, ${o.place.year}). На сайте указано только время начала; время окончания мы вывели: каждое событие длится до начала следующего в том же зале или общего для всех залов${o.ends.midnight ? ", вечерняя программа — до полуночи" : ""}${o.lastOfDay.length ? `, ${o.lastOfDay.map((x) => `«${x.ru}»`).join(", ")} (последний пункт дня: после него на сайте ничего нет) — 30 минут` : ""}; окончание, указанное в названии («до 13.25», «2 часа»), взято как есть${o.cut.length ? ` — кроме «${o.cut.join("», «")}»: там в тот же зал уже поставлен следующий пункт, и мы закончили событие к его началу` : ""}.`,
    `Залы — по вёрстке страницы расписания${o.hallsFromHeadings ? " (где блок не отнесён к залу, — по заголовкам колонок)" : ""}. Даты и место — из шапки и страницы «Место проведения»; часовой пояс (${o.place.zone}) следует из города.`,
  ];
  const en: string[] = [
    `The programme comes from the conference website (pycon.ru, ${o.place.year}). The site gives start times only; the ends are inferred: each item lasts until the next one in its hall or the next one for all halls${o.ends.midnight ? ", the evening programme until midnight" : ""}${o.lastOfDay.length ? `, ${o.lastOfDay.map((x) => `"${x.en}"`).join(", ")} (a day's last item, with nothing after it on the site) 30 minutes` : ""}; an end the title states ("до 13.25", "2 hours") is kept${o.cut.length ? ` — except for "${o.cut.join('", "')}", which would run into the next item of its hall and is ended when that one starts` : ""}.`,
    `Halls follow the schedule page's layout${o.hallsFromHeadings ? " (where a block has no hall, its column heading)" : ""}. Dates and venue come from the site's header and location page; the time zone (${o.place.zone}) follows from the city.`,
  ];
  if (o.englishBreaks) {
    ru.push("Английские названия перерывов и регистрации — наш перевод: английской сетки на сайте нет.");
    en.push("The English names of breaks and registration are ours: the site has no English grid.");
  }
  if (o.warnings.some((w) => w.includes("the Russian grid is followed"))) {
    ru.push(
      "Английская сетка сайта в одном месте расходится с русской; мы следуем русской — основной версии сайта.",
    );
    en.push(
      "The site's English grid disagrees with the Russian one in one place; the Russian grid, the site's default, is followed.",
    );
  }
  return { ru: ru.join(" "), en: en.join(" ") };
}
