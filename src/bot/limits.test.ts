import { describe, expect, it } from "vitest";
import { createHarness, type Harness, type TestUser, testUser } from "../../test/support/bot-harness.js";
import type { Programme, Session, Speaker } from "../programme/model.js";
import { validateProgramme } from "../programme/read.js";
import { TEXT_LIMITS } from "../programme/schema.js";
import { subscribe } from "../store/subscriptions.js";
import type { LocalCall } from "./console/local-telegram.js";

/** A text of exactly `n` characters made of words, with HTML-special characters to escape. */
function long(n: number, seed: string): string {
  const words = `${seed} <b>&amp; "quoted" 'x' a&b`;
  return words
    .repeat(Math.ceil(n / words.length))
    .slice(0, n)
    .trim()
    .padEnd(n, "x");
}

const both = (n: number, seed: string) => ({ en: long(n, seed), ru: long(n, `${seed}ру`) });

/** A one-day programme in which every text is as long as the schema allows and every session has 6 speakers. */
function programmeAtTheLimits(): Programme {
  const L = TEXT_LIMITS;
  const speakers: Speaker[] = Array.from({ length: L.speakersPerSession }, (_, i) => ({
    id: `speaker-${i}`,
    name: both(L.name, `Speaker${i}`),
    affiliation: both(L.affiliation, `Company${i}`),
    bio: both(L.bio, `Bio${i}`),
    url: `https://example.org/${i}`,
  }));
  const sessions: Session[] = Array.from({ length: 24 }, (_, i) => {
    const start = Date.parse("2030-05-10T08:00:00+05:00") + i * 30 * 60_000;
    return {
      id: `session-${i}`,
      kind: i % 5 === 4 ? "workshop" : "talk",
      title: both(L.title, `Topic${i} pipelines`),
      abstract: both(L.abstract, `Abstract${i} pipelines`),
      audience: both(L.audience, "Everyone"),
      start: new Date(start).toISOString(),
      end: new Date(start + 25 * 60_000).toISOString(),
      room: "room-1",
      speakers: speakers.map((s) => s.id),
    };
  });
  return validateProgramme(
    {
      conference: {
        name: both(L.name, "Conference"),
        timezone: "Asia/Yekaterinburg",
        venue: both(L.affiliation, "Venue"),
        city: both(L.name, "City"),
        note: both(L.note, "Note"),
        days: ["2030-05-10"],
        rooms: [{ id: "room-1", name: both(L.room, "Room") }],
      },
      sessions,
      speakers,
    },
    "limits.yaml",
  );
}

/** Every call the bot made that Telegram would have refused. */
const refused = (calls: LocalCall[]) => calls.filter((c) => c.error).map((c) => `${c.method}: ${c.error}`);

async function walk(h: Harness, user: TestUser): Promise<LocalCall[]> {
  const calls: LocalCall[] = [];
  const record = async (p: Promise<LocalCall[]>) => {
    calls.push(...(await p));
  };
  for (const command of ["/start", "/help", "/now", "/next", "/my", "/settings", "pipelines", "Speaker3"])
    await record(h.send(user, command));
  await record(h.send(user, "/start session-3"));
  await record(h.press(user, h.last(user), "📖"));
  await record(h.press(user, h.last(user), "Speaker0"));
  await record(h.send(user, "/schedule"));
  await record(h.press(user, h.last(user), 0));
  await record(h.inline(user, "pipelines"));
  for (let i = 0; i < 24; i++) subscribe(h.deps.db, user.id, `session-${i}`, h.deps.clock());
  await record(h.send(user, "/my"));
  return calls;
}

describe("messages stay within Telegram's limits", () => {
  for (const lang of ["en", "ru"]) {
    it(`for a programme at the schema's limits (${lang})`, async () => {
      const h = createHarness({ programme: programmeAtTheLimits(), now: "2030-05-10T12:10:00+05:00" });
      const calls = await walk(h, testUser(lang));
      expect(calls.length).toBeGreaterThan(15);
      expect(refused(calls)).toEqual([]);
      expect(h.logs).toEqual([]);
    });
  }

  it("the schema refuses a text past its limit, naming it", () => {
    const p = programmeAtTheLimits();
    const s = p.sessions[0];
    if (s) s.title.en += "!";
    expect(() => validateProgramme(p, "limits.yaml")).toThrow(
      `sessions[0].title.en: expected a text of at most ${TEXT_LIMITS.title} characters`,
    );
  });
});
