/**
 * The JSON the Mini App's API answers, shared by the server (src/webapp/server) and the front end (webapp/).
 * Texts are already in the reader's language; times are epoch milliseconds.
 */

/** The interface languages (as in src/programme/model.ts). */
export type ApiLang = "en" | "ru";

/** `GET /api/programme`. */
export interface ApiProgramme {
  /** Changes whenever the programme does (also the response's ETag). */
  version: string;
  lang: ApiLang;
  conference: {
    name: string;
    /** IANA timezone all times are shown in. */
    timezone: string;
    note?: string;
    venue?: string;
    city?: string;
    url?: string;
  };
  /** Conference days (ISO dates), each with the instant its grid may start at (the day change). */
  days: { date: string; origin: number }[];
  /** In the programme's order: the grid's columns. */
  rooms: { id: string; name: string }[];
  /** In the programme's order, each with a colour (the source's or one picked for it). */
  tracks: { id: string; name: string; color: string }[];
  /** The languages sessions are held in, for the language filter (empty when the programme does not say). */
  languages: string[];
  speakers: ApiSpeaker[];
  sessions: ApiSession[];
}

/** A speaker, by id. */
export interface ApiSpeaker {
  id: string;
  name: string;
  affiliation?: string;
}

/** One entry of the schedule. */
export interface ApiSession {
  id: string;
  kind: string;
  title: string;
  subtitle?: string;
  abstract: string;
  start: number;
  end: number;
  /** The conference day (ISO date) it belongs to. */
  day: string;
  room?: string;
  track?: string;
  languages?: string[];
  speakers: string[];
  url?: string;
  links?: { url: string; title: string; kind?: string }[];
  cancelled?: boolean;
  /** Whether attendees can follow it (talks, workshops… that still take place — not coffee breaks). */
  followable: boolean;
  /** The `startapp` parameter of a link that opens the app at this session. */
  startParam: string;
}

/** `GET /api/me` (and the answer to `PUT|DELETE /api/follow/<id>` and `/api/remind/<id>`). */
export interface ApiMe {
  user: { id: number; firstName: string; lang: ApiLang };
  /** Ids of the sessions the user follows. */
  following: string[];
  /** Followed sessions whose reminder the user turned off (they stay in the agenda and the feed). */
  muted: string[];
  /** Minutes before a session its reminder comes. */
  reminderMinutes: number;
  /** False when the user turned reminders off altogether in the bot's /settings (nothing is reminded). */
  reminders: boolean;
  /** The server's clock (for the "now" line): epoch ms. */
  now: number;
  /** The user's personal webcal feed (https URL; calendar apps take it with webcal://). */
  calendarUrl?: string;
  /** t.me link that opens the bot. */
  botUrl?: string;
  /**
   * Whose questions to the speaker the user moderates: every session's (an organizer), or these sessions'
   * (their linked speakers' and the ones they were invited to moderate).
   */
  moderates?: { all: boolean; sessions: string[] };
  /**
   * The sessions the user follows at the other conferences of the deployment (their reminders come whichever
   * conference the app shows), running and upcoming conferences first; absent with one conference.
   */
  elsewhere?: ApiElsewhere[];
}

/** The user's follows at another conference of the deployment: enough for a line each and "✖️" to unfollow. */
export interface ApiElsewhere {
  conference: {
    /** For `?conference=` (unfollowing goes there). */
    id: string;
    name: string;
    /** IANA timezone its times are shown in. */
    timezone: string;
  };
  /** In time order; `link` (a t.me link) opens the session's card in the bot, within its conference. */
  sessions: {
    id: string;
    title: string;
    start: number;
    end: number;
    room?: string;
    cancelled?: boolean;
    link?: string;
  }[];
}

/** A question to the speaker, as moderators see it. */
export interface ApiQuestion {
  id: number;
  text: string;
  status: "pending" | "approved";
  votes: number;
  answered: boolean;
  createdAt: number;
}

/** `GET /api/questions/<session>` and the answer to `POST /api/questions/<session>/<question>/<action>`. */
export interface ApiQuestions {
  sessionId: string;
  role: "organizer" | "moderator" | "speaker";
  /** Whether questions wait for approval before they show. */
  moderated: boolean;
  /** Pending first, then approved by votes and time. */
  questions: ApiQuestion[];
  /** The room screen's signed link. */
  screenUrl?: string;
}

/** `GET /api/search?q=`: the bot's own search, best first. */
export interface ApiSearch {
  query: string;
  results: { kind: "session" | "speaker"; id: string }[];
}

/** Every error answer. */
export interface ApiError {
  error: string;
  /** For 401: why the init data was refused. */
  reason?: string;
}
