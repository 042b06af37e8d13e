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
    expect(card).toContain("🕒 Mon 25 Feb, 11:30–12:30");
    expect(card).toContain("🎤 Armin Ronacher");
    expect(card).toContain("🔔 Remind me");
    expect(out).not.toMatch(/<\/?b>|&amp;|&lt;/);
    // Logs stay off stdout; at warn level there is nothing to say.
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
    expect(bot.stderr()).toContain("programme file is broken");
    expect(bot.stderr()).toContain("missing.yaml");
  });
});
