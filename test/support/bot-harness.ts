/**
 * A bot for feature tests: the real createBot with real dependencies (SQLite in a temp dir, the i18n, a
 * Catalog of a test programme, a settable clock), whose Bot API calls go to an in-memory Telegram that
 * records them and answers like Telegram (message ids, limits, HTML checks). Updates go in through
 * bot.handleUpdate, built the way Telegram builds them.
 */
import { join } from "node:path";
import type { Bot } from "grammy";
import type { InlineKeyboardButton, Update, UserFromGetMe } from "grammy/types";
import { pino } from "pino";
import { localBotInfo } from "../../src/bot/bot-info.js";
import { UpdateFactory } from "../../src/bot/console/fake-updates.js";
import { parseTelegramHtml } from "../../src/bot/console/html.js";
import { type LocalCall, type LocalMessage, LocalTelegram } from "../../src/bot/console/local-telegram.js";
import type { BotContext, BotDeps } from "../../src/bot/context.js";
import { createBot } from "../../src/bot/create-bot.js";
import { createBotDeps, createSeriesDeps } from "../../src/bot/deps.js";
import { createI18n } from "../../src/bot/i18n.js";
import type { ConferenceRuntime } from "../../src/conferences/registry.js";
import { loadConfig } from "../../src/config.js";
import { validateImported } from "../../src/programme/formats/validate.js";
import type { Programme } from "../../src/programme/model.js";
import { validateProgramme } from "../../src/programme/read.js";
import { ProgrammeService } from "../../src/programme/service.js";
import { registerConference } from "../../src/store/conferences.js";
import { type Db, openDatabase } from "../../src/store/db.js";
import { loadProgramme } from "../../src/store/programme-store.js";
import { attendeeProgramme } from "./attendee-programme.js";
import { tempDir } from "./tmp.js";

/** The bot's identity in tests. */
export const TEST_BOT: UserFromGetMe = localBotInfo({
  id: 42,
  first_name: "TestConf bot",
  username: "testconf_bot",
  can_join_groups: true,
});

/** A Telegram user the test plays. */
export interface TestUser {
  id: number;
  first_name: string;
  language_code?: string;
}

/** A test bot and the means to talk to it. */
export interface Harness {
  bot: Bot<BotContext>;
  deps: BotDeps;
  telegram: LocalTelegram;
  /** Log lines at warn level or above (handler errors end up here). */
  logs: { level: number; msg: string; err?: unknown }[];
  /** Sets the clock. */
  setNow(iso: string): void;
  /** Feeds one raw update; resolves with the API calls the bot made while handling it. */
  update(update: Omit<Update, "update_id">): Promise<LocalCall[]>;
  /** The user writes a text (a /command gets its bot_command entity, as Telegram adds it). */
  send(user: TestUser, text: string): Promise<LocalCall[]>;
  /** The user presses a button of a message: by index in reading order, or the first whose label contains the text. */
  press(user: TestUser, message: LocalMessage, button: number | string): Promise<LocalCall[]>;
  /** A callback query with any data, as a forged or outdated button would send it. */
  pressData(user: TestUser, data: string, message?: LocalMessage): Promise<LocalCall[]>;
  /** The user types "@bot query" in some chat. */
  inline(user: TestUser, query: string): Promise<LocalCall[]>;
  /** The messages the bot has in a user's chat, oldest first. */
  chat(user: TestUser): LocalMessage[];
  /** The bot's latest message in a user's chat. */
  last(user: TestUser): LocalMessage;
  /**
   * A restart: closes this bot's database and builds a new bot, with the same options, on the same database
   * file, talking to the same Telegram (its chats and messages stay) with the clock where it was.
   */
  restart(): Harness;
}

/** What outlives a restart of the bot: the database file, Telegram, the clock and the update/query ids. */
interface World {
  databasePath: string;
  telegram: LocalTelegram;
  now: number;
  updates: UpdateFactory;
}

let nextUserId = 1000;

