/**
 * A bot ready to send reminders at once, for end-to-end tests of delivery: the small test programme cut to one
 * session a few minutes ahead (so its reminders are due now, with no clock hook in the bot), written to a file,
 * and a database where users 1…n follow it.
 */
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { DateTime } from "luxon";
import { stringify } from "yaml";
import type { Programme } from "../../src/programme/model.js";
import { openDatabase } from "../../src/store/db.js";
import { loadProgramme } from "../../src/store/programme-store.js";
import { touchUser } from "../../src/store/users.js";
import { smallProgramme } from "./programme-fixture.js";

/** The session everyone follows. */
export const FOLLOWED = "async-io";

/** The small test programme with its first session `minutes` from now (and the rest dropped). */
export function programmeStartingIn(minutes: number): Programme {
  const p = smallProgramme();
  const tz = p.conference.timezone;
  const start = DateTime.now().setZone(tz).plus({ minutes }).startOf("minute");
  const end = start.plus({ minutes: 40 });
  const session = p.sessions.find((s) => s.id === FOLLOWED);
  if (!session) throw new Error("fixture");
  session.start = start.toISO({ suppressMilliseconds: true }) ?? "";
  session.end = end.toISO({ suppressMilliseconds: true }) ?? "";
  p.sessions = [session];
  p.conference.days = [...new Set([start.toISODate(), end.toISODate()])].filter((d): d is string =>
    Boolean(d),
  );
  return p;
}

/** Files of a bot whose `users` followers (ids and chats 1…n) are due a reminder; `others` are users who follow nothing. */
export function followersSetup(dir: string, users: number, others: number[] = []) {
  const programmeFile = join(dir, "programme.yaml");
  const databaseFile = join(dir, "confbot.sqlite");
  const programme = programmeStartingIn(8);
  writeFileSync(programmeFile, stringify(programme));
  const db = openDatabase(databaseFile);
  loadProgramme(db, programme);
  const add = db.prepare("INSERT INTO subscriptions (user_id, session_id, created_at) VALUES (?, ?, 0)");
  db.transaction(() => {
    for (let id = 1; id <= users; id++) {
      touchUser(db, { id, chatId: id, firstName: `U${id}`, languageCode: id % 3 ? "en" : "ru" }, 0);
      add.run(id, FOLLOWED);
    }
    for (const id of others) touchUser(db, { id, chatId: id, firstName: `O${id}`, languageCode: "en" }, 0);
  })();
  db.close();
  return { programmeFile, databaseFile };
}

/** A TCP port free on 127.0.0.1 right now (for a bot's webhook server). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}
