import type { Lang } from "../programme/model.js";
import { type Db, statement } from "./db.js";

/** An attendee as the bot knows them. `language` is their explicit choice; null means "follow Telegram". */
export interface User {
  id: number;
  chatId: number;
  firstName: string | null;
  languageCode: string | null;
  language: Lang | null;
  reminderMinutes: number | null;
  /** False when they turned reminders off altogether in /settings (followed sessions stay followed). */
  reminders: boolean;
  /** False when they turned the "how was it?" prompts after sessions off in /settings. */
  ratingPrompts: boolean;
  blockedAt: number | null;
  /** The conference they look at (null: the deployment's default). */
  conference: string | null;
  /** False when they turned off news about other conferences and future editions in /settings. */
  seriesNews: boolean;
}

/** A users row as SQLite returns it (`SELECT *`). */
export interface UserRow {
  id: number;
  chat_id: number;
  first_name: string | null;
  language_code: string | null;
  language: string | null;
  reminder_minutes: number | null;
  reminders: number;
  rating_prompts: number;
  blocked_at: number | null;
  conference: string | null;
  series_news: number;
}

/** The user a users row describes. */
export const userFromRow = (r: UserRow): User => ({
  id: r.id,
  chatId: r.chat_id,
  firstName: r.first_name,
  languageCode: r.language_code,
  language: r.language === "ru" || r.language === "en" ? r.language : null,
  reminderMinutes: r.reminder_minutes,
  reminders: r.reminders !== 0,
  ratingPrompts: r.rating_prompts !== 0,
  blockedAt: r.blocked_at,
  conference: r.conference,
  seriesNews: r.series_news !== 0,
});

/**
 * The language to talk to a user in: their choice, else Telegram's language (`ru*` → Russian), else English.
 * `languageCode` comes from an update as sent, so anything that is not a string (a forged number) is English.
 */
export function languageOf(user: { language: Lang | null; languageCode?: unknown }): Lang {
  if (user.language) return user.language;
  const code = user.languageCode;
  return typeof code === "string" && code.toLowerCase().startsWith("ru") ? "ru" : "en";
}

/** Records that a user wrote to the bot (they are reachable again if they had blocked it) and returns them. */
export function touchUser(
  db: Db,
  u: { id: number; chatId: number; firstName?: unknown; languageCode?: unknown },
  now: number,
): User {
  const row = statement(
    db,
    `INSERT INTO users (id, chat_id, first_name, language_code, created_at, updated_at)
       VALUES (@id, @chatId, @firstName, @languageCode, @now, @now)
       ON CONFLICT (id) DO UPDATE SET chat_id = excluded.chat_id, first_name = excluded.first_name,
         language_code = excluded.language_code, blocked_at = NULL, updated_at = excluded.updated_at
       RETURNING *`,
  ).get({
    id: u.id,
    chatId: u.chatId,
    // Stored as sent only when it is text: a malformed update must not put a number where text belongs.
    firstName: typeof u.firstName === "string" ? u.firstName : null,
    languageCode: typeof u.languageCode === "string" ? u.languageCode : null,
    now,
  }) as UserRow;
  return userFromRow(row);
}

/**
 * {@link touchUser} for a user already read (`known`): one UPDATE of the row, without an insert attempt or
 * reading it back (half the cost), returning `known` with what changed. Falls back to touchUser when the row
 * is gone (deleted since it was read).
 */
export function refreshUser(
  db: Db,
  known: User,
  u: { chatId: number; firstName?: unknown; languageCode?: unknown },
  now: number,
): User {
  const firstName = typeof u.firstName === "string" ? u.firstName : null;
  const languageCode = typeof u.languageCode === "string" ? u.languageCode : null;
  const { changes } = statement(
    db,
    `UPDATE users SET chat_id = ?, first_name = ?, language_code = ?, blocked_at = NULL, updated_at = ?
       WHERE id = ?`,
  ).run(u.chatId, firstName, languageCode, now, known.id);
  if (changes === 0) return touchUser(db, { ...u, id: known.id }, now);
  return { ...known, chatId: u.chatId, firstName, languageCode, blockedAt: null };
}

/** Looks a user up by Telegram id. */
export function getUser(db: Db, id: number): User | undefined {
  const row = statement(db, "SELECT * FROM users WHERE id = ?").get(id) as UserRow | undefined;
  return row && userFromRow(row);
}

/** Stores the conference a user looks at from now on. */
export function setUserConference(db: Db, id: number, conference: string, now: number): void {
  statement(db, "UPDATE users SET conference = ?, updated_at = ? WHERE id = ?").run(conference, now, id);
}

/** Stores whether a user hears news about other conferences and future editions. */
export function setSeriesNews(db: Db, id: number, on: boolean, now: number): void {
  statement(db, "UPDATE users SET series_news = ?, updated_at = ? WHERE id = ?").run(on ? 1 : 0, now, id);
}

