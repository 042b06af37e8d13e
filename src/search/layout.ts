/**
 * The wrong keyboard layout: text typed with the Russian ЙЦУКЕН layout active while meaning Latin letters, or
 * the other way round. Both layouts share the physical keys, so each character maps to the one on the same key.
 */

/** QWERTY keys in ЙЦУКЕН order, including [ ] ; ' , . ` that carry х ъ ж э б ю ё (33 pairs, 66 characters). */
const LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const CYRILLIC = "йцукенгшщзхъфывапролджэячсмитьбюё";

const swap = new Map<string, string>();
for (let i = 0; i < LATIN.length; i++) {
  const lat = LATIN[i] as string;
  const cyr = CYRILLIC[i] as string;
  swap.set(lat, cyr);
  swap.set(cyr, lat);
  const LAT = lat.toUpperCase();
  const CYR = cyr.toUpperCase();
  if (LAT !== lat) {
    swap.set(LAT, CYR);
    swap.set(CYR, LAT);
  }
}
// Shifted punctuation keys carry the capital letters.
for (const [lat, cyr] of [
  ["{", "Х"],
  ["}", "Ъ"],
  [":", "Ж"],
  ['"', "Э"],
  ["<", "Б"],
  [">", "Ю"],
  ["~", "Ё"],
] as const) {
  swap.set(lat, cyr);
  swap.set(cyr, lat);
}

/**
 * Retypes text on the other layout: every Latin key becomes the Cyrillic letter on the same key and every
 * Cyrillic letter the Latin character ("ghbdtn" ↔ "привет", "[jhjij" ↔ "хорошо"). Other characters stay.
 */
export function swapLayout(text: string): string {
  let out = "";
  for (const ch of text) out += swap.get(ch) ?? ch;
  return out;
}

/** Whether text contains any character that the other layout would type differently. */
export function hasLayoutKeys(text: string): boolean {
  for (const ch of text) if (swap.has(ch)) return true;
  return false;
}
