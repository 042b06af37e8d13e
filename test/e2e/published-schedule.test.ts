import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REAL_DIR } from "../support/real-schedules.js";
import { killBots, spawnBot } from "../support/spawn-bot.js";
import { tempDir } from "../support/tmp.js";

afterEach(killBots);

describe("npm start with a published schedule as PROGRAMME_PATH", () => {
  it("chats over FOSDEM 2026's frab XML: a search, a card with its links, the days", async () => {
    const bot = spawnBot(
      {
        DATABASE_PATH: join(tempDir(), "confbot.sqlite"),
        PROGRAMME_PATH: join(REAL_DIR, "fosdem-2026-prelim.pretalx-fosdem.xml"),
      },
      { input: "aya ebpf\n#1\n/schedule\n" },
    );
    expect(await bot.exited).toBe(0);
    const out = bot.stdout();
    expect(out).toMatch(/\[#1\] 1\. Aya - what's new in Rust for eBPF\?/);
    const card = out.slice(out.indexOf("you › #1"));
    expect(card).toContain("🎤 Michal Rostecki");
    expect(card).toContain("Sat 31 Jan, 17:30–18:00");
    expect(card).toContain("https://chat.fosdem.org/#/room/#2026-ebpf:fosdem.org");
    expect(out.slice(out.indexOf("you › /schedule"))).toMatch(/Sat 31 Jan.*Sun 1 Feb/);
    expect(out).not.toMatch(/<\/?(b|p|a)>|&amp;|&lt;/);
  });

  it("refuses FOSDEM 2020 without PROGRAMME_TIMEZONE, saying so, and serves it with one", async () => {
    const db = join(tempDir(), "confbot.sqlite");
    const file = join(REAL_DIR, "fosdem-2020.pentabarf.xml");
    // With LOG_LEVEL set, the console's log goes to stderr rather than a file.
    const refused = spawnBot({ DATABASE_PATH: db, PROGRAMME_PATH: file, LOG_LEVEL: "error" }, { input: "" });
    expect(await refused.exited).not.toBe(0);
    expect(`${refused.stdout()}${refused.stderr()}`).toMatch(/PROGRAMME_TIMEZONE/);
    const served = spawnBot(
      { DATABASE_PATH: db, PROGRAMME_PATH: file, PROGRAMME_TIMEZONE: "Europe/Brussels" },
      { input: "please tell me what's going on\n" },
    );
    expect(await served.exited).toBe(0);
    expect(served.stdout()).toContain("Will somebody *please* tell me what's going on?");
  });
});
