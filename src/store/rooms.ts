import { type Db, statement } from "./db.js";

/**
 * Room capacities organizers set with /room (`room_capacities`, over the programme file's), follower counts of
 * upcoming sessions, and the sessions whose crowding organizers were already told of (`capacity_alerts`).
 */

/** The conference of a single-conference deployment (migration 14). */
export const MAIN_CONFERENCE = "main";

/**
 * Stores a room's capacity set by an organizer for a conference's room; it survives programme reloads and
 * wins over the file's.
 */
export function setRoomCapacity(
  db: Db,
  r: { roomId: string; capacity: number; setBy: number; now: number; conference?: string },
): void {
  statement(
    db,
    `INSERT INTO room_capacities (conference_id, room_id, capacity, set_by, updated_at)
     VALUES (@conference, @roomId, @capacity, @setBy, @now)
     ON CONFLICT (conference_id, room_id) DO UPDATE SET capacity = excluded.capacity, set_by = excluded.set_by,
       updated_at = excluded.updated_at`,
  ).run({ ...r, conference: r.conference ?? MAIN_CONFERENCE });
}

/** The capacities organizers set for a conference's rooms, by room id. */
export function storedCapacities(db: Db, conference = MAIN_CONFERENCE): Map<string, number> {
  const rows = statement<[string], { room_id: string; capacity: number }>(
    db,
    "SELECT room_id, capacity FROM room_capacities WHERE conference_id = ?",
  ).all(conference);
  return new Map(rows.map((r) => [r.room_id, r.capacity]));
}

/** An upcoming session in a room, with how many reachable users follow it. */
export interface FollowedSession {
  sessionId: string;
  roomId: string;
  startAt: number;
  followers: number;
}

/** A conference's live sessions in a room that have not started at `now`, with their reachable followers. */
export function upcomingFollowerCounts(db: Db, now: number, conference = MAIN_CONFERENCE): FollowedSession[] {
  return statement<[number, string], FollowedSession>(
    db,
    `SELECT s.id AS sessionId, s.room AS roomId, s.start_at AS startAt, COUNT(u.id) AS followers
     FROM sessions s
     JOIN subscriptions sub ON sub.session_id = s.id
     JOIN users u ON u.id = sub.user_id AND u.blocked_at IS NULL
     WHERE s.removed = 0 AND s.cancelled = 0 AND s.room IS NOT NULL AND s.start_at > ? AND s.conference_id = ?
     GROUP BY s.id ORDER BY s.start_at, s.id`,
  ).all(now, conference);
}

/**
 * Records that organizers are told a session's followers passed its room's share; false when they already
 * were for this session, room and capacity (a move to another room or a new capacity is news again).
 */
export function recordCapacityAlert(
  db: Db,
  a: { sessionId: string; roomId: string; capacity: number; followers: number; now: number },
): boolean {
  return (
    statement(
      db,
      `INSERT INTO capacity_alerts (session_id, room_id, capacity, followers, created_at)
       VALUES (@sessionId, @roomId, @capacity, @followers, @now) ON CONFLICT DO NOTHING`,
    ).run(a).changes > 0
  );
}

/** Forget-me: a capacity an organizer set stays, without saying who set it. */
export function forgetCapacitySetter(db: Db, userId: number): void {
  statement(db, "UPDATE room_capacities SET set_by = NULL WHERE set_by = ?").run(userId);
}
