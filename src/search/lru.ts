/**
 * A map of at most `limit` entries that forgets the least recently used one first: what a search remembers of
 * one query word from one search to the next (attendees repeat words far more often than whole queries).
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`an Lru keeps at least one entry, not ${limit}`);
  }

  /** The value kept for a key (now the most recently used), or undefined. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Keeps a value for a key, forgetting the least recently used entry when full. */
  set(key: K, value: V): void {
    if (this.entries.has(key)) this.entries.delete(key);
    else if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
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
