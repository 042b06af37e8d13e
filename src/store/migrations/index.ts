import type { Migration } from "../migrate.js";
import { programmeAndUsers } from "./001-programme-and-users.js";

/** Every schema migration, oldest first. Append; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [programmeAndUsers];