/** A new user (unique id), English unless `language_code` says otherwise. */
export function testUser(language_code = "en", first_name = "Alice"): TestUser {
  return { id: ++nextUserId, first_name, language_code };
}

/** The inline buttons of a message, in reading order. */
export function buttonsOf(m: LocalMessage): InlineKeyboardButton[] {
  const markup = m.replyMarkup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}

/** The labels of a message's buttons (inline or reply keyboard). */
export function labelsOf(m: LocalMessage): string[] {
  const markup = m.replyMarkup as { keyboard?: { text: string }[][] } | undefined;
  return markup?.keyboard ? markup.keyboard.flat().map((b) => b.text) : buttonsOf(m).map((b) => b.text);
}

/** The callback_data of every callback button of a message. */
export function callbackDataOf(m: LocalMessage): string[] {
  return buttonsOf(m).flatMap((b) => ("callback_data" in b ? [b.callback_data] : []));
}

/** What a harness is built from. */
export interface HarnessOptions {
  programme?: Programme;
  /** The programme was imported from a published schedule: validated as imports are (clashes allowed). */
  imported?: boolean;
  now?: string;
  env?: NodeJS.ProcessEnv;
  /** Handle each update_id once, as the Telegram modes do (createBot's `oncePerUpdate`). */
  oncePerUpdate?: boolean;
  /**
   * Several conferences in one deployment (`programme` is then unused): each stored through its own programme
   * service, as start-up does; the first is the default unless one says `default`.
   */
  conferences?: HarnessConference[];
}

/** One conference of a test deployment. */
export interface HarnessConference {
  id: string;
  programme: Programme;
  organizers?: number[];
  default?: boolean;
  /** Its programme file, for organizer commands that read it. */
  file?: string;
}

/** The conference runtimes of a test deployment, their programmes committed through their services. */
function seriesRuntimes(db: Db, conferences: HarnessConference[], clock: () => number): ConferenceRuntime[] {
  const hasDefault = conferences.some((c) => c.default);
  const specs = conferences.map((c, i) => ({
    c,
    spec: {
      id: c.id,
      source: { kind: "file" as const, path: c.file ?? "" },
      organizers: c.organizers ?? [],
      isDefault: hasDefault ? Boolean(c.default) : i === 0,
    },
  }));
  // The default registers first, as start-up does: it keeps its source's ids.
  specs.sort((a, b) => Number(b.spec.isDefault) - Number(a.spec.isDefault));
  return specs.map(({ c, spec }) => {
    registerConference(db, spec.id, clock());
    const service = new ProgrammeService({ db, clock, defaultMinutes: 10, conference: spec.id });
    service.commit(service.prepare(validateProgramme(c.programme, c.id)), { origin: "startup" });
    return { spec, service };
  });
}

/** Creates the harness; call inside a test (the database lives in a temp dir removed after it). */
export function createHarness(options: HarnessOptions = {}): Harness {
  // Telegram's clock is the harness's, through every restart.
  const telegram = new LocalTelegram(TEST_BOT, () => world.now);
  const world: World = {
    databasePath: join(tempDir(), "confbot.sqlite"),
    telegram,
    now: Date.parse(options.now ?? "2030-03-01T10:30:00+05:00"),
    updates: new UpdateFactory(telegram),
  };
  return buildHarness(options, world);
}

