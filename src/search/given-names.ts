/**
 * Russian given names and the other forms people go by: a programme lists “Grisha Kostjuk” and an attendee asks
 * for “Kostiuk Grigory”, a speaker signs “Vladislav Blinov” and is asked for as “Blinow Wlad”, “Andrew Svetlov”
 * is Андрей Светлов. Romanization (translit.ts `romanizationKey`) reads every spelling of one form alike; which
 * forms are one name no spelling rule can tell, and no dictionary the project can ship lists them, so the common
 * ones are written here: each full name with its short forms and its usual English equivalent.
 *
 * A full name reaches its short forms and its other full spellings; a short form reaches its full names but not
 * the other short forms («Слава» may be Vladislav, not Vlad). Compared by `romanizationKey`, so each form below
 * stands for all its romanizations (Grigory, Grigorij, Grigoriy, Григорий).
 */
import { romanizationKey } from "./translit.js";

/** `full = short forms; other languages' forms of the full name`, one name a line. */
const GIVEN_NAME_LINES = `
александр = саша, саня, шура, алекс; alexander
алексей = лёша, алёша, лёха, алекс; alexey, alex
анатолий = толя
андрей = андрюша; andrew
антон = антоша
аркадий = аркаша
арсений = арсен, сеня
артём = тёма
борис = боря
вадим = вадик
валентин = валя
валерий = валера
василий = вася
виктор = витя
виталий = виталик, витя
владимир = вова, володя, влад
владислав = влад, владик, слава
всеволод = сева
вячеслав = слава
геннадий = гена
георгий = жора, гоша; george
григорий = гриша; gregory
даниил = даня, данила; daniel
денис = ден
дмитрий = дима, митя
евгений = женя; eugene
иван = ваня
илья = илюша
иннокентий = кеша
кирилл = киря
константин = костя
лев = лёва
леонид = лёня
максим = макс
михаил = миша; michael, mike
николай = коля; nicholas, nick
павел = паша; paul
пётр = петя; peter
роман = рома
ростислав = ростик, слава
святослав = слава
семён = сеня
сергей = серёжа; serge
станислав = стас, слава
степан = стёпа
тимофей = тима
фёдор = федя
эдуард = эдик
юрий = юра
яков = яша
ярослав = ярик, слава
александра = саша, саня
анастасия = настя
анна = аня
антонина = тоня
валентина = валя
валерия = лера
варвара = варя
виктория = вика
галина = галя
дарья = даша
евгения = женя
екатерина = катя; catherine, katherine, kate
елизавета = лиза; elizabeth
елена = лена; helen
ирина = ира
ксения = ксюша
лариса = лара
любовь = люба
людмила = люда, мила
маргарита = рита
мария = маша; mary
надежда = надя
наталья = наташа
ольга = оля
полина = поля
светлана = света
софья = соня; sophie
татьяна = таня
юлия = юля; julia
`;

/** Consonants a final -р may follow: a name read from English spells it -er ("Alexander", "Peter"). */
const ER = /([бвгджзклмнпрстфхцчш])р$/;
const WRITTEN_ER = /([бвгджзклмнпрстфхцчш])ер$/;

/** The keys a form of a name is found by: its romanization, and with -er for a final consonant and р. */
function keysOf(form: string): string[] {
  const key = romanizationKey(form);
  if (!key) return [];
  const er = key.replace(ER, "$1ер");
  return er === key ? [key] : [key, er];
}

/** Key of a form → the keys of the name's other forms. */
const FORMS: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, Set<string>>();
  const link = (from: readonly string[], to: readonly string[]) => {
    for (const k of from) {
      const set = out.get(k) ?? new Set<string>();
      out.set(k, set);
      for (const t of to) if (t !== k) set.add(t);
    }
  };
  for (const line of GIVEN_NAME_LINES.split("\n")) {
    const [full = "", rest = ""] = line.split("=").map((s) => s.trim());
    if (!full) continue;
    const [shortList = "", otherList = ""] = rest.split(";");
    const words = (list: string) =>
      list
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    const fulls = [full, ...words(otherList)].flatMap(keysOf);
    const shorts = words(shortList).flatMap(keysOf);
    link(fulls, [...fulls, ...shorts]);
    link(shorts, fulls);
  }
  return new Map([...out].map(([k, set]) => [k, [...set]]));
})();

/**
 * The romanization keys (translit.ts `romanizationKey`) of the other forms of the given name `word` is, in
 * either script, in any case ("grigory" → гриша; "wlad" → владислав, владимир; "andrew" → андреи), to look the programme's
 * names up by; none when `word` is no given name listed here.
 */
export function otherNameForms(word: string): readonly string[] {
  const key = romanizationKey(word.toLowerCase());
  if (!key) return [];
  // "Alexander", "Peter": an English -er for a Russian -р; "Lisa", "Rosa": a German s between vowels is з.
  const variants = [key, key.replace(WRITTEN_ER, "$1р"), key.replace(VOICED_S, "з")];
  const out = new Set<string>();
  for (const k of new Set(variants)) {
    const forms = FORMS.get(k);
    if (!forms) continue;
    if (k !== key) out.add(k);
    for (const f of forms) if (f !== key) out.add(f);
  }
  return [...out];
}

/** An с between vowels, which German and other romanizations write for з. */
const VOICED_S = /(?<=[аеиоуюя])с(?=[аеиоуюя])/g;
