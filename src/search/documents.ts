/**
 * What search indexes of a programme: every session and every speaker as a document made of weighted fields,
 * each field a text in a known language. Sessions carry their titles, abstracts, speakers, and where they
 * belong: their track, their room and their kind ("rust devroom", "janson", "lunch", "workshop").
 */

import {
  isContentKind,
  type Programme,
  pickText,
  type Session,
  type SessionKind,
  type Speaker,
  type Text,
} from "../programme/model.js";

/**
 * Field weights: what a match in each field is worth relative to a match in a title or a name. A company finds
 * its people before their talks, as a name does (a speaker's affiliation outweighs the same words in their
 * sessions), unless a session names the company itself ({@link OWN_COMPANY_WEIGHT}).
 */
export const FIELD_WEIGHTS = {
  title: 1,
  name: 1,
  subtitle: 0.8,
  affiliation: 0.6,
  track: 0.85,
  room: 0.8,
  kind: 0.8,
  speakerName: 0.7,
  speakerAffiliation: 0.58,
  abstract: 0.55,
  bio: 0.55,
  audience: 0.45,
  /** What software a title names is, from its description (technames.ts): a hint of the topic. */
  about: 0.6,
} as const;

/**
 * What a field is: prose, people's and companies' names (respelled by ear in the other script), places (track,
 * room: asked for as such, "rust devroom", "зал Janson") or the words for the session's kind.
 */
export type FieldRole = "text" | "names" | "place" | "kind";

/** Which field of a document a text is. */
export type FieldName = keyof typeof FIELD_WEIGHTS;

/** Every field name, in a fixed order: a field's position is its bit in the index's per-posting field masks. */
export const FIELD_NAMES = Object.keys(FIELD_WEIGHTS) as FieldName[];

/** The bits (in FIELD_NAMES order) of the prose fields: abstracts, biographies, audiences. */
export const PROSE_MASK = fieldMask(["abstract", "bio", "audience"]);

/** The fields naming people and companies: a Russian word may be a name there («Островок» Ostrovok). */
export const NAME_MASK = fieldMask(["name", "speakerName", "affiliation", "speakerAffiliation"]);

/** The bits (in FIELD_NAMES order) of some fields. */
function fieldMask(fields: readonly FieldName[]): number {
  return FIELD_NAMES.reduce((m, f, bit) => (fields.includes(f) ? m | (1 << bit) : m), 0);
}

/**
 * A session saying in its own title, subtitle or abstract the word its speaker's affiliation holds: the company's
 * talk about its own work (“In «Ideco» we…”, a library's author on the library), above the person, whose
 * affiliation weighs {@link FIELD_WEIGHTS}.affiliation.
 */
export const OWN_COMPANY_WEIGHT = 0.62;

const OWN_TEXT_MASK = fieldMask(["title", "subtitle", "abstract"]);
const SPEAKER_AFFILIATION_MASK = fieldMask(["speakerAffiliation"]);

/**
 * What a word a document holds in several fields (`mask`, a bit per field of FIELD_NAMES) weighs, `best` being
 * its best field's weight: that, except for a session's word that is also its speaker's company
 * ({@link OWN_COMPANY_WEIGHT}).
 */
export function heldWeight(best: number, mask: number): number {
  if (mask & SPEAKER_AFFILIATION_MASK && mask & OWN_TEXT_MASK) return Math.max(best, OWN_COMPANY_WEIGHT);
  return best;
}

/** A field of a document: its text, which field it is, its weight, content language (ISO 639-1) and role. */
export interface Field {
  text: string;
  field: FieldName;
  weight: number;
  lang: string;
  role: FieldRole;
}

/** What a result is: a session of its kind, or a speaker. */
export type ResultKind = SessionKind | "speaker";

/** A document as search returns it, with what it is indexed by. */
export interface SearchDoc {
  kind: ResultKind;
  id: string;
  /** Sessions: the title in English, else in the conference's first language. */
  title?: string;
  /** Speakers: the name in English, else in the conference's first language. */
  name?: string;
  /** Headings the re-ranking compares a query phrase with: Latin-script and Cyrillic titles (speakers: names). */
  headings: [latin: string, cyrillic: string];
  fields: Field[];
  /** Breaks, meals and other entries rank below content that matches as well. */
  content: boolean;
}

