/** The current time in epoch milliseconds; injected everywhere so tests control time. */
export type Clock = () => number;

/** The real clock. */
export const systemClock: Clock = () => Date.now();

/**
 * A clock that starts at `startMs` and runs forward in real time from the moment it is made (DEMO_NOW): the
 * whole bot — now/next, reminders, notices, "past" in /my — lives in that moment of a past conference.
 */
export function demoClock(startMs: number, real: Clock = systemClock): Clock {
  const offset = startMs - real();
  return () => real() + offset;
}
