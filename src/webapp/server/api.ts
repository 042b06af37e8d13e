import type { IncomingMessage, ServerResponse } from "node:http";
import { startLink } from "../../bot/deep-link.js";
import type { Catalog } from "../../catalog.js";
import { isContentKind, type Lang } from "../../programme/model.js";
import { type ModerationAction, moderateQuestion, roleFor } from "../../questions/service.js";
import { roomNamedBy } from "../../search/room-query.js";
import { feedTokenOf } from "../../store/calendar-feeds.js";
import { isModerated, listQuestions, rolesOf } from "../../store/questions.js";
import {
  isSubscribed,
  mutedOf,
  setReminder,
  subscribe,
  subscriptionsOf,
  unsubscribe,
} from "../../store/subscriptions.js";
import { ensureUser, languageOf, type User } from "../../store/users.js";
import type { ApiElsewhere, ApiMe, ApiQuestions, ApiSearch } from "../api-types.js";
import { screenUrl } from "../screen-link.js";
import { authenticate } from "./auth.js";
import { scoped, type WebappDeps } from "./deps.js";
import { feedUrl } from "./feed.js";
import { sendJson, sendPrepared } from "./http-util.js";
import { type PreparedJson, preparedProgramme } from "./programme-payload.js";

/** Queries are cut to this many characters, as in the chat. */
export const MAX_QUERY_CHARS = 200;
/** At most this many results, as in the chat. */
export const SEARCH_LIMIT = 60;

/**
 * What the Mini App's search answers, as the chat does: a query that names a room, every session of that room
 * in time order (not capped); any other, the engine's best {@link SEARCH_LIMIT} sessions and speakers.
 */
function searchResults(catalog: Catalog, query: string): ApiSearch["results"] {
  const room =
    catalog.programme.conference.rooms[roomNamedBy(catalog.programme.conference.rooms, query) ?? -1];
  if (room)
    return catalog.programme.sessions
      .filter((s) => s.room === room.id)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || Date.parse(a.end) - Date.parse(b.end))
      .map((s) => ({ kind: "session", id: s.id }));
  return catalog.index
    .search(query, { limit: SEARCH_LIMIT })
    .filter((r) => (r.kind === "speaker" ? catalog.speaker(r.id) : catalog.session(r.id)))
    .map((r) => ({ kind: r.kind === "speaker" ? "speaker" : "session", id: r.id }));
}

function me(deps: WebappDeps, user: User): ApiMe {
  const token = feedTokenOf(deps.db, user.id, deps.clock());
  return {
    user: { id: user.id, firstName: user.firstName ?? "", lang: languageOf(user) },
    following: subscriptionsOf(deps.db, user.id).filter((id) => deps.catalog.session(id)),
    muted: mutedOf(deps.db, user.id),
    reminderMinutes: user.reminderMinutes ?? deps.defaultReminderMinutes,
    reminders: user.reminders,
    now: deps.clock(),
    calendarUrl: feedUrl(deps.publicUrl, token),
    ...(deps.botUsername ? { botUrl: `https://t.me/${deps.botUsername}` } : {}),
    moderates: moderatedBy(deps, user.id),
    ...(deps.follows ? { elsewhere: elsewhere(deps, user) } : {}),
  };
}

/** The user's follows at the deployment's other conferences, in their language (see {@link ApiMe.elsewhere}). */
function elsewhere(deps: WebappDeps, user: User): ApiElsewhere[] {
  const lang = languageOf(user);
  return (deps.follows?.(user.id) ?? [])
    .filter((g) => g.conferenceId !== deps.conferenceId)
    .map(({ conferenceId, catalog, sessions }) => ({
      conference: {
        id: conferenceId,
        name: catalog.text(catalog.programme.conference.name, lang) || conferenceId,
        timezone: catalog.timezone,
      },
      sessions: sessions.map((s) => {
        const room = catalog.roomName(s.room, lang);
        return {
          id: s.id,
          title: catalog.text(s.title, lang),
          start: Date.parse(s.start),
          end: Date.parse(s.end),
          ...(room ? { room } : {}),
          ...(s.cancelled ? { cancelled: true } : {}),
          // By key: the bot's /start finds a session of any conference by its key.
          ...(deps.botUsername ? { link: startLink(deps.botUsername, `s_${catalog.sessionKey(s.id)}`) } : {}),
        };
      }),
    }));
}

/**
 * `/api/*`: every request must carry valid, fresh init data (else 401, before anything else is looked at);
 * then `GET programme | me | search?q=`, `PUT | DELETE follow/<session>` (the bot's subscriptions) and
 * `PUT | DELETE remind/<session>` (a followed session's reminder on or off), and `questions/<session>[…]` for
 * the questions' moderators (see answerQuestions).
 */
export function serveApi(deps: WebappDeps, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const answer = answerApi(deps, req, url);
  if ("prepared" in answer) sendPrepared(req, res, answer.prepared, answer.headers);
  else sendJson(res, answer.status, answer.body, answer.headers);
}

/** What an API request gets: a small JSON value, or a prepared (cached, gzipped) body. */
type Answer =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | { prepared: PreparedJson; headers: Record<string, string> };

const json = (status: number, body: unknown, headers?: Record<string, string>): Answer => ({
  status,
  body,
  headers,
});
const notAllowed = (allow: string) => json(405, { error: "method not allowed" }, { allow });

