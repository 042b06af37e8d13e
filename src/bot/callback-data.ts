/**
 * The one codec for the callback_data of every button, attendees' and organizers'. Every button's data is short
 * (Telegram allows 64 bytes) and starts with a prefix naming the action:
 *
 *   s:<session>[:<origin>]    session card            sm:<session>.<n>[:<origin>]  page n of its abstract
 *   sp:<speaker>[:<origin>]   speaker card            sr:<page>:<key>          a page of search results
 *   ds                        the day picker          d:<day>[:<page>]         a day of the schedule
 *   sub:<session>             remind me               unsub:<session>          don't remind me
 *   l:<lang>                  switch language         x                        does nothing (a label)
 *   ro:<session>, rn:<session>  the session's reminder off / on (it stays followed)
 *   my[:p]                    /my list (`:p` with past ones)
 *   mx:<session>[:c]          unfollow a past or cancelled session from /my (redrawn with past ones, or `:c` without)
 *   rs:0, rs:1                reminders off / on altogether (/settings)
 *   sn:0, sn:1                news about other conferences off / on (/settings)
 *   fg, fg:y                  forget me: ask for confirmation / delete everything kept about the user
 *   qk:<session>              ask a question about it  qc                       don't ask after all
 *   ql:<session>[:<page>]     its questions            qv:<question>:<0|1>:<page>  take a vote back / vote up
 *   qm:<session>[:<page>]     its questions for moderators and speakers
 *   qo:<a|h|n|b>:<question>:<page>  approve / hide / answered / stop the asker (checked against the user's role)
 *   qs                        the sessions whose questions the user moderates or answers
 *   ics                       /my as a calendar file  st                       /settings
 *   rm:<minutes>              set the reminder lead   sl:<lang>                language from /settings
 *   adm:held:<token>          organizers: apply the programme version held back (the guard checks `adm:`)
 *   adm:ok:<token>            organizers: apply a previewed change   adm:no:<token>  discard it
 *   adm:pk:<token>:<session>  organizers: the session meant, among several that matched /move, /cancel, /restore
 *   adm:bc:<step>             the /broadcast dialogue: no (cancel), go (send), all, ev (everyone: owners),
 *                             ses (a session's followers),
 *                             bk (back to the audience), l:<lang>, s:<session> (picked), p:<page> (of matches)
 *   cal                       my calendar feed link   calr                     reset that link
 *   dr:<day>[:<page>]         a day's rooms           dt:<day>[:<page>]        a day's tracks
 *   dn:<day>                  a day by time at the page of the present moment ("jump to now")
 *   r:<room>:<day|a>[:<page>] a room on a day / all days  t:<track>:<day|a>[:<page>]  a track on a day / all days
 *   ts[:<page>]               /tracks
 *   nw[:<page>][:<filter>], nx[:<page>][:<filter>]  /now, /next, all or only a room's (`r<room>`) or a track's (`t<track>`)
 *   nf:<n|x><r|t>[:<page>]    the room (`r`) or track (`t`) picker of /now (`n`) or /next (`x`)
 *   cf:<conference>           look at another conference (its id)
 *   rt:<session>:<0-5>        a rating prompt's stars (0 skips)   rc:<session>:<1-5>[:<origin>]  a card's stars
 *   rx:<session>              no comment for that rating          rp:0, rp:1   rating prompts off / on (/settings)
 *   adm:fb:<page>             organizers: a page of the /feedback report
 *
 * <session> and <speaker> are the store's short integer keys (src/store/programme-store.ts `readKeys`), never
 * the ids, which may be 64-character guids. An origin says where "Back" leads: `d` the session's day, `r<page>.<key>` search results, `p<n>` the
 * session's n-th speaker, `s<n>` the speaker's n-th session; `n` opens the card as a new message, leaving
 * the pressed one (a reminder, a change notice) as it was; `m` /my (`mp` with past ones); `R<room>.<day|a>.<page>` a room's list,
 * `T<track>.<day|a>.<page>` a track's list, `N<page>[.<filter>]` /now and `X<page>[.<filter>]` /next. Rooms and tracks are named by
 * their position in the programme, days by their position among the conference's days. Decoding is strict: anything else is `undefined`,
 * which the bot answers with "this button is outdated".
 */
