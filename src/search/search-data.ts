/**
 * The data files a search reads on first use, read ahead: the word lists of data/lexicon/ between the languages a
 * programme's searches translate (the whole ones read and their lines noted) and the Russian forms dictionary
 * (3.3 MB, with its line index: 5–10 ms of CPU, paid otherwise by the first Cyrillic query word of a process). For
 * the work a running bot does after it starts serving (index.ts prepareFirstUse, src/bot/deps.ts
 * prepareIndexSoon), off any query's path; answers are the same either way.
 */
import { prepareLexicons } from "./lexicon.js";
import { russianForms } from "./ru-forms.js";

/** The languages attendees type queries in, whatever the programme's: English and Russian. */
export const QUERY_LANGUAGES = ["en", "ru"] as const;

/** The languages whose lists were read ahead. */
const prepared = new Set<string>();

/**
 * Reads the search's data files for a programme in `languages` (its content languages) now: the lists between
 * them and {@link QUERY_LANGUAGES}, once a process each, and the Russian forms; see the module's comment.
 */
export function prepareSearchData(languages: readonly string[]): void {
  const all = [...new Set([...QUERY_LANGUAGES, ...languages])].sort();
  const key = all.join(" ");
  if (prepared.has(key)) return;
  prepared.add(key);
  prepareLexicons(all);
  russianForms()?.prepare();
}
