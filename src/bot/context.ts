import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Context } from "grammy";
import type { i18n, TFunction } from "i18next";
import type { Logger } from "pino";
import type { Catalog } from "../catalog.js";
import type { Clock } from "../clock.js";
import type { ConferenceSpec } from "../conferences/config.js";
import type { Conferences } from "../conferences/registry.js";
import type { Config } from "../config.js";
import type { Lang } from "../programme/model.js";
import type { ProgrammeService } from "../programme/service.js";
import type { SourceSync } from "../programme/sync.js";
import type { Db } from "../store/db.js";
import type { User } from "../store/users.js";

/**
 * Everything the bot needs from the outside world; tests pass their own. One such object per conference: the
 * programme's fields are that conference's, and each update gets the one of its user's current conference.
 */
export interface BotDeps {
  config: Config;
  db: Db;
  /** The conference these dependencies serve (src/conferences/config.ts). */
  conference: ConferenceSpec;
  /** Every conference of the deployment, each with its own dependencies. */
  conferences: Conferences<BotDeps>;
  catalog: Catalog;
  /** The one way the programme changes (src/programme/service.ts); its listeners swap `catalog`. */
  programmeService: ProgrammeService;
  /** The published schedule followed, when the conference's programme is a URL. */
  sync?: SourceSync;
  i18n: i18n;
  clock: Clock;
  logger: Logger;
  /**
   * The Mini App, when it is served: its public base URL (WEBAPP_URL, or the console's local address) and the
   * key the room screens' links are signed with (src/webapp/screen-link.ts).
   */
  webapp?: { publicUrl: string; screenKey?: Buffer };
}

/** What our middleware adds to every context: dependencies, the user, and their language. */
export interface AppFlavor {
  deps: BotDeps;
  /** The stored user, when the update comes from one. */
  user: User | undefined;
  /**
   * Whether a question draft and a rating's wait for its comment were on when the update began (read with
   * the user; undefined when not read). Only "off" is worth trusting: the features that take the next
   * message as a question or a comment read their row when it says on, or when it is undefined.
   */
  waiting?: { question: boolean; comment: boolean };
  lang: Lang;
  /** i18next fixed to `lang` for this update. */
  t: TFunction;
}

/** The context type of the bot's middleware tree. */
export type BotContext = ConversationFlavor<Context & AppFlavor>;

/** The context type inside conversations (rebuilt on every replay by the plugins listed in create-bot). */
export type ConversationContext = Context & AppFlavor;