function answerApi(all: WebappDeps, req: IncomingMessage, url: URL): Answer {
  let deps = all;
  const auth = authenticate(req, deps.botToken, deps.authClock(), deps.maxAuthAgeSeconds);
  if (!auth.ok) {
    deps.logger.debug({ problem: auth.problem, path: url.pathname }, "webapp request refused");
    return json(401, { error: "unauthorized", reason: auth.problem }, { "www-authenticate": "tma" });
  }
  const from = auth.data.user;
  const user = ensureUser(
    deps.db,
    { id: from.id, firstName: from.first_name, languageCode: from.language_code },
    deps.clock(),
  );
  // Within the user's current conference, or the one `?conference=` names if the deployment serves it.
  const inConference = scoped(all, { user: user.conference, requested: url.searchParams.get("conference") });
  if (!inConference) return json(404, { error: "no such conference" });
  deps = inConference;
  const path = url.pathname.slice("/api/".length);
  const method = req.method ?? "GET";
  const get = method === "GET" || method === "HEAD";

  if (path === "programme") {
    if (!get) return notAllowed("GET");
    const asked = url.searchParams.get("lang");
    const lang: Lang = asked === "en" || asked === "ru" ? asked : languageOf(user);
    return {
      prepared: preparedProgramme(deps.catalog.programme, lang),
      headers: { "content-type": "application/json; charset=utf-8", "cache-control": "private, no-cache" },
    };
  }
  if (path === "me") {
    if (!get) return notAllowed("GET");
    return json(200, me(deps, user));
  }
  if (path === "search") {
    if (!get) return notAllowed("GET");
    const query = Array.from((url.searchParams.get("q") ?? "").trim())
      .slice(0, MAX_QUERY_CHARS)
      .join("");
    const results = query ? searchResults(deps.catalog, query) : [];
    const found: ApiSearch = { query, results };
    return json(200, found);
  }
  const toggle = /^(follow|remind)\/([^/]+)$/.exec(path);
  if (toggle) {
    if (method !== "PUT" && method !== "DELETE") return notAllowed("PUT, DELETE");
    let id: string;
    try {
      id = decodeURIComponent(toggle[2] as string);
    } catch {
      return json(404, { error: "no such session" });
    }
    const session = deps.catalog.session(id);
    if (!session) return json(404, { error: "no such session" });
    const now = deps.clock();
    if (method === "PUT") {
      if (!isContentKind(session.kind) || session.cancelled)
        return json(422, { error: "this session cannot be followed" });
      // Asking for a reminder follows the session too.
      subscribe(deps.db, user.id, session.id, now);
      if (toggle[1] === "remind") setReminder(deps.db, user.id, session.id, true);
    } else if (toggle[1] === "remind") {
      if (!isSubscribed(deps.db, user.id, session.id))
        return json(409, { error: "not following this session" });
      setReminder(deps.db, user.id, session.id, false);
    } else unsubscribe(deps.db, user.id, session.id);
    return json(200, me(deps, user));
  }
  const questions = /^questions\/([^/]+)(?:\/([1-9][0-9]{0,12})\/(approve|hide|answer))?$/.exec(path);
  if (questions) return answerQuestions(deps, user, method, questions);
  return json(404, { error: "no such endpoint" });
}

/**
 * `GET questions/<session>`: its questions for its organizers, moderator and speakers (403 for anyone else);
 * `POST questions/<session>/<question>/approve|hide|answer` moderates one, checked the same way.
 */
function answerQuestions(deps: WebappDeps, user: User, method: string, m: RegExpExecArray): Answer {
  const [, rawId, questionId, action] = m;
  let id: string;
  try {
    id = decodeURIComponent(rawId as string);
  } catch {
    return json(404, { error: "no such session" });
  }
  const session = deps.catalog.session(id);
  if (!session) return json(404, { error: "no such session" });
  const organizers = deps.organizerIds ?? [];
  const role = roleFor(deps.db, organizers, user.id, session);
  if (role === "attendee") return json(403, { error: "not a moderator of this session" });
  if (!action) {
    if (method !== "GET" && method !== "HEAD") return notAllowed("GET");
  } else {
    if (method !== "POST") return notAllowed("POST");
    const done = moderateQuestion(
      deps.db,
      organizers,
      session,
      Number(questionId),
      action as ModerationAction,
      user.id,
      deps.clock(),
    );
    if (!done.ok)
      return json(done.problem === "forbidden" ? 403 : 404, { error: `question ${done.problem}` });
  }
  const body: ApiQuestions = {
    sessionId: session.id,
    role,
    moderated: isModerated(deps.db, deps.conferenceId ?? "main"),
    questions: listQuestions(deps.db, session.id, { scope: "moderation" }).map((q) => ({
      id: q.id,
      text: q.text,
      status: q.status === "pending" ? "pending" : "approved",
      votes: q.votes,
      answered: q.answeredAt !== null,
      createdAt: q.createdAt,
    })),
    ...(deps.screenKey
      ? {
          screenUrl: screenUrl(
            deps.publicUrl,
            deps.screenKey,
            deps.catalog.sessionKey(session.id),
            session.id,
          ),
        }
      : {}),
  };
  return json(200, body);
}

/** The sessions whose questions a user moderates (see {@link ApiMe.moderates}). */
function moderatedBy(deps: WebappDeps, userId: number): ApiMe["moderates"] {
  const all = (deps.organizerIds ?? []).includes(userId);
  const sessions = new Set<string>();
  for (const r of rolesOf(deps.db, userId)) {
    if (r.role === "moderator") sessions.add(r.target);
    else for (const s of deps.catalog.sessionsOf(r.target)) sessions.add(s.id);
  }
  return { all, sessions: [...sessions] };
}
