/**
 * A query that names a room ("saal 1", "Janson", "K.1.105", "зал Janson") asks for that room's sessions, not
 * for the talks whose texts mention it: the bot lists the room in time order instead of ranking matches.
 */
import type { Room } from "../programme/model.js";
import { isPlaceWord } from "./places.js";

/** Lower case, without accents, punctuation as spaces: "K.1.105 (La Fontaine)" → "k 1 105 la fontaine". */
function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Words run together, so that "k1105", "K.1.105" and "K 1 105" are one. */
const compact = (ws: readonly string[]) => ws.join("");

/** A stripped form must be this long to name a room ("Saal 1" without "Saal" is "1": that names nothing). */
const MIN_STRIPPED = 3;

/**
 * The ways a room's name may be typed, best first: the whole name; then the part before a parenthesis and the
 * part inside it ("K.1.105", "La Fontaine"), and the name without its place words ("GLITCH" for "Saal GLITCH").
 */
function roomForms(name: string): string[][] {
  const whole = compact(words(name));
  const other = new Set<string>();
  const paren = /^(.*?)\(([^)]*)\)\s*$/.exec(name);
  if (paren) for (const part of [paren[1] as string, paren[2] as string]) other.add(compact(words(part)));
  const unplaced = compact(words(name).filter((w) => !isPlaceWord(w)));
  if (unplaced !== whole) other.add(unplaced);
  return [[whole], [...other].filter((f) => f.length >= MIN_STRIPPED && f !== whole)];
}

/** Per rooms list (a programme's, which a reload replaces): each form, by rank, and the rooms it names. */
const formsByRooms = new WeakMap<readonly Room[], Map<string, Set<number>>[]>();

function formsOf(rooms: readonly Room[]): Map<string, Set<number>>[] {
  let ranks = formsByRooms.get(rooms);
  if (!ranks) {
    const made: Map<string, Set<number>>[] = [new Map(), new Map()];
    rooms.forEach((room, i) => {
      for (const name of new Set(Object.values(room.name)))
        roomForms(name).forEach((forms, rank) => {
          for (const f of forms) {
            const named = made[rank]?.get(f) ?? new Set<number>();
            named.add(i);
            made[rank]?.set(f, named);
          }
        });
    });
    ranks = made;
    formsByRooms.set(rooms, ranks);
  }
  return ranks;
}

/**
 * The position of the room a query names, in `rooms`; undefined when it names none, or several alike. The
 * whole name typed in any case, spacing or punctuation wins; otherwise a room's number or its name in
 * parentheses, or its name without "Saal", "room", "зал"…, when exactly one room answers to it.
 */
export function roomNamedBy(rooms: readonly Room[], query: string): number | undefined {
  const typed = words(query);
  if (!typed.length) return undefined;
  const asked = new Set([compact(typed), compact(typed.filter((w) => !isPlaceWord(w)))]);
  asked.delete("");
  for (const forms of formsOf(rooms)) {
    const found = new Set<number>();
    for (const f of asked) for (const i of forms.get(f) ?? []) found.add(i);
    if (found.size === 1) return [...found][0];
    if (found.size > 1) return undefined;
  }
  return undefined;
}
