import type { Db } from "../store/db.js";
import { enqueue, type NewOutboxRow } from "../store/outbox.js";
import { getUser } from "../store/users.js";

/** A message for the organizers: a named view rendered at send time in each organizer's language. */
export interface OrganizerMessage {
  /** Unique per event (e.g. `source:broken:<since>`): the same event is queued once, however often it is seen. */
  key: string;
  view: string;
  params: Record<string, unknown>;
}

/**
 * Queues a message to every organizer the bot can write to (those who ever started it and did not block
 * it), through the outbox like everything else, so it is sent once and survives a restart. Call it in the
 * transaction that records the event. Returns how many were queued.
 */
export function notifyOrganizers(
  db: Db,
  organizerIds: readonly number[],
  m: OrganizerMessage,
  now: number,
): number {
  const rows: NewOutboxRow[] = organizerIds.flatMap((id) => {
    const user = getUser(db, id);
    if (!user || user.blockedAt !== null) return [];
    return [
      {
        kind: "notice" as const,
        dedupeKey: `${m.key}:${id}`,
        userId: id,
        chatId: user.chatId,
        payload: { type: "view" as const, view: m.view, params: m.params },
        notBefore: now,
      },
    ];
  });
  return enqueue(db, rows, now);
}
