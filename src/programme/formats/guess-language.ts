/**
 * The language of a text, guessed from its most common function words, for sources that do not say (iCalendar,
 * FOSDEM 2020's empty <language/>). Only confident guesses count: short or mixed texts give undefined.
 */
const STOPWORDS: Record<string, string> = {
  en: "the and of to in is for with on that this are we you how from be it an as by or will what can your our about",
  de: "der die und das ist nicht mit ein eine für von zu den auf wir sich auch wie im dem es werden ich sie über oder",
  fr: "le la les et des un une est pour dans du en que qui sur au pas par nous vous avec ce sont plus ses aux",
  es: "el la los las y de que en un una es por para con del se no su al lo como más pero sus",
  it: "il lo la gli le e di che un una è per con del della non si da sono al come più",
  nl: "de het een en van is dat op te zijn met voor niet aan er ook als bij wordt door",
  ru: "и в не на что с по как это к из для у о мы вы от за но так же при или",
};
const WORDS = new Map<string, string[]>();
for (const [lang, list] of Object.entries(STOPWORDS))
  for (const w of list.split(" ")) WORDS.set(w, [...(WORDS.get(w) ?? []), lang]);

/** The language (ISO 639-1) a text is most likely in, when the evidence is clear; else undefined. */
export function guessLanguage(text: string): string | undefined {
  const scores = new Map<string, number>();
  let hits = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const langs = WORDS.get(word);
    if (!langs) continue;
    hits++;
    for (const l of langs) scores.set(l, (scores.get(l) ?? 0) + 1 / langs.length);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || hits < 3) return undefined;
  // Clearly ahead of the runner-up, or it is a coin toss.
  return first[1] >= 2 * (second?.[1] ?? 0) ? first[0] : undefined;
}