/** How each kind is called, for queries that name it ("workshop", "воркшоп", "lunch" is the meal's own title). */
const KIND_WORDS: Record<SessionKind, string> = {
  talk: "",
  keynote: "keynote кейноут ключевой",
  workshop: "workshop воркшоп мастер-класс практикум",
  lightning: "lightning блиц",
  panel: "panel панель дискуссия",
  meetup: "meetup bof встреча",
  opening: "opening открытие",
  closing: "closing закрытие",
  break: "break перерыв",
  meal: "meal еда",
  other: "",
};

const CYRILLIC_LANGS = new Set(["ru", "uk", "be", "bg", "sr", "mk", "kk"]);

function textFields(text: Text | undefined, field: FieldName, role: FieldRole, fallback: string): Field[] {
  const out: Field[] = [];
  const weight = FIELD_WEIGHTS[field];
  for (const [lang, value] of Object.entries(text ?? {}))
    if (value) out.push({ text: value, field, weight, lang: lang || fallback, role });
  return out;
}

function headings(text: Text | undefined): [string, string] {
  const latin: string[] = [];
  const cyrillic: string[] = [];
  for (const [lang, value] of Object.entries(text ?? {}))
    if (value) (CYRILLIC_LANGS.has(lang) ? cyrillic : latin).push(value);
  return [latin.join(" "), cyrillic.join(" ")];
}

/** The programme's content languages, the first being the one texts of unknown language are filed under. */
function languagesOf(p: Programme): string[] {
  const langs = p.conference.languages;
  return langs?.length ? langs : ["en"];
}

function sessionDoc(
  s: Session,
  p: Programme,
  speakers: Map<string, Speaker>,
  tracks: Map<string, Text>,
  rooms: Map<string, Text>,
): SearchDoc {
  const W = FIELD_WEIGHTS;
  const first = languagesOf(p)[0] as string;
  const people = s.speakers.map((id) => speakers.get(id)).filter((x): x is Speaker => x !== undefined);
  const kindText = [KIND_WORDS[s.kind], s.type ?? ""].join(" ").trim();
  return {
    kind: s.kind,
    id: s.id,
    title: pickText(s.title, "en", languagesOf(p)) ?? "",
    headings: headings(s.title),
    content: isContentKind(s.kind),
    fields: [
      ...textFields(s.title, "title", "text", first),
      ...textFields(s.subtitle, "subtitle", "text", first),
      ...textFields(s.abstract, "abstract", "text", first),
      ...textFields(s.audience, "audience", "text", first),
      ...textFields(s.track ? tracks.get(s.track) : undefined, "track", "place", first),
      ...textFields(s.room ? rooms.get(s.room) : undefined, "room", "place", first),
      ...(kindText
        ? [{ text: kindText, field: "kind" as const, weight: W.kind, lang: "en", role: "kind" as const }]
        : []),
      ...people.flatMap((x) => [
        ...textFields(x.name, "speakerName", "names", first),
        ...textFields(x.affiliation, "speakerAffiliation", "names", first),
      ]),
    ],
  };
}

function speakerDoc(x: Speaker, p: Programme): SearchDoc {
  const first = languagesOf(p)[0] as string;
  return {
    kind: "speaker",
    id: x.id,
    name: pickText(x.name, "en", languagesOf(p)) ?? "",
    headings: headings(x.name),
    content: true,
    fields: [
      ...textFields(x.name, "name", "names", first),
      ...textFields(x.affiliation, "affiliation", "names", first),
      ...textFields(x.bio, "bio", "text", first),
    ],
  };
}

/** The documents of a programme: its sessions in programme order, then its speakers. */
export function searchDocuments(p: Programme): SearchDoc[] {
  const speakers = new Map(p.speakers.map((x) => [x.id, x]));
  const tracks = new Map((p.conference.tracks ?? []).map((t) => [t.id, t.name]));
  const rooms = new Map(p.conference.rooms.map((r) => [r.id, r.name]));
  return [
    ...p.sessions.map((s) => sessionDoc(s, p, speakers, tracks, rooms)),
    ...p.speakers.map((x) => speakerDoc(x, p)),
  ];
}

/** The content languages a programme's texts are in (declared first, then any other key found). */
export function documentLanguages(p: Programme, docs: readonly SearchDoc[]): string[] {
  const langs = new Set(languagesOf(p));
  for (const d of docs) for (const f of d.fields) langs.add(f.lang);
  return [...langs];
}

/** Whether a content language is written in Cyrillic letters. */
export function isCyrillicLang(lang: string): boolean {
  return CYRILLIC_LANGS.has(lang);
}
