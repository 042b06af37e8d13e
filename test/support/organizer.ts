/**
 * Organizer tests' setting: a bot whose programme file is a temp copy of the organizer fixture (optionally
 * edited), one organizer, and attendees who follow sessions.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseProgramme } from "../../src/programme/read.js";
import { subscribe } from "../../src/store/subscriptions.js";
import { createHarness, type Harness, type TestUser, testUser } from "./bot-harness.js";
import { tempDir } from "./tmp.js";

/** The organizer fixture: a small two-day programme whose comments and layout edits must keep. */
export const ORGANIZER_FIXTURE = new URL("../fixtures/organizer-programme.yaml", import.meta.url);

/** What an organizer harness is made of. */
export interface OrganizerOptions {
  env?: Record<string, string>;
  /** The organizer's Telegram language. */
  lang?: string;
  /** Rewrites the fixture's text before the bot reads it. */
  edit?: (text: string) => string;
}

/** A harness whose programme file is a temp copy of the organizer fixture, with one organizer (Olga). */
export function organizerHarness(options: OrganizerOptions = {}) {
  const file = join(tempDir(), "programme.yaml");
  const text = readFileSync(ORGANIZER_FIXTURE, "utf8");
  writeFileSync(file, options.edit ? options.edit(text) : text);
  const programme = parseProgramme(readFileSync(file, "utf8"), file);
  const admin = testUser(options.lang ?? "en", "Olga");
  const h = createHarness({
    programme,
    now: "2013-02-24T12:00:00+06:00",
    env: { ADMIN_IDS: `${admin.id}`, PROGRAMME_PATH: file, ...options.env },
  });
  return { h, admin, file };
}

/** Attendees who wrote /start; the first two follow flask-patterns, the third follows scaling. */
export async function attendees(h: Harness): Promise<TestUser[]> {
  const users = [testUser("en", "Ann"), testUser("ru", "Борис"), testUser("en", "Carl")];
  for (const u of users) await h.send(u, "/start");
  const now = h.deps.clock();
  const [a, b, c] = users as [TestUser, TestUser, TestUser];
  subscribe(h.deps.db, a.id, "flask-patterns", now);
  subscribe(h.deps.db, b.id, "flask-patterns", now);
  subscribe(h.deps.db, c.id, "scaling", now);
  return users;
}
