import type { Api } from "grammy";
import { alertCrowdedSessions, CAPACITY_VIEW, roomCapacities } from "../delivery/capacity.js";
import { Dispatcher } from "../delivery/dispatcher.js";
import { Lease } from "../delivery/lease.js";
import { NOTICE_VIEW } from "../delivery/notices.js";
import { outboxHooks } from "../delivery/outcomes.js";
import { PROMPT_VIEW } from "../delivery/prompts.js";
import { RateLimiter } from "../delivery/rate-limiter.js";
import { type ReminderScheduler, startReminderScheduler } from "../delivery/scheduler.js";
import { SOURCE_VIEWS } from "../programme/sync.js";
import { ANSWERED_VIEW, PENDING_VIEW } from "../questions/service.js";
import type { BotDeps } from "./context.js";
import { tellOrganizers } from "./features/admin/tell.js";
import { createApiTransport } from "./transport.js";
import { capacityAlertView } from "./views/feedback.js";
import { noticeView } from "./views/notice.js";
import { createOutboxRenderer, type OutboxView } from "./views/outbox.js";
import { answeredNoticeView, pendingNoticeView } from "./views/questions.js";
import { ratingPromptOutboxView } from "./views/rating.js";
import { sourceBrokenView, sourceHeldView, sourceRecoveredView } from "./views/source.js";

/** The running reminder machinery: the tick that plans reminders and the dispatcher that drains the outbox. */
export interface RemindersRuntime {
  dispatcher: Dispatcher;
  scheduler: ReminderScheduler;
  /** The dispatch lease: only while this process holds it does it plan, send, and edit broadcast progress. */
  lease: Lease;
  /** Stops the tick, then the dispatcher, waiting for sends in flight to be recorded. */
  stop(): Promise<void>;
}

/** Options of {@link startReminders}. */
export interface StartRemindersOptions {
  /** Renderers of `{type: "view"}` outbox payloads by name, besides the change notice (NOTICE_VIEW). */
  views?: Record<string, OutboxView>;
  /** Sends awaited at once (and so the most messages a crash can duplicate); 10 by default. */
  maxInFlight?: number;
  /** How organizers are told that sending stopped or resumed (default: `api`). */
  organizerApi?: Api;
  /** The send budget shared with the bot's replies (see sendLimiter); the dispatcher's own when absent. */
  limiter?: RateLimiter;
}

/**
 * The process's one send budget: SEND_RATE messages per second shared by the bot's replies and the outbox,
 * plus the paid lane at PAID_SEND_RATE when PAID_BROADCAST=1.
 */
export function sendLimiter(config: BotDeps["config"], now: number): RateLimiter {
  return new RateLimiter(
    config.SEND_RATE,
    now,
    config.PAID_BROADCAST ? { paidRate: config.PAID_SEND_RATE } : {},
  );
}

/** The rate reminders go out at: the paid lane's with PAID_BROADCAST=1, else SEND_RATE. */
export function reminderRate(config: BotDeps["config"]): number {
  return config.PAID_BROADCAST ? config.PAID_SEND_RATE : config.SEND_RATE;
}

/**
 * Starts reminders: a node-cron tick (config REMINDER_TICK) queues due reminders in the outbox, and a
 * dispatcher sends everything queued (reminders, notices, broadcasts) at config SEND_RATE through `api`.
 * Pass a raw Api without auto-retry (createDispatchApi) so the dispatcher sees 429s itself; in console mode
 * the bot's own api, which a local transformer answers, so reminders print to the console.
 */
export function startReminders(
  deps: BotDeps,
  api: Api,
  options: StartRemindersOptions = {},
): RemindersRuntime {
  const { db, clock, logger, config } = deps;
  // Several processes may share the database (a rolling deploy, a second replica): one of them sends.
  const lease = new Lease({
    db,
    logger,
    ttlMs: config.DISPATCH_LEASE_SECONDS * 1000,
    onChange: (held) => held && dispatcher.nudge(),
  });
  const organizers = options.organizerApi ?? api;
  const dispatcher = new Dispatcher({
    db,
    ...outboxHooks(db),
    clock,
    logger,
    transport: createApiTransport(api),
    render: createOutboxRenderer(deps, {
      [NOTICE_VIEW]: noticeView,
      [SOURCE_VIEWS.broken]: sourceBrokenView,
      [SOURCE_VIEWS.recovered]: sourceRecoveredView,
      [SOURCE_VIEWS.held]: sourceHeldView,
      [ANSWERED_VIEW]: answeredNoticeView,
      [PROMPT_VIEW]: ratingPromptOutboxView,
      [CAPACITY_VIEW]: capacityAlertView,
      [PENDING_VIEW]: pendingNoticeView,
      ...options.views,
    }),
    limiter: options.limiter ?? sendLimiter(config, clock()),
    // Notices stay on the free lane: they are few, and an organizer's edit should not cost Stars.
    paidKinds: ["reminder", "broadcast"],
    retryForMs: config.OUTBOX_RETRY_FOR,
    ...(options.maxInFlight ? { maxInFlight: options.maxInFlight } : {}),
    mayDispatch: () => lease.held(),
    onHalt: (err) => {
      const error = err instanceof Error ? err.message : String(err);
      void tellOrganizers(
        organizers,
        deps,
        (t) => t("admin.delivery.halted", { error }),
        "that sending stopped",
      );
    },
    onResume: () =>
      void tellOrganizers(organizers, deps, (t) => t("admin.delivery.resumed"), "that sending resumed"),
  });
  lease.start();
  dispatcher.start();
  const scheduler = startReminderScheduler({
    db,
    clock,
    logger,
    tick: config.REMINDER_TICK,
    defaultMinutes: config.DEFAULT_REMINDER_MINUTES,
    rate: reminderRate(config),
    retentionMs: config.OUTBOX_RETENTION,
    promptDelayMs: config.RATING_PROMPT_MINUTES * 60_000,
    // Every conference's rooms, its organizers told of its crowded sessions.
    alsoOnTick: (now) =>
      deps.conferences.all().reduce(
        (news, c) =>
          news +
          alertCrowdedSessions(db, {
            now,
            capacities: roomCapacities(db, c.catalog.programme.conference.rooms, c.conference.id),
            percent: config.CAPACITY_ALERT_PERCENT,
            conference: c.conference.id,
            organizerIds: deps.conferences.organizersOf(c.conference.id),
          }),
        0,
      ) > 0,
    onEnqueued: () => dispatcher.nudge(),
    active: () => lease.held(),
  });
  logger.info(
    {
      tick: config.REMINDER_TICK,
      rate: config.SEND_RATE,
      paidRate: config.PAID_BROADCAST ? config.PAID_SEND_RATE : undefined,
    },
    "reminders started",
  );
  return {
    dispatcher,
    scheduler,
    lease,
    stop: async () => {
      await scheduler.stop();
      await dispatcher.stop();
      lease.stop();
    },
  };
}
