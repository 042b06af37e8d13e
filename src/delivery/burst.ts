/**
 * Planning sends ahead of bursts. Telegram delivers about 30 messages a second, so 10,000 reminders due at
 * the same second take 5.6 minutes: to have each one arrive by its due time, the burst must start that much
 * earlier. Pure functions over due times; the planner feeds them and queues what they say.
 */

/** A message that should arrive by `dueAt` (ms), and not before `earliestAt` when given. */
export interface BurstItem {
  dueAt: number;
  earliestAt?: number;
}

/** When an item is to be sent, and how late that is against its due time (0 when on time). */
export interface PlannedSend<T extends BurstItem> {
  item: T;
  /**
   * Planned send instant (ms), never before `now`: its slot at the planned pace (or its due time when the
   * slot is later: it may go as soon as it is due), or, when its run is in a hurry, the soonest it may go.
   */
  sendAt: number;
  /** How late it arrives at the planned pace (`sendAt − dueAt` at that pace when positive; 0 when on time). */
  lateMs: number;
  /**
   * Its run (sends that follow one another back to back because each had to wait for the one before) has
   * one later than `hurryAfterMs`: the whole run goes as soon as it may, in plan order, at whatever pace the
   * dispatcher manages, instead of at the planned pace.
   */
  hurry: boolean;
}

/**
 * Plans sends at `rate` messages per second so that each item goes out as late as possible but no later
 * than its due time: walking back from the last due time, each item gets the latest free slot at or before
 * its own (the schedule of a burst of N ends at its due time and starts N / rate seconds before). Slots that
 * would fall before `now` or an item's `earliestAt` cannot be had: those items wait for the ones before them,
 * and when that makes one of them later than `hurryAfterMs` (default 0) their whole run is in a hurry (see
 * PlannedSend.hurry), most urgent first. A run pushed by less keeps its pace: it is on time, and going early
 * would only take the rate from others. Returns the plan in send order.
 */
export function planSends<T extends BurstItem>(
  items: readonly T[],
  { now, rate, hurryAfterMs = 0 }: { now: number; rate: number; hurryAfterMs?: number },
): PlannedSend<T>[] {
  if (!(rate > 0)) throw new Error("rate must be positive");
  const gap = 1000 / rate;
  // Latest-first: stable on equal due times, so the earlier item of a tie keeps the earlier slot.
  const order = items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => b.item.dueAt - a.item.dueAt || b.i - a.i);
  const slots: { item: T; at: number }[] = [];
  let next = Number.POSITIVE_INFINITY;
  for (const { item } of order) {
    next = Math.min(item.dueAt, next - gap);
    slots.push({ item, at: next });
  }
  slots.reverse();
  const paced: { item: T; sendAt: number; soonest: number; lateMs: number; run: number }[] = [];
  const lateRuns = new Set<number>();
  let cursor = now;
  let run = -1;
  let soonest = now;
  for (const { item, at } of slots) {
    const free = Math.max(at, item.earliestAt ?? at);
    // Free before the previous send's slot ends (a millisecond for rounding): it waits for that one, in its run.
    if (run < 0 || free > cursor + 1) {
      run++;
      soonest = Math.max(now, free);
    } else soonest = Math.max(soonest, item.earliestAt ?? soonest);
    const sendAt = Math.max(free, cursor);
    cursor = sendAt + gap;
    const lateMs = Math.max(0, Math.round(sendAt - item.dueAt));
    if (lateMs > hurryAfterMs) lateRuns.add(run);
    paced.push({ item, sendAt, soonest, lateMs, run });
  }
  return paced.map((p) => {
    const hurry = lateRuns.has(p.run);
    // Due order is plan order, so going at the due time keeps the order.
    const due = p.lateMs > 0 ? Math.max(now, p.item.earliestAt ?? now, p.item.dueAt) : p.sendAt;
    return { item: p.item, sendAt: Math.round(hurry ? p.soonest : due), lateMs: p.lateMs, hurry };
  });
}

/**
 * The items in due order, those due at the same instant taking turns by `groupOf` (a conference): one of
 * each group, then the next of each, each group in its own order. planSends keeps the order of equal due
 * times, so when a burst cannot all be on time the lateness falls on every group alike, not on whichever
 * came last in the query.
 */
export function interleaveTies<T extends BurstItem>(items: readonly T[], groupOf: (item: T) => string): T[] {
  const sorted = items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.dueAt - b.item.dueAt || a.i - b.i);
  const out: T[] = [];
  for (let from = 0; from < sorted.length; ) {
    let to = from + 1;
    while (to < sorted.length && sorted[to]?.item.dueAt === sorted[from]?.item.dueAt) to++;
    const groups = new Map<string, T[]>();
    for (let k = from; k < to; k++) {
      const item = (sorted[k] as { item: T }).item;
      const g = groupOf(item);
      const list = groups.get(g);
      if (list) list.push(item);
      else groups.set(g, [item]);
    }
    if (groups.size === 1) for (let k = from; k < to; k++) out.push((sorted[k] as { item: T }).item);
    else {
      const lists = [...groups.values()];
      for (let turn = 0; out.length < to; turn++)
        for (const list of lists) {
          const item = list[turn];
          if (item) out.push(item);
        }
    }
    from = to;
  }
  return out;
}

/** What a plan promises: how many sends, how many later than `toleranceMs`, and the worst lateness. */
export interface BurstForecast {
  total: number;
  late: number;
  maxLateMs: number;
  /** The instant the latest late item is due, for the log. */
  worstDueAt?: number;
}

/** Summarises a plan: items later than `toleranceMs` (60 s: the promise) count as late. */
export function forecastOf<T extends BurstItem>(
  plan: readonly PlannedSend<T>[],
  toleranceMs: number,
): BurstForecast {
  let late = 0;
  let maxLateMs = 0;
  let worstDueAt: number | undefined;
  for (const p of plan) {
    if (p.lateMs <= toleranceMs) continue;
    late++;
    if (p.lateMs > maxLateMs) {
      maxLateMs = p.lateMs;
      worstDueAt = p.item.dueAt;
    }
  }
  return { total: plan.length, late, maxLateMs, ...(worstDueAt === undefined ? {} : { worstDueAt }) };
}
