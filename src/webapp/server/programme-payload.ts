import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import {
  conferenceDayOf,
  dayBounds,
  isContentKind,
  type Lang,
  type Programme,
  pickText,
  type Text,
} from "../../programme/model.js";
import type { ApiProgramme, ApiSession } from "../api-types.js";
import { sessionStartParam } from "../links.js";

/** A ready answer: the JSON once serialized and once gzipped, with its ETag. */
export interface PreparedJson {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

/** Evenly spread, readable colours for tracks the source gives none (golden-angle hues). */
export function trackColor(index: number): string {
  const hue = (index * 137.508 + 200) % 360;
  const s = 0.55;
  const l = 0.55;
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    const c = l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/** The programme as the app's API gives it, in one language. */
export function programmePayload(programme: Programme, lang: Lang): ApiProgramme {
  const conference = programme.conference;
  const pick = (t: Text | undefined) => pickText(t, lang, conference.languages);
  const sessionLanguages = new Set<string>();
  const sessions = programme.sessions.map((s): ApiSession => {
    for (const l of s.languages ?? []) sessionLanguages.add(l);
    const out: ApiSession = {
      id: s.id,
      kind: s.kind,
      title: pick(s.title) ?? s.id,
      abstract: pick(s.abstract) ?? "",
      start: Date.parse(s.start),
      end: Date.parse(s.end),
      day: conferenceDayOf(s.start, conference),
      speakers: s.speakers,
      followable: isContentKind(s.kind) && !s.cancelled,
      startParam: sessionStartParam(s.id),
    };
    const subtitle = pick(s.subtitle);
    if (subtitle) out.subtitle = subtitle;
    if (s.room) out.room = s.room;
    if (s.track) out.track = s.track;
    if (s.languages?.length) out.languages = s.languages;
    if (s.url) out.url = s.url;
    if (s.links?.length) out.links = s.links;
    if (s.cancelled) out.cancelled = true;
    return out;
  });
  return {
    version: "",
    lang,
    conference: {
      name: pick(conference.name) ?? "",
      timezone: conference.timezone,
      ...optional("note", pick(conference.note)),
      ...optional("venue", pick(conference.venue)),
      ...optional("city", pick(conference.city)),
      ...optional("url", conference.url),
    },
    days: conference.days.map((date) => ({ date, origin: dayBounds(date, conference).start })),
    rooms: conference.rooms.map((r) => ({ id: r.id, name: pick(r.name) ?? r.id })),
    tracks: conference.tracks.map((t, i) => ({
      id: t.id,
      name: pick(t.name) ?? t.id,
      color: t.color && /^#[0-9a-fA-F]{6}$/.test(t.color) ? t.color : trackColor(i),
    })),
    languages: [...sessionLanguages].sort(),
    speakers: programme.speakers.map((sp) => {
      const affiliation = pick(sp.affiliation);
      return { id: sp.id, name: pick(sp.name) ?? sp.id, ...(affiliation ? { affiliation } : {}) };
    }),
    sessions,
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

const prepared = new WeakMap<Programme, Map<Lang, PreparedJson>>();

/** Serializes a value once: JSON, its gzip, and an ETag from its hash. */
export function prepareJson(value: unknown): PreparedJson {
  const body = Buffer.from(JSON.stringify(value), "utf8");
  return {
    body,
    gzip: gzipSync(body),
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
  };
}

/**
 * The programme answer for a language, built once per programme version (a reload installs a new programme
 * object, which starts afresh) so that serving it costs nothing but the write.
 */
export function preparedProgramme(programme: Programme, lang: Lang): PreparedJson {
  let byLang = prepared.get(programme);
  if (!byLang) {
    byLang = new Map();
    prepared.set(programme, byLang);
  }
  let ready = byLang.get(lang);
  if (!ready) {
    const payload = programmePayload(programme, lang);
    payload.version = createHash("sha256").update(JSON.stringify(payload)).digest("base64url").slice(0, 16);
    ready = prepareJson(payload);
    byLang.set(lang, ready);
  }
  return ready;
}
