import { DateTime } from "luxon";
import { validate as isCronExpression } from "node-cron";
import { z } from "zod";
import { REMINDER_CHOICES } from "./delivery/planner.js";
import { normaliseZone } from "./programme/formats/time.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const positiveInt = (name: string, def: number) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .positive(`${name} must be greater than 0`)
    .default(def);

/**
 * Whether `id` is a Telegram user id: positive and exactly representable (ids beyond 2^53 would be rounded to
 * someone else's; negative ids are chats, never users).
 */
function isTelegramUserId(id: string): boolean {
  return /^\d+$/.test(id) && Number(id) > 0 && Number.isSafeInteger(Number(id));
}
const DAY_MS = 24 * 60 * 60 * 1000;

/** A duration such as `14d`, `36h` or `90m` (a bare number counts days) in milliseconds. */
const duration = (name: string, def: string, minMs: number, minText: string) =>
  z
    .string()
    .default(def)
    .transform((s, ctx) => {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(d|h|m)?\s*$/i.exec(s);
      if (!m) {
        ctx.addIssue({
          code: "custom",
          message: `${name} must be a duration such as 14d, 36h or 90m, got "${s}"`,
        });
        return z.NEVER;
      }
      const unit = (m[2] ?? "d").toLowerCase();
      const ms = Number(m[1]) * (unit === "d" ? DAY_MS : unit === "h" ? 3_600_000 : 60_000);
      if (ms < minMs) {
        ctx.addIssue({ code: "custom", message: `${name} must be at least ${minText}, got "${s}"` });
        return z.NEVER;
      }
      return ms;
    });

const flag = (name: string) =>
  z
    .enum(["0", "1", "true", "false", "yes", "no"], { message: `${name} must be 1 or 0` })
    .default("0")
    .transform((v) => v === "1" || v === "true" || v === "yes");

