import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { killBots, spawnBot } from "../support/spawn-bot.js";
import { tempDir } from "../support/tmp.js";

afterEach(killBots);

describe("console mode (npm start without BOT_TOKEN)", () => {
  it("chats in the terminal: a search, then a button press, and exits at the end of input", async () => {
    const bot = spawnBot({ DATABASE_PATH: join(tempDir(), "confbot.sqlite") }, { input: "flask\n#1\n" });
    expect(await bot.exited).toBe(0);
    const out = bot.stdout();
    const lines = out.split("\n");
    expect(lines[0]).toContain("local console");
    expect(out).toContain("BOT_TOKEN=<token> npm start");
    // The search result names the Flask talk with a numbered button…
    expect(out).toMatch(/\[#1\] 1\. Advanced Flask patterns/);
    // …and pressing it opens the card in place.
    const card = out.slice(out.indexOf("you › #1"));
    expect(card).toContain("── bot (edited) ──");
    expect(card).toContain("🕒 Sun 24 Feb 2013, 10:00–11:00");
    expect(card).toContain("🎤 Armin Ronacher");
    expect(card).toContain("⭐ Follow");
    expect(out).not.toMatch(/<\/?b>|&amp;|&lt;/);
    // Logs stay off stdout; at warn level there is nothing to say.
    expect(bot.stderr()).toBe("");
  });

  it("carries the PyCon Russia series, 2013 the default, and /conference switches to another edition", async () => {
    const bot = spawnBot(
      { DATABASE_PATH: join(tempDir(), "confbot.sqlite") },
      { input: "/conference\n#1\n/start\n" },
    );
    expect(await bot.exited).toBe(0);
    const out = bot.stdout();
    // The seven editions, the latest first, 2013 (the default) checked.
    const list = out.slice(out.indexOf("you › /conference"), out.indexOf("you › #1"));
    expect(list).toContain("You are looking at PyCon Russia 2013.");
    expect(list.match(/\[#\d\] .*PyCon Russia 20\d\d · /g)).toHaveLength(7);
    expect(list).toContain("[#1] 🗂 PyCon Russia 2019 · 24–25 Jun 2019");
    expect(list).toContain("[#7] ✅ PyCon Russia 2013 · 24–25 Feb 2013");
    // Pressed, 2019 is the one looked at: /start tells of it.
    const after = out.slice(out.indexOf("you › #1"));
    expect(after).toContain("[#1] ✅ PyCon Russia 2019");
    expect(after).toContain("I carry the programme of PyCon Russia 2019 — Mon 24 Jun 2019 – Tue 25 Jun 2019");
    expect(bot.stderr()).toBe("");
  });

  it("delivers what piped input queued before it exits: an organizer's broadcast reaches the console user", async () => {
    const bot = spawnBot(
      { DATABASE_PATH: join(tempDir(), "confbot.sqlite"), ADMIN_IDS: "1000001" },
      { input: "/start\n/broadcast Hello from the organizers\n#1\n#1\n" },
    );
    expect(await bot.exited).toBe(0);
    const out = bot.stdout();
    const sent = out.slice(out.indexOf("📣 Sending to 1"));
    expect(sent).toContain("Hello from the organizers");
    // …and the summary too, before the process ends.
    expect(sent).toContain("Broadcast #1 finished");
    expect(bot.stderr()).toBe("");
  });

  it("reuses the database: a language choice survives a restart", async () => {
    const db = join(tempDir(), "confbot.sqlite");
    expect(await spawnBot({ DATABASE_PATH: db }, { input: "/language ru\n" }).exited).toBe(0);
    const again = spawnBot({ DATABASE_PATH: db }, { input: "/help\n" });
    expect(await again.exited).toBe(0);
    expect(again.stdout()).toContain("Как мной пользоваться");
  });

  it("refuses bad configuration with a clear message and exit code 1", async () => {
    const bot = spawnBot({ BOT_TOKEN: "nonsense", PORT: "eighty" }, { input: "" });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain("BOT_TOKEN must look like");
    expect(bot.stderr()).toContain("PORT must be a number");
  });

  it("exits 1 listing the problems when the programme is broken and the database is empty", async () => {
    const dir = tempDir();
    const bot = spawnBot(
      { DATABASE_PATH: join(dir, "db.sqlite"), PROGRAMME_PATH: join(dir, "missing.yaml") },
      { input: "" },
    );
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain("is broken and the database has none");
    expect(bot.stderr()).toContain("missing.yaml");
    // The details are in the log file, beside the database.
    expect(readFileSync(join(dir, "console.log"), "utf8")).toContain("programme file is broken");
  });

  it("DEMO_NOW: the greeting names the simulated time, and /now answers as at that moment", async () => {
    const bot = spawnBot(
      { DATABASE_PATH: join(tempDir(), "confbot.sqlite"), DEMO_NOW: "2013-02-24T09:47:00+06:00" },
      { input: "/now\n" },
    );
    expect(await bot.exited).toBe(0);
    const out = bot.stdout();
    expect(out).toContain("Demo clock (DEMO_NOW): it is Sun 24 Feb 2013, 09:47 Asia/Yekaterinburg (UTC+6)");
    expect(out).not.toContain("is over");
  });

  it("saves a sent file and prints its path; the menu still works under inline buttons", async () => {
    const dir = tempDir();
    const bot = spawnBot(
      { DATABASE_PATH: join(dir, "confbot.sqlite"), DEMO_NOW: "2013-02-24T09:00:00+06:00" },
      { input: "/start\nflask\n#1\n#1\n/my\n#2\n#m7\n#99\n" },
    );
    expect(await bot.exited).toBe(0);
    const out = bot.stdout();
    const saved = /📎 (\S+\.ics) — saved as (\S+)/.exec(out);
    expect(saved?.[2]).toBe(join(dir, "sent", saved?.[1] ?? ""));
    const ics = readFileSync(saved?.[2] ?? "", "utf8");
    expect(ics).toContain("SUMMARY:Advanced Flask patterns — Armin Ronacher");
    expect(ics).toContain("TRIGGER:-PT10M");
    // #m7 is the menu's Help although inline buttons were shown since.
    expect(out.slice(out.indexOf("you › #m7"))).toContain("How to use me");
    expect(out).toContain("(there is no button #99 — the menu's buttons are #m1–#m7)");
  });

  it("CONSOLE_ORGANIZER=1 makes the console user an organizer; logs stay out of the chat", async () => {
    const dir = tempDir();
    const bot = spawnBot(
      { DATABASE_PATH: join(dir, "confbot.sqlite"), CONSOLE_ORGANIZER: "1" },
      { input: "/help\n/stats\n" },
    );
    expect(await bot.exited).toBe(0);
    const out = bot.stdout();
    expect(out).toContain("You are an organizer (CONSOLE_ORGANIZER=1)");
    expect(out).toContain("For organizers");
    expect(out).toContain("📊 Statistics");
    expect(out).not.toContain('"level"');
    expect(bot.stderr()).toBe("");
    expect(readFileSync(join(dir, "console.log"), "utf8")).toContain("reminders started");
  });
});
