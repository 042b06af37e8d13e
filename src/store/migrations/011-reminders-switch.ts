import type { Migration } from "../migrate.js";

/**
 * Reminders can be turned off altogether in /settings (`users.reminders` 0) while every followed session stays
 * followed, with its own `subscriptions.remind` kept for when they are turned on again.
 */
export const remindersSwitch: Migration = {
  version: 11,
  name: "reminders-switch",
  up: (db) => db.exec("ALTER TABLE users ADD COLUMN reminders INTEGER NOT NULL DEFAULT 1"),
};
