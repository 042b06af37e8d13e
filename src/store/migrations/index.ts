import type { Migration } from "../migrate.js";
import { programmeAndUsers } from "./001-programme-and-users.js";
import { outbox } from "./002-outbox.js";
import { organizers } from "./003-organizers.js";
import { dialogueState } from "./004-dialogue-state.js";
import { processCoordination } from "./005-process-coordination.js";
import { shortKeys } from "./006-short-keys.js";
import { outboxRetention } from "./007-outbox-retention.js";
import { programmeSync } from "./008-programme-sync.js";
import { calendarFeeds } from "./009-calendar-feeds.js";
import { noticeBatches } from "./010-notice-batches.js";
import { remindersSwitch } from "./011-reminders-switch.js";
import { searchIndex } from "./012-search-index.js";
import { questions } from "./013-questions.js";
import { conferences } from "./014-conferences.js";
import { ratingsAndCapacity } from "./015-ratings-and-capacity.js";

/** Every schema migration, oldest first. Append; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [
  programmeAndUsers,
  outbox,
  organizers,
  dialogueState,
  processCoordination,
  shortKeys,
  outboxRetention,
  programmeSync,
  calendarFeeds,
  noticeBatches,
  remindersSwitch,
  searchIndex,
  questions,
  conferences,
  ratingsAndCapacity,
];
