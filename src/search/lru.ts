/** One kept entry, in a list from the most recently used to the least. */
interface Entry<K, V> {
  key: K;
  value: V;
  newer: Entry<K, V> | undefined;
  older: Entry<K, V> | undefined;
}

/**
 * A map of at most `limit` entries that forgets the least recently used one first: what a search remembers of
 * one query word from one search to the next (attendees repeat words far more often than whole queries).
 * Its entries are linked from the most recently used to the least, so that a hit is one look-up and a few links
 * moved — not a Map's delete and set again, which a search asks of its memos a hundred times and more — and the
 * entry forgotten is reused for the one kept instead.
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, Entry<K, V>>();
  /** The most recently used entry, and the least. */
  private newest: Entry<K, V> | undefined;
  private oldest: Entry<K, V> | undefined;

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`an Lru keeps at least one entry, not ${limit}`);
  }

  /** The value kept for a key (now the most recently used), or undefined. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.touch(entry);
    return entry.value;
  }

  /** Keeps a value for a key, forgetting the least recently used entry when full. */
  set(key: K, value: V): void {
    let entry = this.entries.get(key);
    if (entry !== undefined) {
      entry.value = value;
      this.touch(entry);
      return;
    }
    if (this.entries.size >= this.limit) {
      // Full: the least recently used entry is forgotten, and its object holds the new one.
      entry = this.oldest as Entry<K, V>;
      this.entries.delete(entry.key);
      entry.key = key;
      entry.value = value;
      this.touch(entry);
    } else {
      entry = { key, value, newer: undefined, older: this.newest };
      if (this.newest) this.newest.newer = entry;
      else this.oldest = entry;
      this.newest = entry;
    }
    this.entries.set(key, entry);
  }

  /** The value kept for a key, made by `make` (and kept) when there is none. */
  remember(key: K, make: () => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = make();
      this.set(key, value);
    }
    return value;
  }

  /** How many entries are kept. */
  get size(): number {
    return this.entries.size;
  }

  /** Makes a kept entry the most recently used. */
  private touch(entry: Entry<K, V>): void {
    if (entry === this.newest) return;
    // Unlinked from where it is (it has a newer entry, being not the newest)…
    (entry.newer as Entry<K, V>).older = entry.older;
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    // …and linked in first.
    entry.older = this.newest;
    entry.newer = undefined;
    (this.newest as Entry<K, V>).newer = entry;
    this.newest = entry;
  }
}

/**
 * A value per owner (an index, a vocabulary), made by `make` on the owner's first use and dropped with it: what
 * a search remembers of one programme lives as long as that programme's index.
 */
export function perOwner<O extends object, V>(make: () => V): (owner: O) => V {
  const kept = new WeakMap<O, V>();
  return (owner) => {
    let value = kept.get(owner);
    if (value === undefined) {
      value = make();
      kept.set(owner, value);
    }
    return value;
  };
}