const schema = z.object({
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, "BOT_TOKEN must look like 123456:ABC-DEF… (from @BotFather)")
    .optional(),
  BOT_API_ROOT: z
    .url("BOT_API_ROOT must be a URL such as http://localhost:8081")
    .default("https://api.telegram.org")
    .transform((url) => url.replace(/\/+$/, "")), // grammY wants no trailing slash
  DATABASE_PATH: z.string().min(1).default("var/confbot.sqlite"),
  // The deployment's conferences (src/conferences/config.ts); PROGRAMME_PATH or PROGRAMME_URL alone make a
  // deployment of one; with none of them the committed PyCon Russia series is served.
  CONFERENCES: z.string().min(1).optional(),
  PROGRAMME_PATH: z.string().min(1).optional(),
  PROGRAMME_TIMEZONE: z
    .string()
    .refine(
      (tz) => normaliseZone(tz) !== undefined,
      "PROGRAMME_TIMEZONE must be an IANA timezone such as Europe/Brussels, or an offset such as UTC+01:00",
    )
    .transform((tz) => normaliseZone(tz) ?? tz)
    .optional(),
  // A published schedule to follow instead of PROGRAMME_PATH (see src/programme/sync.ts).
  PROGRAMME_URL: z
    .url({ protocol: /^https?$/, message: "PROGRAMME_URL must be an http or https URL" })
    .optional(),
  PROGRAMME_POLL: positiveInt("PROGRAMME_POLL", 300),
  PROGRAMME_FETCH_TIMEOUT: positiveInt("PROGRAMME_FETCH_TIMEOUT", 30),
  PROGRAMME_MAX_MB: positiveInt("PROGRAMME_MAX_MB", 50),
  ADMIN_IDS: z
    .string()
    .default("")
    .transform((s, ctx) => {
      const ids = s.split(/[\s,]+/).filter(Boolean);
      const bad = ids.filter((id) => !isTelegramUserId(id));
      if (bad.length)
        ctx.addIssue({
          code: "custom",
          message: `ADMIN_IDS must be Telegram user ids (whole numbers from 1 to ${Number.MAX_SAFE_INTEGER}), got ${bad.join(", ")}`,
        });
      return ids.map(Number);
    }),
  WEBHOOK_URL: z.url({ protocol: /^https$/, message: "WEBHOOK_URL must be an https URL" }).optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "WEBHOOK_SECRET may hold only A-Z, a-z, 0-9, _ and - (1–256 characters)")
    .optional(),
  PORT: positiveInt("PORT", 8080),
  WEBAPP_URL: z
    .url({ protocol: /^https$/, message: "WEBAPP_URL must be an https URL such as https://bot.example.org" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  WEBAPP_AUTH_MAX_AGE: positiveInt("WEBAPP_AUTH_MAX_AGE", 24 * 60 * 60),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).optional(),
  REMINDER_TICK: z
    .string()
    .refine(
      (expr) => isCronExpression(expr),
      'REMINDER_TICK must be a cron expression such as "*/30 * * * * *"',
    )
    .default("*/30 * * * * *"),
  // One of the lead times /settings offers, or /settings would tick none of them.
  DEFAULT_REMINDER_MINUTES: positiveInt("DEFAULT_REMINDER_MINUTES", 10).refine(
    (m) => (REMINDER_CHOICES as readonly number[]).includes(m),
    `DEFAULT_REMINDER_MINUTES must be one of ${REMINDER_CHOICES.join(", ")} (the lead times /settings offers)`,
  ),
  SEND_RATE: positiveInt("SEND_RATE", 25),
  // How long after a followed session ends its followers are asked how it was (minutes).
  RATING_PROMPT_MINUTES: positiveInt("RATING_PROMPT_MINUTES", 5),
  // Organizers are told when a session's followers pass this share of its room's capacity (percent).
  CAPACITY_ALERT_PERCENT: positiveInt("CAPACITY_ALERT_PERCENT", 80),
  // The demo clock: the bot's time starts at this instant and runs on in real time (try a past conference live).
  DEMO_NOW: z
    .string()
    .transform((s, ctx) => {
      const t = DateTime.fromISO(s, { setZone: true });
      if (!t.isValid || !/(?:Z|[+-]\d\d:?\d\d)$/i.test(s)) {
        ctx.addIssue({
          code: "custom",
          message: `DEMO_NOW must be an ISO 8601 instant with a UTC offset, such as 2013-02-24T09:47:00+06:00, got "${s}"`,
        });
        return z.NEVER;
      }
      return t.toMillis();
    })
    .optional(),
  // Console mode only: the console user is an organizer (sees and may use the organizer commands).
  CONSOLE_ORGANIZER: z
    .enum(["0", "1", "false", "true", "no", "yes"], {
      message: "CONSOLE_ORGANIZER must be 1 or 0 (true/false, yes/no)",
    })
    .transform((v) => ["1", "true", "yes"].includes(v))
    .default(false),
  // Where console mode writes its log lines (stdout is the chat; default: console.log beside the database).
  // LOG_LEVEL set explicitly sends them to stderr instead.
  LOG_FILE: z.string().min(1).optional(),
  DISPATCH_LEASE_SECONDS: positiveInt("DISPATCH_LEASE_SECONDS", 15),
  // Paid broadcasts (allow_paid_broadcast): enable them for the bot in Telegram first; each message costs Stars.
  PAID_BROADCAST: flag("PAID_BROADCAST"),
  PAID_SEND_RATE: positiveInt("PAID_SEND_RATE", 1000).refine(
    (n) => n <= 1000,
    "PAID_SEND_RATE must be at most 1000 (Telegram's limit for paid broadcasts)",
  ),
  // Finished outbox rows are kept this long. At least a day: the first tick after a restart looks a day
  // back for reminders missed while the bot was down, and must still find the ones that were sent.
  OUTBOX_RETENTION: duration("OUTBOX_RETENTION", "14d", DAY_MS, "1d"),
  // How long a notice or broadcast is retried through an outage (network errors, 5xx) before it is given up;
  // a reminder is retried until its session starts.
  OUTBOX_RETRY_FOR: duration("OUTBOX_RETRY_FOR", "12h", 60_000, "1m"),
  // Questions to the speaker: asked from this many minutes before a session starts until this many after it ends.
  QUESTIONS_OPEN_BEFORE: positiveInt("QUESTIONS_OPEN_BEFORE", 15),
  QUESTIONS_CLOSE_AFTER: positiveInt("QUESTIONS_CLOSE_AFTER", 30),
  // A question's length (characters), how many one user may ask per session, and how often (seconds apart).
  QUESTION_MAX_CHARS: positiveInt("QUESTION_MAX_CHARS", 300).refine(
    (n) => n <= 1000,
    "QUESTION_MAX_CHARS must be at most 1000",
  ),
  QUESTIONS_PER_SESSION: positiveInt("QUESTIONS_PER_SESSION", 3),
  QUESTION_INTERVAL: positiveInt("QUESTION_INTERVAL", 60),
});

const withDerived = schema.transform(({ LOG_LEVEL, ...rest }) => ({
  ...rest,
  LOG_LEVEL: LOG_LEVEL ?? "info",
  /** Whether LOG_LEVEL was given (in console mode that sends the log to stderr instead of LOG_FILE). */
  LOG_LEVEL_SET: LOG_LEVEL !== undefined,
}));

/** Validated configuration, read once at start-up. */
export type Config = z.output<typeof withDerived>;

/** Thrown when the environment holds a bad value; the message names every bad variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates configuration from an environment; empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = withDerived.safeParse(present);
  const lines = result.success
    ? []
    : result.error.issues.map((i) => `  ${String(i.path[0] ?? "")}: ${i.message}`);
  if (present.CONFERENCES && (present.PROGRAMME_PATH || present.PROGRAMME_URL))
    lines.push(
      "  CONFERENCES: the conferences file names each conference's programme; unset PROGRAMME_PATH and PROGRAMME_URL",
    );
  if (present.PROGRAMME_PATH && present.PROGRAMME_URL)
    lines.push(
      "  PROGRAMME_URL: set either PROGRAMME_PATH (a file) or PROGRAMME_URL (a published schedule), not both",
    );
  if (!result.success || lines.length) throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  return result.data;
}
