/** Ids for sessions, speakers, rooms and tracks made from what a source publishes. */
import { createHash } from "node:crypto";

const MAX_ID = 64;

/** A short, stable hash of a string (hex). */
export function shortHash(s: string, length = 8): string {
  return createHash("sha1").update(s).digest("hex").slice(0, length);
}

/**
 * A source's own id (guid, numeric id, UID) as a session or speaker id: at most 64 characters of
 * [A-Za-z0-9._:~-]. Other characters become "_"; an id that is still too long keeps its start and a hash.
 */
export function safeId(raw: string): string {
  const s = raw.trim().replace(/[^A-Za-z0-9._:~-]/g, "_");
  if (s.length <= MAX_ID) return s;
  return `${s.slice(0, MAX_ID - 9)}~${shortHash(raw)}`;
}

/** A readable slug of a name ("Saal 1" → "saal-1"); names without Latin letters or digits get a hash. */
export function slugify(name: string, max = 40): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
  return slug || `x${shortHash(name, 6)}`;
}

/** Hands out ids unique within one programme: a taken id gets "~2", "~3"… */
export class IdPool {
  private readonly taken = new Set<string>();

  /** Whether an id is already handed out. */
  has(id: string): boolean {
    return this.taken.has(id);
  }

  /** `id` itself when free, else the first free `id~n`. */
  claim(id: string): string {
    let out = id;
    for (let n = 2; this.taken.has(out); n++) out = `${id.slice(0, MAX_ID - 4)}~${n}`;
    this.taken.add(out);
    return out;
  }
}
