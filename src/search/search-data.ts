/**
 * The data files a search reads on first use, read ahead: the word lists of data/lexicon/ (the whole ones read
 * and their lines noted) and the Russian forms dictionary (3.3 MB, with its line index: 5–10 ms of CPU, paid
 * otherwise by the first Cyrillic query word of a process). For the work a running bot does after it starts
 * serving (index.ts prepareFirstUse, src/bot/deps.ts prepareIndexSoon), off any query's path; answers are the
 * same either way.
 */
import { prepareLexicons } from "./lexicon.js";
import { russianForms } from "./ru-forms.js";

let prepared = false;

/** Reads the search's data files now (once a process); see the module's comment. */
export function prepareSearchData(): void {
  if (prepared) return;
  prepared = true;
  prepareLexicons();
  russianForms()?.prepare();
}
