import type { Room } from "../programme/model.js";
import type { Db } from "../store/db.js";
import {
  MAIN_CONFERENCE,
  recordCapacityAlert,
  storedCapacities,
  upcomingFollowerCounts,
} from "../store/rooms.js";
import { notifyOrganizers } from "./organizers.js";

/**
 * Which rooms will overflow: an upcoming session's followers against its room's capacity (an organizer's
 * /room value, else the programme file's). Organizers are told once per session, room and capacity when the
 * followers pass CAPACITY_ALERT_PERCENT of the seats, and /stats lists those sessions.
 */

/** Payload view name of the organizers' "this room will be full" notice (src/bot/views/capacity.ts). */
export const CAPACITY_VIEW = "capacity-alert";

/**
 * Each room of a conference with its capacity: an organizer's /room value over the programme's `capacity`;
 * rooms with none are absent.
 */
export function roomCapacities(
  db: Db,
  rooms: readonly Room[],
  conference = MAIN_CONFERENCE,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rooms) if (r.capacity) out.set(r.id, r.capacity);
  for (const [id, capacity] of storedCapacities(db, conference)) out.set(id, capacity);
  return out;
}

/** An upcoming session whose followers fill `percent` % or more of its room. */
export interface CrowdedSession {
  sessionId: string;
  roomId: string;
  followers: number;
  capacity: number;
  /** followers / capacity, in percent, rounded. */
  percent: number;
}

/** What the crowding of a conference's rooms is judged by. */
export interface CrowdingOptions {
  now: number;
  /** The conference's rooms' capacities (roomCapacities). */
  capacities: ReadonlyMap<string, number>;
  percent: number;
  conference?: string;
}

/** A conference's upcoming sessions at or past `percent` % of their room's capacity, most crowded first. */
export function crowdedSessions(
  db: Db,
  { now, capacities, percent, conference }: CrowdingOptions,
): CrowdedSession[] {
  const out: CrowdedSession[] = [];
  for (const s of upcomingFollowerCounts(db, now, conference)) {
    const capacity = capacities.get(s.roomId);
    if (!capacity || s.followers * 100 < capacity * percent) continue;
    out.push({
      sessionId: s.sessionId,
      roomId: s.roomId,
      followers: s.followers,
      capacity,
      percent: Math.round((s.followers * 100) / capacity),
    });
  }
  return out.sort(
    (a, b) => b.followers / b.capacity - a.followers / a.capacity || a.sessionId.localeCompare(b.sessionId),
  );
}

/**
 * Tells organizers (through the outbox, once per session, room and capacity) of every upcoming session that
 * passed `percent` % of its room. One transaction; returns how many sessions were news.
 */
export function alertCrowdedSessions(
  db: Db,
  o: CrowdingOptions & { organizerIds: readonly number[] },
): number {
  return db.transaction(() => {
    let news = 0;
    for (const c of crowdedSessions(db, o)) {
      if (!recordCapacityAlert(db, { ...c, now: o.now })) continue;
      news++;
      notifyOrganizers(
        db,
        o.organizerIds,
        {
          key: `capacity:${c.sessionId}:${c.roomId}:${c.capacity}`,
          view: CAPACITY_VIEW,
          params: {
            sessionId: c.sessionId,
            followers: c.followers,
            capacity: c.capacity,
            percent: c.percent,
          },
        },
        o.now,
      );
    }
    return news;
  })();
}
