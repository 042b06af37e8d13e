/**
 * confbot's start-up (`npm start`): configuration → logger → database → programme → catalog → bot → mode.
 *
 * - BOT_TOKEN set: Telegram. Long polling with @grammyjs/runner, or a webhook server when WEBHOOK_URL is set.
 * - BOT_TOKEN unset: the local console — the same bot chatting in this terminal; logs go to a file (LOG_FILE,
 *   console.log beside the database), or to stderr when LOG_LEVEL is set.
 *
 * SIGINT and SIGTERM stop gracefully: no new updates, the ones in hand finish, the server and the database close.
 */
import { randomBytes } from "node:crypto";
import { fstatSync } from "node:fs";
import { userInfo } from "node:os";
import { dirname, join } from "node:path";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import { localBotInfo } from "./bot/bot-info.js";
import { registerCommands } from "./bot/commands.js";
import { runConsole } from "./bot/console/console-chat.js";
import { consoleGreeting, deliverBeforeExit } from "./bot/console/console-extras.js";
import { LocalTelegram } from "./bot/console/local-telegram.js";
import type { BotDeps } from "./bot/context.js";
import { createBot } from "./bot/create-bot.js";
import { createSeriesDeps, prepareIndexSoon } from "./bot/deps.js";
import { registerAdminCommands, startOrganizerJobs } from "./bot/features/admin/jobs.js";
import { createI18n } from "./bot/i18n.js";
import { type RemindersRuntime, sendLimiter, startReminders } from "./bot/reminders.js";
import { startPolling } from "./bot/run-polling.js";
import { startWebhook } from "./bot/run-webhook.js";
import { createDispatchApi } from "./bot/transport.js";
import { webappFollows } from "./bot/views/follows.js";
import { setMenuButton } from "./bot/webapp-buttons.js";
import { demoClock, systemClock } from "./clock.js";
import type { CodeCacheState } from "./code-cache.js";
import { type ConferenceSpec, ConferencesConfigError, configuredConferences } from "./conferences/config.js";
import type { ConferenceRuntime } from "./conferences/registry.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import type { Programme } from "./programme/model.js";
import { ProgrammeService } from "./programme/service.js";
import { fetchLimits, sourceName } from "./programme/source.js";
import { SourceSync } from "./programme/sync.js";
import { loadStartupProgramme } from "./startup.js";
import { adoptSoleConference, registerConference } from "./store/conferences.js";
import { DatabaseOpenError, type Db, openDatabase } from "./store/db.js";
import { appUrl, browserLaunchUrl } from "./webapp/links.js";
import { screenKey } from "./webapp/screen-link.js";
import type { WebappDeps } from "./webapp/server/deps.js";
import { signInitData } from "./webapp/server/init-data.js";
import { createWebappHandler } from "./webapp/server/routes.js";
import { startWebappServer, type WebappServer } from "./webapp/server/server.js";
import { WEBAPP_DIST } from "./webapp/server/static-dir.js";

/** The identity the bot has in console mode, where nothing asks Telegram. */
const CONSOLE_BOT: UserFromGetMe = localBotInfo({
  id: 1,
  first_name: "confbot",
  username: "confbot_local_bot",
});

/** How long stopping may take before the process exits anyway: inside a container's 10 s grace period. */
const STOP_DEADLINE_MS = 8000;

/**
 * Each conference's programme at start-up (see loadStartupProgramme), by conference id; a conference whose
 * source is broken and whose database holds none is missing, and the log says so. In a function of its own so
 * that nothing of the loading outlives it.
 */
async function loadProgrammes(
  runtimes: readonly ConferenceRuntime[],
  config: Config,
  logger: Logger,
): Promise<Map<string, Programme>> {
  const programmes = new Map<string, Programme>();
  for (const r of runtimes) {
    const log = runtimes.length > 1 ? logger.child({ conference: r.spec.id }) : logger;
    const loaded = await loadStartupProgramme(
      r.service,
      r.spec.source,
      log,
      r.sync,
      r.spec.timezone,
      fetchLimits(config).maxBytes,
    );
    if (loaded) programmes.set(r.spec.id, loaded.programme);
    else if (!r.spec.isDefault)
      log.error("no usable programme: this conference is not served until its source works");
  }
  return programmes;
}

