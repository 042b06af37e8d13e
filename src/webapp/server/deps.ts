import type { Logger } from "pino";
import type { Catalog } from "../../catalog.js";
import type { Clock } from "../../clock.js";
import type { Session } from "../../programme/model.js";
import type { Db } from "../../store/db.js";

/** What the Mini App's server needs: the bot's own database and catalog (same subscriptions), and its token. */
export interface WebappDeps {
  db: Db;
  catalog: Catalog;
  /** The bot's clock (DEMO_NOW may set it in the past): "now" for the programme. */
  clock: Clock;
  /** The real time, which init data's auth_date is checked against (Telegram signs with the real time). */
  authClock: Clock;
  logger: Logger;
  /** The token init data is signed with (the bot's; a random one in console mode). */
  botToken: string;
  /** The public base URL of this server (WEBAPP_URL): feed links are made from it. */
  publicUrl: string;
  /** The bot's username, for t.me links (feeds link each event to its session in the app). */
  botUsername?: string;
  /** Reminder lead for users who picked none. */
  defaultReminderMinutes: number;
  /** Init data older than this is refused (seconds). */
  maxAuthAgeSeconds: number;
  /** The built front end (webapp/dist). */
  staticDir: string;
  /** The conference served (its id: the questions' moderation switch is per conference); "main" when absent. */
  conferenceId?: string;
  /** The conference's organizers (its own and the deployment's owners): they moderate its questions. */
  organizerIds?: readonly number[];
  /** The key room screens' links are signed with (src/webapp/screen-link.ts); no screens without it. */
  screenKey?: Buffer;
  /**
   * A deployment of several conferences: the catalogue and organizers of the conference a request acts in —
   * the one `requested` names (`?conference=`), else the user's current one — or of the conference holding a
   * session key. Undefined for a conference the deployment does not serve. Without it, `catalog` is all.
   */
  scope?: (by: ConferenceScope) => Pick<WebappDeps, "catalog" | "organizerIds" | "conferenceId"> | undefined;
  /**
   * A deployment of several conferences: the sessions a user follows at every one, by conference (running and
   * upcoming first), each with its catalogue — for the agenda's other conferences and the calendar feed.
   */
  follows?: (userId: number) => FollowsAt[];
}

/** The sessions a user follows at one conference (see {@link WebappDeps.follows}). */
export interface FollowsAt {
  conferenceId: string;
  catalog: Catalog;
  sessions: Session[];
}

/** What a request's conference is found by. */
export type ConferenceScope = { user: string | null; requested: string | null } | { sessionKey: number };

/** The dependencies within the conference `by` finds; undefined when it finds none. */
export function scoped(deps: WebappDeps, by: ConferenceScope): WebappDeps | undefined {
  if (!deps.scope) return deps;
  const found = deps.scope(by);
  return found && { ...deps, ...found };
}