function buildHarness(options: HarnessOptions, world: World): Harness {
  const programme = options.imported
    ? validateImported(options.programme ?? attendeeProgramme(), "test programme")
    : validateProgramme(options.programme ?? attendeeProgramme(), "test programme");
  const db = openDatabase(world.databasePath);
  const clock = () => world.now;
  const logs: Harness["logs"] = [];
  const logger = pino({ level: "warn" }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const base = { config: loadConfig(options.env ?? {}), db, i18n: createI18n(), clock, logger };
  let deps: BotDeps;
  if (options.conferences) deps = createSeriesDeps(base, seriesRuntimes(db, options.conferences, clock));
  else {
    loadProgramme(db, programme, world.now);
    deps = createBotDeps(base);
  }
  const bot = createBot("42:test-token", deps, {
    botInfo: TEST_BOT,
    ...(options.oncePerUpdate ? { oncePerUpdate: true } : {}),
  });
  const telegram = world.telegram;
  bot.api.config.use(telegram.transformer());

  const feed = async (u: Update) => {
    const before = telegram.calls.length;
    await bot.handleUpdate(u);
    return telegram.calls.slice(before);
  };
  const update: Harness["update"] = (u) => feed(world.updates.raw(u));
  const pressData: Harness["pressData"] = (user, data, message) =>
    feed(world.updates.press(user, data, message));

  const chat = (user: TestUser) => telegram.messages(user.id).filter((m) => m.fromBot && !m.deleted);

  return {
    bot,
    deps,
    telegram,
    logs,
    setNow: (iso) => {
      world.now = Date.parse(iso);
    },
    update,
    send: (user, text) => feed(world.updates.text(user, text)),
    press: (user, message, button) => {
      const buttons = buttonsOf(message);
      const b =
        typeof button === "number" ? buttons[button] : buttons.find((x) => x.text.includes(button as string));
      if (!b || !("callback_data" in b))
        throw new Error(
          `no callback button ${JSON.stringify(button)} among ${JSON.stringify(buttons.map((x) => x.text))}`,
        );
      return pressData(user, b.callback_data, message);
    },
    pressData,
    inline: (user, query) => feed(world.updates.inline(user, query)),
    chat,
    last: (user) => {
      const messages = chat(user);
      const m = messages[messages.length - 1];
      if (!m) throw new Error(`the bot has not written to user ${user.id}`);
      return m;
    },
    restart: () => {
      db.close();
      return buildHarness(options, world);
    },
  };
}

/** What {@link newUser} and {@link newUserSends} start from: the harness's options and the user's language and name. */
export interface NewUserOptions extends Pick<HarnessOptions, "now" | "programme" | "env"> {
  lang?: string;
  name?: string;
}

/**
 * The opening of most feature tests: a fresh harness (its clock at `now`, with `programme` and `env`) and a
 * new user of it speaking `lang` (English by default), who has not written yet.
 */
export function newUser(options: NewUserOptions = {}): { h: Harness; user: TestUser } {
  const { lang, name, ...harness } = options;
  return { h: createHarness(harness), user: testUser(lang, name) };
}

/** A new user's first exchange with a fresh bot: see {@link newUserSends}. */
export interface FirstExchange {
  h: Harness;
  user: TestUser;
  /** The API calls the bot made for the user's text. */
  calls: LocalCall[];
  /** The bot's latest message in the user's chat right after it. */
  reply: LocalMessage;
}

/** {@link newUser} as an organizer of the conference (their id in ADMIN_IDS). */
export function newOrganizer(options: Omit<NewUserOptions, "env"> = {}): { h: Harness; user: TestUser } {
  const { lang, name, ...harness } = options;
  const user = testUser(lang, name);
  return { h: createHarness({ ...harness, env: { ADMIN_IDS: String(user.id) } }), user };
}

/** {@link newUser}, who has just sent `text` — a command, a /start deep link, a search — and the bot replied. */
export async function newUserSends(text: string, options: NewUserOptions = {}): Promise<FirstExchange> {
  const { h, user } = newUser(options);
  const calls = await h.send(user, text);
  return { h, user, calls, reply: h.last(user) };
}

/** The calls of a given method among `calls`. */
export function callsOf(calls: LocalCall[], method: string): LocalCall[] {
  return calls.filter((c) => c.method === method);
}

/** The text a message shows (tags removed, entities decoded), as the user reads it. */
export function textOf(m: LocalMessage): string {
  return telegramText(m.text, m.parseMode);
}

function telegramText(text: string, parseMode?: string): string {
  if (parseMode !== "HTML") return text;
  const parsed = parseTelegramHtml(text);
  if (!parsed.ok) throw new Error(`${parsed.error}: ${text}`);
  return parsed.text;
}