/** Set when a signal stopped the start-up: its calls are left behind, and the process exits once cleaned up. */
let abandoned = false;

/** Thrown into the start-up when a signal came before it finished. */
class StoppedDuringStartup extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`${signal} during start-up`);
  }
}

/**
 * Resolves on the first SIGINT or SIGTERM, and from then on bounds the stop: whatever still waits after
 * STOP_DEADLINE_MS (a stalled Bot API holding a send or a long poll) is left, and the process exits. Sends
 * cut off so are the ones a crash would leave (the README's duplicate bound).
 */
function shutdownSignal(logger: { error: (obj: object, msg: string) => void }): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      setTimeout(() => {
        logger.error({ signal, deadlineMs: STOP_DEADLINE_MS }, "did not stop in time; exiting now");
        process.exit(process.exitCode ?? 0);
      }, STOP_DEADLINE_MS).unref();
      resolve(signal);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/**
 * Whether the console chat has someone to talk to: a terminal, or input piped or redirected from a file
 * (`printf 'flask\n' | npm start`). Not /dev/null or a closed stdin — a detached container.
 */
function hasConsoleInput(): boolean {
  if (process.stdin.isTTY) return true;
  try {
    const st = fstatSync(0);
    return st.isFIFO() || st.isFile() || st.isSocket();
  } catch {
    return false;
  }
}

/** The console user's Telegram id (CONSOLE_ORGANIZER=1 makes it an organizer; README names it). */
const CONSOLE_USER_ID = 1_000_001;

/** The console user: the local account's name, and Russian when the terminal's locale is. */
function consoleUser() {
  let name = "friend";
  try {
    name = userInfo().username || name;
  } catch {
    // Some containers have no passwd entry; keep the default.
  }
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  return {
    id: CONSOLE_USER_ID,
    first_name: name,
    language_code: locale.toLowerCase().startsWith("ru") ? "ru" : "en",
  };
}

/** The Mini App server's dependencies: the bot's own database, catalog and clock. */
function webappDeps(deps: BotDeps, botToken: string, publicUrl: string, botUsername: string): WebappDeps {
  return {
    db: deps.db,
    catalog: deps.catalog,
    clock: deps.clock,
    authClock: systemClock,
    logger: deps.logger,
    botToken,
    publicUrl,
    botUsername,
    defaultReminderMinutes: deps.config.DEFAULT_REMINDER_MINUTES,
    maxAuthAgeSeconds: deps.config.WEBAPP_AUTH_MAX_AGE,
    staticDir: WEBAPP_DIST,
    conferenceId: deps.conference.id,
    organizerIds: deps.conferences.organizersOf(deps.conference.id),
    screenKey: screenKey(botToken),
    scope: (by) => deps.conferences.scope(by),
    // A series: the agenda and the feed list the follows of every conference.
    ...(deps.conferences.size > 1 ? { follows: webappFollows(deps) } : {}),
  };
}

/**
 * Console mode serves the Mini App on localhost (PORT, or any free port when that one is taken), signing its
 * launch links for the console user with a key made up for this run. Undefined when it cannot listen at all.
 */
async function startConsoleWebapp(deps: BotDeps, user: ReturnType<typeof consoleUser>) {
  const token = `0:${randomBytes(24).toString("base64url")}`;
  const web = webappDeps(deps, token, "", CONSOLE_BOT.username);
  let server: WebappServer;
  try {
    server = await startWebappServer(createWebappHandler(web), {
      port: deps.config.PORT,
      host: "127.0.0.1",
      fallbackToAnyPort: true,
    });
  } catch (e) {
    deps.logger.warn({ err: (e as Error).message }, "the Mini App is not served");
    return undefined;
  }
  web.publicUrl = `http://127.0.0.1:${server.port}`;
  deps.webapp = { publicUrl: web.publicUrl, screenKey: screenKey(token) };
  const link = (url: string) => browserLaunchUrl(url, signInitData({ user, authDate: systemClock() }, token));
  return { server, link, home: link(appUrl(web.publicUrl)) };
}

