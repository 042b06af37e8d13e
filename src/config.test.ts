import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("gives every variable its documented default, treating empty values as unset", () => {
    const config = loadConfig({ BOT_TOKEN: "", PORT: "" });
    expect(config).toEqual({
      BOT_TOKEN: undefined,
      BOT_API_ROOT: "https://api.telegram.org",
      DATABASE_PATH: "var/confbot.sqlite",
      CONFERENCES: undefined,
      PROGRAMME_PATH: undefined,
      PROGRAMME_URL: undefined,
      PROGRAMME_POLL: 300,
      PROGRAMME_FETCH_TIMEOUT: 30,
      PROGRAMME_MAX_MB: 50,
      ADMIN_IDS: [],
      WEBHOOK_URL: undefined,
      WEBHOOK_SECRET: undefined,
      PORT: 8080,
      WEBAPP_URL: undefined,
      WEBAPP_AUTH_MAX_AGE: 86400,
      LOG_LEVEL: "info",
      LOG_LEVEL_SET: false,
      LOG_FILE: undefined,
      REMINDER_TICK: "*/30 * * * * *",
      DEFAULT_REMINDER_MINUTES: 10,
      SEND_RATE: 25,
      DEMO_NOW: undefined,
      CONSOLE_ORGANIZER: false,
      DISPATCH_LEASE_SECONDS: 15,
      PAID_BROADCAST: false,
      PAID_SEND_RATE: 1000,
      OUTBOX_RETENTION: 14 * 86_400_000,
      OUTBOX_RETRY_FOR: 12 * 3_600_000,
      CAPACITY_ALERT_PERCENT: 80,
      RATING_PROMPT_MINUTES: 5,
      QUESTIONS_OPEN_BEFORE: 15,
      QUESTIONS_CLOSE_AFTER: 30,
      QUESTION_MAX_CHARS: 300,
      QUESTIONS_PER_SESSION: 3,
      QUESTION_INTERVAL: 60,
    });
  });

  it("reads the outbox retention as a duration of at least a day, and paid broadcasts as a flag", () => {
    expect(loadConfig({ OUTBOX_RETENTION: "36h" }).OUTBOX_RETENTION).toBe(36 * 3_600_000);
    expect(loadConfig({ OUTBOX_RETRY_FOR: "30m" }).OUTBOX_RETRY_FOR).toBe(30 * 60_000);
    expect(loadConfig({ OUTBOX_RETENTION: "3" }).OUTBOX_RETENTION).toBe(3 * 86_400_000);
    expect(loadConfig({ PAID_BROADCAST: "1", PAID_SEND_RATE: "300" })).toMatchObject({
      PAID_BROADCAST: true,
      PAID_SEND_RATE: 300,
    });
    expect(() => loadConfig({ OUTBOX_RETENTION: "90m" })).toThrow(
      'OUTBOX_RETENTION: OUTBOX_RETENTION must be at least 1d, got "90m"',
    );
    expect(() => loadConfig({ OUTBOX_RETENTION: "two weeks" })).toThrow(
      "OUTBOX_RETENTION must be a duration such as 14d, 36h or 90m",
    );
    expect(() => loadConfig({ PAID_BROADCAST: "maybe" })).toThrow("PAID_BROADCAST must be 1 or 0");
    expect(() => loadConfig({ PAID_SEND_RATE: "5000" })).toThrow("PAID_SEND_RATE must be at most 1000");
  });

  it("parses what it is given", () => {
    const config = loadConfig({
      BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
      BOT_API_ROOT: "http://127.0.0.1:8081/",
      ADMIN_IDS: "11, 22 33",
      PORT: "3000",
      SEND_RATE: "10",
    });
    expect(config.ADMIN_IDS).toEqual([11, 22, 33]);
    expect(config.BOT_API_ROOT).toBe("http://127.0.0.1:8081");
    expect(config.PORT).toBe(3000);
    expect(config.SEND_RATE).toBe(10);
    expect(loadConfig({ WEBAPP_URL: "https://bot.example.org/confbot/" }).WEBAPP_URL).toBe(
      "https://bot.example.org/confbot",
    );
  });

  it("reads DEMO_NOW as an instant, CONSOLE_ORGANIZER as a switch, and notes an explicit LOG_LEVEL", () => {
    const config = loadConfig({
      DEMO_NOW: "2013-02-24T09:47:00+06:00",
      CONSOLE_ORGANIZER: "1",
      LOG_LEVEL: "debug",
    });
    expect(config.DEMO_NOW).toBe(Date.parse("2013-02-24T03:47:00Z"));
    expect(config.CONSOLE_ORGANIZER).toBe(true);
    expect(config.LOG_LEVEL_SET).toBe(true);
  });

  it("accepts only a lead time /settings offers, and only an instant with an offset as DEMO_NOW", () => {
    expect(loadConfig({ DEFAULT_REMINDER_MINUTES: "15" }).DEFAULT_REMINDER_MINUTES).toBe(15);
    expect(() => loadConfig({ DEFAULT_REMINDER_MINUTES: "7" })).toThrow(
      "DEFAULT_REMINDER_MINUTES must be one of 5, 10, 15, 30, 60",
    );
    expect(() => loadConfig({ DEMO_NOW: "2013-02-24T09:47:00" })).toThrow(
      "DEMO_NOW must be an ISO 8601 instant",
    );
    expect(() => loadConfig({ DEMO_NOW: "yesterday" })).toThrow('got "yesterday"');
  });

  it("reads PROGRAMME_TIMEZONE as an IANA zone or a fixed offset, and refuses anything else", () => {
    expect(loadConfig({ PROGRAMME_TIMEZONE: "Europe/Brussels" }).PROGRAMME_TIMEZONE).toBe("Europe/Brussels");
    expect(loadConfig({ PROGRAMME_TIMEZONE: "+01:00" }).PROGRAMME_TIMEZONE).toBe("UTC+01:00");
    expect(() => loadConfig({ PROGRAMME_TIMEZONE: "Mars/Olympus" })).toThrow(
      /PROGRAMME_TIMEZONE must be an IANA timezone/,
    );
  });

  it("names every bad variable at once, saying what was expected", () => {
    let error: unknown;
    try {
      loadConfig({
        BOT_TOKEN: "not-a-token",
        ADMIN_IDS: "12,alice",
        PORT: "eighty",
        WEBHOOK_URL: "http://example.org/hook",
        LOG_LEVEL: "loud",
        REMINDER_TICK: "every minute",
        SEND_RATE: "-3",
        WEBAPP_URL: "http://example.org",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const expected of [
      "BOT_TOKEN: BOT_TOKEN must look like",
      "ADMIN_IDS: ADMIN_IDS must be Telegram user ids (whole numbers from 1 to 9007199254740991), got alice",
      "PORT: PORT must be a number",
      "WEBHOOK_URL: WEBHOOK_URL must be an https URL",
      "LOG_LEVEL: LOG_LEVEL must be one of",
      "REMINDER_TICK: REMINDER_TICK must be a cron expression",
      "SEND_RATE: SEND_RATE must be greater than 0",
      "WEBAPP_URL: WEBAPP_URL must be an https URL",
    ])
      expect(message).toContain(expected);
  });

  it("refuses organizer ids that are not exact positive user ids, naming ADMIN_IDS", () => {
    for (const bad of ["9007199254740993", "-100123", "0", "1e5", "12.5"]) {
      expect(() => loadConfig({ ADMIN_IDS: `11,${bad}` }), bad).toThrow(
        new RegExp(`ADMIN_IDS: ADMIN_IDS must be Telegram user ids .*got ${bad.replace(".", "\\.")}$`, "m"),
      );
    }
    expect(loadConfig({ ADMIN_IDS: "9007199254740991" }).ADMIN_IDS).toEqual([Number.MAX_SAFE_INTEGER]);
  });

  it("follows a published schedule over http(s), and refuses a file and a URL at once", () => {
    const config = loadConfig({ PROGRAMME_URL: "https://example.org/schedule.xml", PROGRAMME_POLL: "60" });
    expect(config.PROGRAMME_URL).toBe("https://example.org/schedule.xml");
    expect(config.PROGRAMME_POLL).toBe(60);
    expect(() => loadConfig({ PROGRAMME_URL: "ftp://example.org/schedule.xml" })).toThrow(
      "PROGRAMME_URL: PROGRAMME_URL must be an http or https URL",
    );
    expect(() =>
      loadConfig({ PROGRAMME_URL: "https://example.org/s.xml", PROGRAMME_PATH: "data/pycon-ru-2013.yaml" }),
    ).toThrow("set either PROGRAMME_PATH (a file) or PROGRAMME_URL (a published schedule), not both");
    expect(() => loadConfig({ PROGRAMME_POLL: "0" })).toThrow("PROGRAMME_POLL must be greater than 0");
  });
});
