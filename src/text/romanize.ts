/**
 * Plain romanization of Cyrillic, shared by slugs (the programme importer) and by search (cross-script
 * spelling). It is one spelling only; search adds phonetic keys on top for the other spellings people use.
 */

const CYR_TO_LAT: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

/** Romanizes Cyrillic text in the common passport style ("Светлов" → "svetlov", "Сухарев" → "sukharev"). */
export function transliterate(text: string): string {
  let out = "";
  for (const ch of text.toLowerCase()) out += CYR_TO_LAT[ch] ?? ch;
  return out;
}
