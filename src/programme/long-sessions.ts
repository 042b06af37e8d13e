/**
 * Long sessions: all-day items and multi-hour workshops that run beside the regular programme. Lists put them
 * after the regular sessions, so that a day or "on now" opens on the talks in the main halls rather than on a
 * soldering corner open since the morning.
 */
import { isContentKind, type Programme, type Session } from "./model.js";

/** A session is long when it runs longer than this, whatever the programme's usual length. */
export const LONG_SESSION_MIN_MS = 2 * 60 * 60_000;

const thresholds = new WeakMap<Programme, number>();

/**
 * How long a session of this programme must run to be long: more than two hours, and more than twice its
 * content sessions' median length (where a programme's talks take two hours, only a longer one stands out).
 */
export function longSessionThreshold(programme: Programme): number {
  let threshold = thresholds.get(programme);
  if (threshold === undefined) {
    const lengths = programme.sessions
      .filter((s) => isContentKind(s.kind))
      .map(lengthOf)
      .sort((a, b) => a - b);
    const median = lengths.length ? (lengths[(lengths.length - 1) >> 1] as number) : 0;
    threshold = Math.max(LONG_SESSION_MIN_MS, 2 * median);
    thresholds.set(programme, threshold);
  }
  return threshold;
}

const lengthOf = (s: Pick<Session, "start" | "end">) => Date.parse(s.end) - Date.parse(s.start);

/** Whether a session of `programme` is long (see {@link longSessionThreshold}). */
export function isLongSession(programme: Programme, session: Pick<Session, "start" | "end">): boolean {
  return lengthOf(session) > longSessionThreshold(programme);
}