import type { Composer, Context, Filter } from "grammy";
import { LANGS, type Lang } from "../programme/model.js";

/** Where a card's "Back" button leads. */
export type Origin =
  | { to: "day" }
  | { to: "results"; page: number; key: string }
  /** `day` undefined: the room over every day (a search that names it). */
  | { to: "room"; room: number; day?: number; page: number }
  /** `day` undefined: the track over every day (from /tracks). */
  | { to: "track"; track: number; day?: number; page: number }
  | { to: "now"; next: boolean; page: number; filter?: ListFilter }
  | { to: "my"; past: boolean }
  | { to: "speaker"; index: number }
  | { to: "session"; index: number }
  | { to: "message" };

/** A list narrowed to one room or one track, named by its position in the programme. */
export interface ListFilter {
  by: "room" | "track";
  index: number;
}

/** A button of the /broadcast dialogue. */
export type BroadcastStep =
  | { step: "cancel" }
  | { step: "send" }
  | { step: "all" }
  /** The owners' audience: everyone who ever used the bot (and did not turn off series news). */
  | { step: "everyone" }
  | { step: "session" }
  | { step: "back" }
  | { step: "lang"; lang: Lang }
  | { step: "pick"; key: number }
  | { step: "page"; page: number };

/** What a moderator's button does to a question: approve, hide, mark answered, stop its asker. */
export type ModerateOp = "approve" | "hide" | "answer" | "ban";
const MODERATE_OPS: Record<ModerateOp, string> = { approve: "a", hide: "h", answer: "n", ban: "b" };

/** What a button asks the bot to do. */
export type Action =
  /** `page` 0 is the card; 1, 2… are the pages of a long abstract ("Read more"). */
  | { type: "session"; key: number; page: number; origin?: Origin }
  | { type: "speaker"; key: number; origin?: Origin }
  | { type: "results"; page: number; key: string }
  | { type: "days" }
  | { type: "day"; day: number; page: number }
  | { type: "subscribe"; key: number }
  | { type: "unsubscribe"; key: number }
  | { type: "language"; lang: Lang }
  /** A followed session's reminder off or on; following it is another matter (`subscribe`/`unsubscribe`). */
  | { type: "remind"; key: number; on: boolean }
  | { type: "my"; past: boolean }
  /** Unfollows a past or cancelled session from /my, which is redrawn with (`past`) or without its past ones. */
  | { type: "myRemove"; key: number; past: boolean }
  /** Reminders on or off altogether (/settings). */
  | { type: "reminders"; on: boolean }
  /** News about other conferences and future editions on or off (/settings, several conferences). */
  | { type: "seriesNews"; on: boolean }
  /** Forget me (/settings): `confirmed` false asks first, true deletes everything kept about the user. */
  | { type: "forget"; confirmed: boolean }
  /** Questions to the speaker: ask, don't ask, a page of a session's questions, a vote, moderation. */
  | { type: "ask"; key: number }
  | { type: "askCancel" }
  | { type: "questions"; key: number; page: number }
  | { type: "vote"; question: number; up: boolean; page: number }
  | { type: "moderation"; key: number; page: number }
  | { type: "moderate"; op: ModerateOp; question: number; page: number }
  | { type: "myQuestions" }
  | { type: "calendar" }
  | { type: "calendarFeed" }
  | { type: "calendarReset" }
  | { type: "settings" }
  | { type: "reminderMinutes"; minutes: number }
  | { type: "settingsLanguage"; lang: Lang }
  | { type: "applyHeld"; token: string }
  /** Organizers: apply (or discard) the previewed change held under `token`. */
  | { type: "adminConfirm"; apply: boolean; token: string }
  /** Organizers: the session (by key) meant by the command held under `token`. */
  | { type: "adminPick"; token: string; key: number }
  | { type: "broadcast"; choice: BroadcastStep }
  | { type: "dayRooms"; day: number; page: number }
  | { type: "dayTracks"; day: number; page: number }
  /** `day` undefined: the room over every day. */
  | { type: "room"; room: number; day?: number; page: number }
  /** A day by time, at the page that holds the present moment. */
  | { type: "dayNow"; day: number }
  | { type: "track"; track: number; day?: number; page: number }
  | { type: "tracks"; page: number }
  | { type: "now"; next: boolean; page: number; filter?: ListFilter }
  /** The rooms or the tracks of what is on now (or next), to narrow /now (/next) to one. */
  | { type: "nowFilter"; next: boolean; by: ListFilter["by"]; page: number }
  /** Look at another conference of the deployment (/conference). */
  | { type: "conference"; id: string }
  /**
   * Rates a session: from a rating prompt (`card` false; `stars` 0 skips) or from its card (`card` true, the
   * card's origin kept so it redraws with the same "Back").
   */
  | { type: "rate"; key: number; stars: number; card: boolean; origin?: Origin }
  /** No comment for the rating just given (ends the wait for one). */
  | { type: "noComment"; key: number }
  /** Rating prompts on or off (/settings). */
  | { type: "ratingPrompts"; on: boolean }
  /** Organizers: page `page` of the /feedback report. */
  | { type: "feedback"; page: number }
  | { type: "noop" };