async function main(codeCache?: CodeCacheState): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    return 1;
  }
  const consoleMode = !config.BOT_TOKEN;
  const dataDir = dirname(config.DATABASE_PATH);
  const logFile = config.LOG_FILE ?? join(dataDir, "console.log");
  // In console mode stdout is the chat: logs go to a file, or to stderr when LOG_LEVEL asks for them.
  const logger = !consoleMode
    ? createLogger(config.LOG_LEVEL, "stdout")
    : config.LOG_LEVEL_SET
      ? createLogger(config.LOG_LEVEL, "stderr")
      : createLogger(config.LOG_LEVEL, { file: logFile });
  if (codeCache) logger.info({ codeCache }, "bundle loaded");
  if (consoleMode && config.CONSOLE_ORGANIZER) config.ADMIN_IDS = [...config.ADMIN_IDS, CONSOLE_USER_ID];

  let specs: ConferenceSpec[];
  try {
    specs = configuredConferences(config);
  } catch (e) {
    if (!(e instanceof ConferencesConfigError)) throw e;
    console.error(`Invalid configuration:\n${e.message}`);
    return 1;
  }
  let db: Db;
  try {
    db = openDatabase(config.DATABASE_PATH);
  } catch (e) {
    if (!(e instanceof DatabaseOpenError)) throw e;
    console.error(`confbot: ${e.message}`);
    return 1;
  }
  // One clock for everything (now/next, reminders, notices, /my): DEMO_NOW starts it at a past moment.
  const clock = config.DEMO_NOW === undefined ? systemClock : demoClock(config.DEMO_NOW);
  // ── The conferences (src/conferences): each has its programme service, and with a URL a sync that follows
  // the published schedule, fetching it at start, every `poll` (PROGRAMME_POLL) seconds and on /reload.
  const defaultSpec = specs.find((s) => s.isDefault) ?? specs[0];
  if (!defaultSpec) throw new Error("no conference configured");
  if (
    adoptSoleConference(
      db,
      specs.map((s) => s.id),
      defaultSpec.id,
    )
  )
    logger.info(
      { conference: defaultSpec.id },
      "the database's single conference is now the default conference",
    );
  for (const spec of specs) registerConference(db, spec.id, clock());
  let nudge = () => {};
  const runtimes: ConferenceRuntime[] = specs.map((spec) => {
    const service = new ProgrammeService({
      db,
      clock,
      defaultMinutes: config.DEFAULT_REMINDER_MINUTES,
      conference: spec.id,
    });
    const source = spec.source;
    const sync =
      source.kind === "url"
        ? new SourceSync({
            db,
            service,
            clock,
            url: source.url,
            limits: fetchLimits(config),
            organizerIds: [...new Set([...spec.organizers, ...config.ADMIN_IDS])],
            ...(spec.timezone ? { timezone: spec.timezone } : {}),
            onQueued: () => nudge(),
            onError: (err) =>
              logger.warn(
                { conference: spec.id, err: err instanceof Error ? err.message : String(err) },
                "programme sync failed",
              ),
          })
        : undefined;
    return { spec, service, ...(sync ? { sync } : {}) };
  });
  const programmes = await loadProgrammes(runtimes, config, logger);
  const unserved = runtimes.find((r) => r.spec.isDefault && !programmes.has(r.spec.id));
  if (unserved) {
    console.error(
      `confbot: no usable programme: ${sourceName(unserved.spec.source)} is broken and the database has none` +
        (consoleMode && !config.LOG_LEVEL_SET ? ` (its problems are in ${logFile})` : ""),
    );
    db.close();
    return 1;
  }
  const deps: BotDeps = createSeriesDeps(
    { config, db, i18n: createI18n(), clock, logger },
    runtimes,
    programmes,
  );
  // The catalogues hold the programmes now: a reload replaces them there, and this long-lived frame must not
  // keep the first versions (a FOSDEM-sized programme is megabytes).
  programmes.clear();
  // Another process (`programme load`) may change a programme beside the running bot: a cheap check every
  // second swaps the catalogue; the dispatcher, which polls the outbox, sends the notices it queued.
  const stopWatching = runtimes.map((r) =>
    r.service.watch(1000, (err) =>
      logger.error({ err, conference: r.spec.id }, "programme version check failed"),
    ),
  );
  for (const r of runtimes) r.sync?.start(r.spec.poll ?? config.PROGRAMME_POLL);
  const stopProgramme = async () => {
    await Promise.all(runtimes.map((r) => r.sync?.stop()));
    for (const stop of stopWatching) stop();
  };

  if (consoleMode && !hasConsoleInput()) {
    // `docker run -d` without BOT_TOKEN: a console would read end of input at once and exit 0, and a restart
    // policy would start it again and again. Say what is missing instead.
    console.error(
      "confbot: BOT_TOKEN is not set. Set it to the token @BotFather gave you to run the bot on Telegram; " +
        "the console chat (no BOT_TOKEN) needs a terminal or piped input (docker run -it, or printf 'flask\\n' | npm start).",
    );
    await stopProgramme();
    db.close();
    return 1;
  }

  if (!config.BOT_TOKEN) {
    const bot = createBot("0:local-console", deps, { botInfo: CONSOLE_BOT });
    const telegram = new LocalTelegram(CONSOLE_BOT, clock, 0, join(dataDir, "sent"));
    bot.api.config.use(telegram.transformer());
    // Reminders run in the console too: they arrive through the same local Telegram and print in the chat.
    const reminders = startReminders(deps, bot.api);
    nudge = () => reminders.dispatcher.nudge();
    // Organizers: broadcast progress and SIGHUP → reload, as in the server modes.
    const organizer = startOrganizerJobs(bot.api, deps, { active: () => reminders.lease.held() });
    const interactive = Boolean(process.stdin.isTTY);
    const user = consoleUser();
    const webapp = await startConsoleWebapp(deps, user);
    prepareIndexSoon(deps.catalog, logger);
    try {
      await runConsole({
        bot,
        telegram,
        input: process.stdin,
        output: process.stdout,
        user,
        interactive,
        greeting: [
          ...consoleGreeting(deps, config, logFile),
          ...(webapp ? [`🗓 The grid (the Mini App) in your browser: ${webapp.home}`] : []),
        ],
        webAppLink: webapp?.link,
      });
      // The chat ends with its input: first deliver what the bot still has to send (a broadcast and its summary).
      await deliverBeforeExit(deps, reminders, organizer);
    } finally {
      await webapp?.server.close();
      await stopProgramme();
      await reminders.stop();
      await organizer.stop();
      db.close();
    }
    return 0;
  }

  // One send budget for the process: the bot's replies and the outbox dispatcher take turns on it.
  const limiter = sendLimiter(config, clock());
  // Each update once, whichever process or delivery it reaches (webhook re-deliveries, a second replica).
  const bot = createBot(config.BOT_TOKEN, deps, {
    apiRoot: config.BOT_API_ROOT,
    oncePerUpdate: true,
    limiter,
  });
  // ── Organizers: the broadcast progress message (resumed after a restart) and SIGHUP → reload PROGRAMME_PATH.
  // Started first and stopped last, so that a SIGHUP never falls back to its default (ending the process).
  let reminders: RemindersRuntime | undefined;
  const organizer = startOrganizerJobs(bot.api, deps, { active: () => reminders?.lease.held() ?? false });
  let webServer: WebappServer | undefined;
  const signal = shutdownSignal(logger);
  // A signal during start-up (the API unreachable, calls retrying) stops it at once, not after the calls.
  const unlessStopped = <T>(step: Promise<T>): Promise<T> =>
    Promise.race([
      step,
      signal.then((s): never => {
        throw new StoppedDuringStartup(s);
      }),
    ]);
  try {
    await unlessStopped(bot.init());
    await unlessStopped(registerCommands(bot.api, deps.i18n));
    await unlessStopped(registerAdminCommands(bot.api, deps));
    // ── Reminders and the outbox (src/delivery): a cron tick queues due reminders; the dispatcher sends every
    // queued reminder, notice and broadcast through a raw Api without auto-retry, so it sees 429s itself.
    const running = startReminders(deps, createDispatchApi(config.BOT_TOKEN, config.BOT_API_ROOT), {
      organizerApi: bot.api,
      limiter,
    });
    reminders = running;
    nudge = () => running.dispatcher.nudge();
    // ── The Mini App (WEBAPP_URL): served by the webhook server, or by a server of its own when polling.
    const routes = config.WEBAPP_URL
      ? createWebappHandler(webappDeps(deps, config.BOT_TOKEN, config.WEBAPP_URL, bot.botInfo.username))
      : undefined;
    if (config.WEBAPP_URL) {
      deps.webapp = { publicUrl: config.WEBAPP_URL, screenKey: screenKey(config.BOT_TOKEN) };
      await unlessStopped(setMenuButton(bot.api, appUrl(config.WEBAPP_URL), deps));
    }
    if (config.WEBHOOK_URL) {
      const server = await unlessStopped(
        startWebhook(
          bot,
          { url: config.WEBHOOK_URL, port: config.PORT, secret: config.WEBHOOK_SECRET, routes },
          logger,
        ),
      );
      prepareIndexSoon(deps.catalog, logger);
      logger.info({ signal: await signal }, "shutting down");
      await server.close();
    } else {
      webServer = routes ? await startWebappServer(routes, { port: config.PORT }) : undefined;
      if (webServer) logger.info({ port: webServer.port }, "Mini App server started");
      const polling = await unlessStopped(startPolling(bot, logger));
      prepareIndexSoon(deps.catalog, logger);
      try {
        const ended = polling.task() ?? Promise.resolve();
        const reason = await Promise.race([signal, ended.then(() => "polling ended" as const)]);
        logger.info({ reason }, "shutting down");
      } finally {
        // The updates in hand get most of the deadline; the outbox's sends in flight what is left.
        await polling.stop(STOP_DEADLINE_MS / 2);
      }
    }
  } catch (e) {
    if (!(e instanceof StoppedDuringStartup)) throw e;
    logger.info({ signal: e.signal }, "stopped during start-up");
    // The start-up's calls still retry in the background: nothing of theirs is wanted any more.
    abandoned = true;
  } finally {
    // Also after a failure (Telegram refused polling, the port is taken): nothing may keep running. Sends in
    // flight finish and are recorded before the database closes.
    await webServer?.close();
    await stopProgramme();
    await reminders?.stop();
    await organizer.stop();
    db.close();
  }
  logger.info("stopped");
  return 0;
}

/**
 * Runs the bot, leaving main's exit code to the process. `codeCache`: how the bundle's loader
 * (src/bundle-main.ts) found V8's code cache, for the log.
 */
export function start(codeCache?: CodeCacheState): void {
  main(codeCache).then(
    (code) => {
      process.exitCode = code;
      if (abandoned) process.exit(code);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exitCode = 1;
    },
  );
}

/** Defined (by scripts/build.mjs) in the bundle, whose loader starts the bot once it has read the code cache. */
declare const __BUNDLE_LOADER__: boolean | undefined;
// Run from source (`tsx src/main.ts`), the module starts the bot itself.
if (typeof __BUNDLE_LOADER__ === "undefined") start();