/** Stores a user's explicit language choice. */
export function setUserLanguage(db: Db, id: number, language: Lang, now: number): void {
  statement(db, "UPDATE users SET language = ?, updated_at = ? WHERE id = ?").run(language, now, id);
}

/** Stores how many minutes before a session a user wants to be reminded. */
export function setReminderMinutes(db: Db, id: number, minutes: number, now: number): void {
  statement(db, "UPDATE users SET reminder_minutes = ?, updated_at = ? WHERE id = ?").run(minutes, now, id);
}

/** Turns reminders on or off altogether for a user (/settings); what they follow stays followed. */
export function setReminders(db: Db, id: number, on: boolean, now: number): void {
  statement(db, "UPDATE users SET reminders = ?, updated_at = ? WHERE id = ?").run(on ? 1 : 0, now, id);
}

/** Turns the rating prompts after followed sessions on or off for a user (/settings). */
export function setRatingPrompts(db: Db, id: number, on: boolean, now: number): void {
  statement(db, "UPDATE users SET rating_prompts = ?, updated_at = ? WHERE id = ?").run(on ? 1 : 0, now, id);
}

/** Marks a user unreachable (they blocked the bot): nothing more is sent to them until they write again. */
export function markUserBlocked(db: Db, id: number, now: number): void {
  statement(db, "UPDATE users SET blocked_at = COALESCE(blocked_at, ?), updated_at = ? WHERE id = ?").run(
    now,
    now,
    id,
  );
}

/**
 * Records a user who reached the bot another way than a chat (the Mini App): a new one gets the private chat
 * id (= user id); an existing one only gets Telegram's current name and language code, keeping its chat,
 * chosen language and blocked mark.
 */
export function ensureUser(
  db: Db,
  u: { id: number; firstName?: string; languageCode?: string },
  now: number,
): User {
  const known = getUser(db, u.id);
  // Most requests come from someone known with the same name and language: no write at all.
  if (
    known &&
    (u.firstName ?? known.firstName) === known.firstName &&
    (u.languageCode ?? known.languageCode) === known.languageCode
  )
    return known;
  statement(
    db,
    `INSERT INTO users (id, chat_id, first_name, language_code, created_at, updated_at)
       VALUES (@id, @id, @firstName, @languageCode, @now, @now)
       ON CONFLICT (id) DO UPDATE SET first_name = COALESCE(excluded.first_name, first_name),
         language_code = COALESCE(excluded.language_code, language_code)`,
  ).run({ id: u.id, firstName: u.firstName ?? null, languageCode: u.languageCode ?? null, now });
  return getUser(db, u.id) as User;
}

/** Every reachable user (not blocked) with their chat and language, by id. */
export function reachableUsers(db: Db): { userId: number; chatId: number; language: Lang }[] {
  return (
    statement(
      db,
      "SELECT id, chat_id, language, language_code FROM users WHERE blocked_at IS NULL ORDER BY id",
    ).all() as { id: number; chat_id: number; language: string | null; language_code: string | null }[]
  ).map((r) => ({
    userId: r.id,
    chatId: r.chat_id,
    language: languageOf({
      language: r.language === "en" || r.language === "ru" ? r.language : null,
      languageCode: r.language_code,
    }),
  }));
}

/**
 * The ids of a conference's attendees: the users looking at it (with `isDefault`, also those who chose none)
 * and the users following any of its sessions.
 */
export function attendeesOf(db: Db, conference: string, isDefault: boolean): number[] {
  return statement<[string, number, string], { id: number }>(
    db,
    `SELECT id FROM users WHERE conference = ? OR (conference IS NULL AND ?)
     UNION SELECT sub.user_id FROM subscriptions sub JOIN sessions s ON s.id = sub.session_id WHERE s.conference_id = ?`,
  )
    .all(conference, isDefault ? 1 : 0, conference)
    .map((r) => r.id);
}

/** Every reachable user who has not turned off news about other conferences and future editions. */
export function seriesNewsUsers(db: Db): { userId: number; chatId: number }[] {
  return statement<[], { userId: number; chatId: number }>(
    db,
    "SELECT id AS userId, chat_id AS chatId FROM users WHERE blocked_at IS NULL AND series_news = 1 ORDER BY id",
  ).all();
}

/** Whether a users row exists (the outbox refers to one). */
export function userExists(db: Db, id: number): boolean {
  return statement(db, "SELECT 1 FROM users WHERE id = ?").get(id) !== undefined;
}

/** Forget-me: deletes the user's own row (name, languages, reminder settings, blocked mark). */
export function forgetUserRow(db: Db, userId: number): void {
  statement(db, "DELETE FROM users WHERE id = ?").run(userId);
}