/** Telegram's limit for callback_data, in bytes. */
export const MAX_CALLBACK_BYTES = 64;

/** A session's or speaker's short key in the store (1, 2, …). */
const ID = "[1-9][0-9]{0,9}";
const KEY = "[A-Za-z0-9_-]{4,12}";
const NUM = "(?:0|[1-9][0-9]{0,2})";
const FILTER = `[rt]${NUM}`;
const ORIGIN = `d|n|mp?|r${NUM}\\.${KEY}|p${NUM}|s${NUM}|[RT]${NUM}\\.(?:${NUM}|a)\\.${NUM}|[NX]${NUM}(?:\\.${FILTER})?`;
const PAGE = `(?::(${NUM}))?`;

const patterns = {
  ask: new RegExp(`^qk:(${ID})$`),
  questions: new RegExp(`^(ql|qm):(${ID})${PAGE}$`),
  vote: new RegExp(`^qv:(${ID}):([01]):(${NUM})$`),
  moderate: new RegExp(`^qo:([ahnb]):(${ID}):(${NUM})$`),
  session: new RegExp(`^(?:s:(${ID})|sm:(${ID})\\.([1-9][0-9]{0,2}))(?::(${ORIGIN}))?$`),
  speaker: new RegExp(`^sp:(${ID})(?::(${ORIGIN}))?$`),
  results: new RegExp(`^sr:(${NUM}):(${KEY})$`),
  day: new RegExp(`^d:(${NUM})(?::(${NUM}))?$`),
  subscription: new RegExp(`^(sub|unsub):(${ID})$`),
  language: /^l:([a-z]{2})$/,
  remind: new RegExp(`^(ro|rn):(${ID})$`),
  myRemove: new RegExp(`^mx:(${ID})(:c)?$`),
  reminderMinutes: /^rm:([1-9][0-9]{0,3})$/,
  settingsLanguage: /^sl:([a-z]{2})$/,
  conference: /^cf:([a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?)$/,
  applyHeld: /^adm:held:([A-Za-z0-9_-]{12})$/,
  adminConfirm: /^adm:(ok|no):([A-Za-z0-9_-]{8})$/,
  adminPick: new RegExp(`^adm:pk:([A-Za-z0-9_-]{8}):(${ID})$`),
  broadcast: new RegExp(`^adm:bc:(?:(no|go|all|ev|ses|bk)|l:([a-z]{2})|s:(${ID})|p:(${NUM}))$`),
  dayList: new RegExp(`^(dr|dt):(${NUM})${PAGE}$`),
  room: new RegExp(`^r:(${NUM}):(${NUM}|a)${PAGE}$`),
  dayNow: new RegExp(`^dn:(${NUM})$`),
  track: new RegExp(`^t:(${NUM}):(${NUM}|a)${PAGE}$`),
  tracks: new RegExp(`^ts${PAGE}$`),
  now: new RegExp(`^(nw|nx)${PAGE}(?::(${FILTER}))?$`),
  nowFilter: new RegExp(`^nf:([nx])([rt])${PAGE}$`),
  rate: new RegExp(`^(?:rt:(${ID}):([0-5])|rc:(${ID}):([1-5])(?::(${ORIGIN}))?)$`),
  noComment: new RegExp(`^rx:(${ID})$`),
  feedback: new RegExp(`^adm:fb:(${NUM})$`),
};

/** `base` with `:<page>` unless it is the first page. */
const paged = (base: string, page: number) => (page ? `${base}:${page}` : base);

function encodeOrigin(o: Origin): string {
  switch (o.to) {
    case "day":
      return "d";
    case "results":
      return `r${o.page}.${o.key}`;
    case "speaker":
      return `p${o.index}`;
    case "session":
      return `s${o.index}`;
    case "message":
      return "n";
    case "my":
      return o.past ? "mp" : "m";
    case "room":
      return `R${o.room}.${o.day ?? "a"}.${o.page}`;
    case "track":
      return `T${o.track}.${o.day ?? "a"}.${o.page}`;
    case "now":
      return `${o.next ? "X" : "N"}${o.page}${o.filter ? `.${encodeFilter(o.filter)}` : ""}`;
  }
}

const encodeFilter = (f: ListFilter) => `${f.by === "room" ? "r" : "t"}${f.index}`;

/** Decodes a filter that already matched {@link FILTER}. */
function decodeFilter(s: string | undefined): ListFilter | undefined {
  if (!s) return undefined;
  return { by: s[0] === "r" ? "room" : "track", index: Number(s.slice(1)) };
}

/** Decodes an origin that already matched {@link ORIGIN}. */
function decodeOrigin(s: string | undefined): Origin | undefined {
  if (!s) return undefined;
  if (s === "d") return { to: "day" };
  if (s === "n") return { to: "message" };
  if (s === "m" || s === "mp") return { to: "my", past: s === "mp" };
  const head = s[0];
  const parts = s.slice(1).split(".");
  const n = (i: number) => Number(parts[i]);
  switch (head) {
    case "r":
      return { to: "results", page: n(0), key: parts[1] as string };
    case "R":
      return parts[1] === "a"
        ? { to: "room", room: n(0), page: n(2) }
        : { to: "room", room: n(0), day: n(1), page: n(2) };
    case "T":
      return parts[1] === "a"
        ? { to: "track", track: n(0), page: n(2) }
        : { to: "track", track: n(0), day: n(1), page: n(2) };
    case "N":
    case "X": {
      const filter = decodeFilter(parts[1]);
      return { to: "now", next: head === "X", page: n(0), ...(filter ? { filter } : {}) };
    }
    case "p":
      return { to: "speaker", index: n(0) };
    default:
      return { to: "session", index: n(0) };
  }
}

const BROADCAST_WORDS = {
  cancel: "no",
  send: "go",
  all: "all",
  everyone: "ev",
  session: "ses",
  back: "bk",
} as const;

function encodeBroadcastStep(c: BroadcastStep): string {
  switch (c.step) {
    case "lang":
      return `l:${c.lang}`;
    case "pick":
      return `s:${c.key}`;
    case "page":
      return `p:${c.page}`;
    default:
      return BROADCAST_WORDS[c.step];
  }
}

/** Decodes what {@link patterns.broadcast} matched. */
function decodeBroadcastStep(m: RegExpExecArray): BroadcastStep | undefined {
  const [, word, lang, key, page] = m;
  if (word) {
    const step = (Object.keys(BROADCAST_WORDS) as (keyof typeof BROADCAST_WORDS)[]).find(
      (k) => BROADCAST_WORDS[k] === word,
    );
    return step && { step };
  }
  if (lang)
    return (LANGS as readonly string[]).includes(lang) ? { step: "lang", lang: lang as Lang } : undefined;
  if (key) return { step: "pick", key: Number(key) };
  return { step: "page", page: Number(page) };
}

const withOrigin = (base: string, origin: Origin | undefined) =>
  origin ? `${base}:${encodeOrigin(origin)}` : base;

/** Encodes an action as callback_data; throws when the result would not fit Telegram's 64 bytes. */
export function encodeAction(a: Action): string {
  let data: string;
  switch (a.type) {
    case "session":
      data = withOrigin(a.page ? `sm:${a.key}.${a.page}` : `s:${a.key}`, a.origin);
      break;
    case "speaker":
      data = withOrigin(`sp:${a.key}`, a.origin);
      break;
    case "results":
      data = `sr:${a.page}:${a.key}`;
      break;
    case "days":
      data = "ds";
      break;
    case "day":
      data = a.page ? `d:${a.day}:${a.page}` : `d:${a.day}`;
      break;
    case "subscribe":
      data = `sub:${a.key}`;
      break;
    case "unsubscribe":
      data = `unsub:${a.key}`;
      break;
    case "language":
      data = `l:${a.lang}`;
      break;
    case "remind":
      data = `${a.on ? "rn" : "ro"}:${a.key}`;
      break;
    case "myRemove":
      data = a.past ? `mx:${a.key}` : `mx:${a.key}:c`;
      break;
    case "reminders":
      data = `rs:${a.on ? 1 : 0}`;
      break;
    case "seriesNews":
      data = `sn:${a.on ? 1 : 0}`;
      break;
    case "forget":
      data = a.confirmed ? "fg:y" : "fg";
      break;
    case "ask":
      data = `qk:${a.key}`;
      break;
    case "askCancel":
      data = "qc";
      break;
    case "questions":
      data = paged(`ql:${a.key}`, a.page);
      break;
    case "moderation":
      data = paged(`qm:${a.key}`, a.page);
      break;
    case "vote":
      data = `qv:${a.question}:${a.up ? 1 : 0}:${a.page}`;
      break;
    case "moderate":
      data = `qo:${MODERATE_OPS[a.op]}:${a.question}:${a.page}`;
      break;
    case "myQuestions":
      data = "qs";
      break;
    case "my":
      data = a.past ? "my:p" : "my";
      break;
    case "calendar":
      data = "ics";
      break;
    case "calendarFeed":
      data = "cal";
      break;
    case "calendarReset":
      data = "calr";
      break;
    case "settings":
      data = "st";
      break;
    case "reminderMinutes":
      data = `rm:${a.minutes}`;
      break;
    case "settingsLanguage":
      data = `sl:${a.lang}`;
      break;
    case "applyHeld":
      data = `adm:held:${a.token}`;
      break;
    case "noop":
      data = "x";
      break;
    case "adminConfirm":
      data = `adm:${a.apply ? "ok" : "no"}:${a.token}`;
      break;
    case "adminPick":
      data = `adm:pk:${a.token}:${a.key}`;
      break;
    case "broadcast":
      data = `adm:bc:${encodeBroadcastStep(a.choice)}`;
      break;
    case "dayRooms":
      data = paged(`dr:${a.day}`, a.page);
      break;
    case "dayTracks":
      data = paged(`dt:${a.day}`, a.page);
      break;
    case "room":
      data = paged(`r:${a.room}:${a.day ?? "a"}`, a.page);
      break;
    case "dayNow":
      data = `dn:${a.day}`;
      break;
    case "track":
      data = paged(`t:${a.track}:${a.day ?? "a"}`, a.page);
      break;
    case "tracks":
      data = paged("ts", a.page);
      break;
    case "now":
      data = paged(a.next ? "nx" : "nw", a.page) + (a.filter ? `:${encodeFilter(a.filter)}` : "");
      break;
    case "nowFilter":
      data = paged(`nf:${a.next ? "x" : "n"}${a.by === "room" ? "r" : "t"}`, a.page);
      break;
    case "conference":
      data = `cf:${a.id}`;
      break;
    case "rate":
      data = a.card ? withOrigin(`rc:${a.key}:${a.stars}`, a.origin) : `rt:${a.key}:${a.stars}`;
      break;
    case "noComment":
      data = `rx:${a.key}`;
      break;
    case "ratingPrompts":
      data = `rp:${a.on ? 1 : 0}`;
      break;
    case "feedback":
      data = `adm:fb:${a.page}`;
      break;
  }
  if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES) throw new Error(`callback_data too long: ${data}`);
  return data;
}

