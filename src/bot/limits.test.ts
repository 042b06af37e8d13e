import { describe, expect, it } from "vitest";
import {
  createHarness,
  type Harness,
  labelsOf,
  type TestUser,
  testUser,
  textOf,
} from "../../test/support/bot-harness.js";
import type { Programme, Session, Speaker } from "../programme/model.js";
import { validateProgramme } from "../programme/read.js";
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

/** Lengths far past anything a card could show whole: the views must cut, page and count. */
const HUGE = {
  name: 300,
  title: 1000,
  subtitle: 600,
  room: 300,
  track: 300,
  affiliation: 500,
  audience: 1200,
  note: 3000,
  bio: 6000,
  abstract: 9000,
  speakersPerSession: 12,
  links: 15,
};

/** A source id of 64 characters, guid-like, which no callback data could carry. */
const sourceId = (kind: string, i: number) => `${kind}:${i}:${"0123456789abcdef".repeat(4)}`.slice(0, 64);

/** A one-day programme in which every text is huge, every session has 12 speakers and 15 links, ids are 64 characters. */
function programmeAtTheLimits(): Programme {
  const L = HUGE;
  const speakers: Speaker[] = Array.from({ length: L.speakersPerSession }, (_, i) => ({
    id: sourceId("speaker", i),
    name: both(L.name, `Speaker${i}`),
    affiliation: both(L.affiliation, `Company${i}`),
    bio: both(L.bio, `Bio${i}`),
    url: `https://example.org/${i}/${"p".repeat(300)}`,
  }));
  const sessions: Session[] = Array.from({ length: 24 }, (_, i) => {
    const start = Date.parse("2030-05-10T08:00:00+05:00") + i * 30 * 60_000;
    return {
      id: sourceId("session", i),
      kind: i % 5 === 4 ? "workshop" : "talk",
      type: long(200, "Vortrag"),
      title: both(L.title, `Topic${i} pipelines`),
      subtitle: both(L.subtitle, `Sub${i}`),
      abstract: both(L.abstract, `Abstract${i} pipelines`),
      audience: both(L.audience, "Everyone"),
      start: new Date(start).toISOString(),
      end: new Date(start + 25 * 60_000).toISOString(),
      room: i % 2 ? "room-1" : "room-2",
      track: "track-1",
      languages: ["de", "en", "ru"],
      speakers: speakers.map((s) => s.id),
      url: `https://example.org/session/${i}`,
      links: Array.from({ length: L.links }, (_, j) => ({
        url: `https://example.org/${i}/link/${j}`,
        title: long(300, `Link${j}`),
        kind: j % 2 ? "video" : "slides",
      })),
    };
  });
  return validateProgramme(
    {
      conference: {
        name: both(L.name, "Conference"),
        timezone: "Asia/Yekaterinburg",
        languages: ["en", "ru"],
        venue: both(L.affiliation, "Venue"),
        city: both(L.name, "City"),
        note: both(L.note, "Note"),
        days: ["2030-05-10"],
        rooms: [
          { id: "room-1", name: both(L.room, "Room") },
          { id: "room-2", name: both(L.room, "Hall") },
        ],
        tracks: [{ id: "track-1", name: both(L.track, "Track") }],
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
  await record(h.send(user, "/schedule"));
  await record(h.press(user, h.last(user), 0));
  await record(h.press(user, h.last(user), 0));
  // Every "Read more" page of the card, then a speaker.
  for (let page = 0; page < 10 && labelsOf(h.last(user)).some((l) => l.startsWith("📖")); page++)
    await record(h.press(user, h.last(user), "📖"));
  await record(h.press(user, h.last(user), "Speaker0"));
  await record(h.inline(user, "pipelines"));
  for (const s of h.deps.catalog.programme.sessions) subscribe(h.deps.db, user.id, s.id, h.deps.clock());
  await record(h.send(user, "/my"));
  return calls;
}

describe("messages stay within Telegram's limits", () => {
  for (const lang of ["en", "ru"]) {
    it(`for a programme with huge texts, 12 speakers, 15 links and 64-character ids (${lang})`, async () => {
      const h = createHarness({ programme: programmeAtTheLimits(), now: "2030-05-10T12:10:00+05:00" });
      const calls = await walk(h, testUser(lang));
      expect(calls.length).toBeGreaterThan(15);
      expect(refused(calls)).toEqual([]);
      expect(h.logs).toEqual([]);
    });
  }

  it("the schema takes texts of any length and any number of speakers: the views cut them", () => {
    const p = programmeAtTheLimits();
    expect(Array.from(p.sessions[0]?.abstract.en ?? "")).toHaveLength(HUGE.abstract);
    expect(p.sessions[0]?.speakers).toHaveLength(HUGE.speakersPerSession);
  });

  it("pages a 9,000-character abstract whole and names the speakers past six as 'and N more'", async () => {
    const h = createHarness({ programme: programmeAtTheLimits(), now: "2030-05-10T12:10:00+05:00" });
    const user = testUser("ru");
    const session = h.deps.catalog.programme.sessions[0] as Session;
    await h.send(user, `/start s_${h.deps.catalog.sessionKey(session.id)}`);
    expect(textOf(h.last(user))).toContain("и ещё 6");
    const pages: string[] = [];
    while (labelsOf(h.last(user)).some((l) => l.startsWith("📖"))) {
      await h.press(user, h.last(user), "📖");
      pages.push(textOf(h.last(user)));
    }
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const abstract = session.abstract.ru ?? "";
    const shown = pages.map((p) => p.slice(p.indexOf("\n\n") + 2)).join(" ");
    // Every word of the abstract is on some page, in order (only the whitespace at the cuts may differ).
    expect(shown.replace(/\s+/g, " ")).toBe(abstract.replace(/\s+/g, " "));
    await h.press(user, h.last(user), "📕");
    expect(labelsOf(h.last(user)).some((l) => l.startsWith("📖"))).toBe(true);
  });
});
