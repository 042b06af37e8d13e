/** The current time in epoch milliseconds; injected everywhere so tests control time. */
export type Clock = () => number;

/** The real clock. */
export const systemClock: Clock = () => Date.now();