/** Decodes callback_data; undefined for anything that is not exactly what {@link encodeAction} makes. */
export function decodeAction(data: string | undefined): Action | undefined {
  if (!data || data.length > MAX_CALLBACK_BYTES) return undefined;
  if (data === "ds") return { type: "days" };
  if (data === "x") return { type: "noop" };
  if (data === "my" || data === "my:p") return { type: "my", past: data === "my:p" };
  if (data === "ics") return { type: "calendar" };
  if (data === "cal") return { type: "calendarFeed" };
  if (data === "calr") return { type: "calendarReset" };
  if (data === "st") return { type: "settings" };
  if (data === "rs:0" || data === "rs:1") return { type: "reminders", on: data === "rs:1" };
  if (data === "sn:0" || data === "sn:1") return { type: "seriesNews", on: data === "sn:1" };
  if (data === "fg" || data === "fg:y") return { type: "forget", confirmed: data === "fg:y" };
  if (data === "qc") return { type: "askCancel" };
  if (data === "qs") return { type: "myQuestions" };
  if (data.startsWith("q")) return decodeQuestionAction(data);
  if (data === "rp:0" || data === "rp:1") return { type: "ratingPrompts", on: data === "rp:1" };
  let m = patterns.conference.exec(data);
  if (m) return { type: "conference", id: m[1] as string };
  m = patterns.session.exec(data);
  if (m)
    return {
      type: "session",
      key: Number(m[1] ?? m[2]),
      page: Number(m[3] ?? 0),
      origin: decodeOrigin(m[4]),
    };
  m = patterns.speaker.exec(data);
  if (m) return { type: "speaker", key: Number(m[1]), origin: decodeOrigin(m[2]) };
  m = patterns.results.exec(data);
  if (m) return { type: "results", page: Number(m[1]), key: m[2] as string };
  m = patterns.day.exec(data);
  if (m) return { type: "day", day: Number(m[1]), page: Number(m[2] ?? 0) };
  m = patterns.subscription.exec(data);
  if (m) return { type: m[1] === "sub" ? "subscribe" : "unsubscribe", key: Number(m[2]) };
  m = patterns.remind.exec(data);
  if (m) return { type: "remind", key: Number(m[2]), on: m[1] === "rn" };
  m = patterns.myRemove.exec(data);
  if (m) return { type: "myRemove", key: Number(m[1]), past: !m[2] };
  m = patterns.reminderMinutes.exec(data);
  if (m) return { type: "reminderMinutes", minutes: Number(m[1]) };
  m = patterns.settingsLanguage.exec(data);
  if (m && (LANGS as readonly string[]).includes(m[1] as string))
    return { type: "settingsLanguage", lang: m[1] as Lang };
  m = patterns.applyHeld.exec(data);
  if (m) return { type: "applyHeld", token: m[1] as string };
  m = patterns.adminConfirm.exec(data);
  if (m) return { type: "adminConfirm", apply: m[1] === "ok", token: m[2] as string };
  m = patterns.adminPick.exec(data);
  if (m) return { type: "adminPick", token: m[1] as string, key: Number(m[2]) };
  m = patterns.broadcast.exec(data);
  if (m) {
    const choice = decodeBroadcastStep(m);
    return choice && { type: "broadcast", choice };
  }
  m = patterns.dayList.exec(data);
  if (m)
    return { type: m[1] === "dr" ? "dayRooms" : "dayTracks", day: Number(m[2]), page: Number(m[3] ?? 0) };
  m = patterns.room.exec(data);
  if (m)
    return m[2] === "a"
      ? { type: "room", room: Number(m[1]), page: Number(m[3] ?? 0) }
      : { type: "room", room: Number(m[1]), day: Number(m[2]), page: Number(m[3] ?? 0) };
  m = patterns.dayNow.exec(data);
  if (m) return { type: "dayNow", day: Number(m[1]) };
  m = patterns.track.exec(data);
  if (m)
    return m[2] === "a"
      ? { type: "track", track: Number(m[1]), page: Number(m[3] ?? 0) }
      : { type: "track", track: Number(m[1]), day: Number(m[2]), page: Number(m[3] ?? 0) };
  m = patterns.tracks.exec(data);
  if (m) return { type: "tracks", page: Number(m[1] ?? 0) };
  m = patterns.now.exec(data);
  if (m) {
    const filter = decodeFilter(m[3]);
    return { type: "now", next: m[1] === "nx", page: Number(m[2] ?? 0), ...(filter ? { filter } : {}) };
  }
  m = patterns.nowFilter.exec(data);
  if (m)
    return {
      type: "nowFilter",
      next: m[1] === "x",
      by: m[2] === "r" ? "room" : "track",
      page: Number(m[3] ?? 0),
    };
  m = patterns.rate.exec(data);
  if (m)
    return m[1]
      ? { type: "rate", key: Number(m[1]), stars: Number(m[2]), card: false }
      : { type: "rate", key: Number(m[3]), stars: Number(m[4]), card: true, origin: decodeOrigin(m[5]) };
  m = patterns.noComment.exec(data);
  if (m) return { type: "noComment", key: Number(m[1]) };
  m = patterns.feedback.exec(data);
  if (m) return { type: "feedback", page: Number(m[1]) };
  m = patterns.language.exec(data);
  if (m && (LANGS as readonly string[]).includes(m[1] as string))
    return { type: "language", lang: m[1] as Lang };
  return undefined;
}

