/** Strings kept in order, each with an id, for prefix look-ups by binary search. */
export class SortedStrings {
  readonly strings: string[];
  readonly ids: number[];

  constructor(entries: [string, number][], sorted?: { strings: string[]; ids: number[] }) {
    if (sorted) {
      this.strings = sorted.strings;
      this.ids = sorted.ids;
      return;
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    this.strings = entries.map((e) => e[0]);
    this.ids = entries.map((e) => e[1]);
  }

  /**
   * Where the strings starting with `prefix` begin, if any do: the position of the first string not below it
   * (the strings from there on start with it as far as they do). For a caller that reads {@link strings} and
   * {@link ids} in place.
   */
  lowerBound(prefix: string): number {
    return lowerBound(this.strings, prefix);
  }

  /** Calls back with each string starting with prefix (itself included) and its id, at most limit of them. */
  withPrefix(prefix: string, limit: number, each: (s: string, id: number) => void): void {
    const lo = this.lowerBound(prefix);
    for (let i = lo; i < this.strings.length && i < lo + limit; i++) {
      const s = this.strings[i] as string;
      if (!s.startsWith(prefix)) break;
      each(s, this.ids[i] as number);
    }
  }
}

/** Where `key` would stand among `sorted` (ascending, as `<` orders strings): the first not before it. */
export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
