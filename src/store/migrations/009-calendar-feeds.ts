import type { Migration } from "../migrate.js";

/**
 * The Mini App's additions. Personal calendar feeds (`/cal/<token>.ics`): one secret token per user; resetting
 * a feed replaces the token, so the old URL answers 404 at once. And a followed session's reminder can be
 * turned off while the session stays followed (in /my, the agenda and the feed): `subscriptions.remind`.
 */
export const calendarFeeds: Migration = {
  version: 9,
  name: "calendar-feeds-and-muted-reminders",
  up: (db) =>
    db.exec(`
      CREATE TABLE calendar_feeds (
        user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        -- 32 characters of base64url (24 random bytes): the whole secret of the feed's URL.
        token TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      );
      ALTER TABLE subscriptions ADD COLUMN remind INTEGER NOT NULL DEFAULT 1;
    `),
};