/** Decodes the questions' buttons (`qk:`, `ql:`, `qm:`, `qv:`, `qo:`). */
function decodeQuestionAction(data: string): Action | undefined {
  let m = patterns.ask.exec(data);
  if (m) return { type: "ask", key: Number(m[1]) };
  m = patterns.questions.exec(data);
  if (m)
    return { type: m[1] === "ql" ? "questions" : "moderation", key: Number(m[2]), page: Number(m[3] ?? 0) };
  m = patterns.vote.exec(data);
  if (m) return { type: "vote", question: Number(m[1]), up: m[2] === "1", page: Number(m[3]) };
  m = patterns.moderate.exec(data);
  if (m) {
    const op = (Object.keys(MODERATE_OPS) as ModerateOp[]).find((k) => MODERATE_OPS[k] === m?.[1]);
    return op && { type: "moderate", op, question: Number(m[2]), page: Number(m[3]) };
  }
  return undefined;
}

const decoded = new WeakMap<object, Action | null>();

/**
 * The action a callback query's button asks for, decoded once per query however many handlers look at it
 * (every feature's {@link onAction} asks); undefined for data the codec did not make.
 */
export function actionOf(query: { data?: string } | undefined): Action | undefined {
  if (!query) return undefined;
  let action = decoded.get(query);
  if (action === undefined) {
    action = decodeAction(query.data) ?? null;
    decoded.set(query, action);
  }
  return action ?? undefined;
}

/** The action of a given type, narrowed. */
export type ActionOf<T extends Action["type"]> = Extract<Action, { type: T }>;

/** What a button handler may answer: a short notice shown to the user, or nothing. */
export type Toast = { text: string; show_alert?: boolean } | undefined;

type ActionHandler<C extends Context> = (
  ctx: Filter<C, "callback_query:data">,
  action: Action,
) => Promise<Toast> | Toast;

/** Each composer's action handlers by action type (see {@link onAction}). */
const routers = new WeakMap<object, Map<Action["type"], ActionHandler<Context>>>();

/**
 * Routes callback queries whose data decodes to an action of `type` to `handler`; everything else goes on.
 * The query is always answered, with the handler's toast if it returned one, even when the handler throws.
 *
 * A composer's action handlers share one filter, placed where its first `onAction` was, that looks the
 * action's type up: a grammY filter per handler cost every update about a microsecond for each of the bot's
 * forty-odd actions. Install a composer's actions together (only middleware that never sees a callback query,
 * such as commands, may stand between them); a type is handled once per composer.
 */
export function onAction<C extends Context, T extends Action["type"]>(
  composer: Composer<C>,
  type: T,
  handler: (ctx: Filter<C, "callback_query:data">, action: ActionOf<T>) => Promise<Toast> | Toast,
): void {
  let routes = routers.get(composer) as Map<Action["type"], ActionHandler<C>> | undefined;
  if (!routes) {
    const table = new Map<Action["type"], ActionHandler<C>>();
    routes = table;
    routers.set(composer, table as unknown as Map<Action["type"], ActionHandler<Context>>);
    // A filter, not middleware that passes updates on: an update none of these actions is for costs the
    // composer (src/bot/composer.ts) this look-up alone.
    const mine = (ctx: C): ctx is Filter<C, "callback_query:data"> => {
      const query = ctx.callbackQuery;
      if (query?.data === undefined) return false;
      const action = actionOf(query);
      return action !== undefined && table.has(action.type);
    };
    composer.filter(mine, async (ctx) => {
      const action = actionOf(ctx.callbackQuery) as Action;
      const handle = table.get(action.type) as ActionHandler<C>;
      let toast: Toast;
      try {
        toast = await handle(ctx, action);
      } finally {
        await ctx.answerCallbackQuery(toast ?? {}).catch(() => undefined);
      }
    });
  }
  if (routes.has(type)) throw new Error(`onAction: "${type}" is handled twice on one composer`);
  routes.set(type, handler as ActionHandler<C>);
}
