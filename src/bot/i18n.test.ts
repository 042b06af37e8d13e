import { describe, expect, it } from "vitest";
import { LANGS } from "../programme/model.js";
import { createI18n, fixedT, translateAround } from "./i18n.js";

const COUNTS = [0, 1, 2, 5, 11, 21, 101];
const RU_FORMS = ["one", "few", "many", "other"];
/** Values for the other placeholders of counted strings. */
const OTHER_VALUES = {
  query: "q",
  title: "T",
  noun: "N",
  halls: "Hall A",
  details: "d",
  file: "f.yaml",
  follows: "3",
  audience: "all",
  pace: "p",
  minutes: "4",
  rate: "25",
  track: "Rust",
  name: "N",
  id: "x",
};

/** Every plural family of a locale (the key without its _one/_other suffix), flattened with dots. */
function pluralFamilies(resources: Record<string, unknown>, prefix = ""): string[] {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(resources)) {
    if (v && typeof v === "object") for (const f of pluralFamilies(v as never, `${prefix}${k}.`)) out.add(f);
    const m = /^(.*)_(one|few|many|other)$/.exec(k);
    if (m && typeof v === "string") out.add(`${prefix}${m[1]}`);
  }
  return [...out];
}

describe("counted strings", () => {
  const i18n = createI18n();
  for (const lang of LANGS) {
    const resources = i18n.getResourceBundle(lang, "translation") as Record<string, unknown>;
    const families = pluralFamilies(resources).filter((f) => f !== "now.last");
    const t = i18n.getFixedT(lang);

    it(`${lang}: every counted string has all its plural forms and shows the number at 0, 1, 2, 5, 11, 21, 101`, () => {
      expect(families.length).toBeGreaterThan(15);
      for (const family of families) {
        const forms = lang === "ru" ? RU_FORMS : ["one", "other"];
        for (const form of forms)
          expect(i18n.exists(`${family}_${form}`, { lng: lang }), `${family}_${form}`).toBe(true);
        for (const count of COUNTS) {
          const text = t(family, { ...OTHER_VALUES, count, n: String(count) });
          expect(text, `${family} at ${count}`).toContain(String(count));
          expect(text, `${family} at ${count}`).not.toContain("{{");
        }
      }
    });
  }

  it("reads as people write it, in both languages", () => {
    const en = i18n.getFixedT("en");
    const ru = i18n.getFixedT("ru");
    const cases: [string, number, string, string][] = [
      ["admin.broadcast.starting", 1, "Sending to 1 recipient…", "Отправляю 1 получателю…"],
      ["admin.broadcast.starting", 21, "Sending to 21 recipients…", "Отправляю 21 получателю…"],
      ["admin.broadcast.starting", 5, "Sending to 5 recipients…", "Отправляю 5 получателям…"],
      ["my.past_hidden", 5, "5 past sessions are hidden", "5 прошедших докладов скрыто"],
      ["my.past_hidden", 2, "2 past sessions are hidden", "2 прошедших доклада скрыты"],
      ["my.calendar_caption", 21, "21 sessions as a calendar file", "21 доклад из вашего списка"],
      ["my.all_past", 11, "All 11 of your sessions are over", "Все 11 докладов из вашего списка уже прошли"],
      ["my.all_past", 101, "All 101 of your sessions are over", "Все 101 доклад из вашего списка уже прошли"],
      ["admin.applied", 5, "5 notices are on their way", "5 уведомлений уже в пути"],
      ["search.found", 21, "21 matches", "Нашёлся 21 результат"],
      ["reminder.text", 1, "In 1 minute", "Через 1 минуту"],
    ];
    for (const [key, count, english, russian] of cases) {
      const args = { count, n: String(count), title: "T", details: "", query: "q" };
      expect(en(key, args)).toContain(english);
      expect(ru(key, args)).toContain(russian);
    }
  });
});

/** Every key of a locale that is a string (plural forms under their family's name), flattened with dots. */
function allKeys(resources: Record<string, unknown>, prefix = ""): string[] {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(resources)) {
    if (v && typeof v === "object") for (const key of allKeys(v as never, `${prefix}${k}.`)) out.add(key);
    else out.add(`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, "")}`);
  }
  return [...out];
}

describe("fixedT", () => {
  const i18n = createI18n();
  for (const lang of LANGS)
    it(`${lang}: translates every key as i18next's getFixedT does, with and without options`, () => {
      const ours = fixedT(i18n, lang);
      const theirs = i18n.getFixedT(lang);
      const keys = allKeys(i18n.getResourceBundle(lang, "translation") as Record<string, unknown>);
      expect(keys.length).toBeGreaterThan(300);
      const vars = { ...OTHER_VALUES, count: 3, n: "3", title: "<b>T & T</b>", name: "A < B" };
      for (const key of keys) {
        expect(ours(key), key).toBe(theirs(key));
        // Asked twice: the second answer comes from the memo.
        expect(ours(key), key).toBe(theirs(key));
        expect(ours(key, vars), key).toBe(theirs(key, vars));
        expect(ours(key, vars), key).toBe(theirs(key, vars));
        expect(ours(key, { ...vars, count: 21 }), key).toBe(theirs(key, { ...vars, count: 21 }));
      }
      // An explicit language in the options still wins, as with getFixedT.
      const other = lang === "en" ? "ru" : "en";
      expect(ours("help.text", { lng: other })).toBe(theirs("help.text", { lng: other }));
      expect(fixedT(i18n, lang)).toBe(ours);
      // A number and its text are told apart; an option that is no plain value is passed through untouched.
      expect(ours("my.past_hidden", { count: 1 })).not.toBe(ours("my.past_hidden", { count: "1" }));
      const list = ["a", "b"];
      expect(ours("card.title", { title: list })).toBe(theirs("card.title", { title: list }));
    });
});

describe("translateAround", () => {
  const i18n = createI18n();
  const queries = ["flask", "“quoted” &amp; <b>html</b>", "$& $1 $$ {{count}}", "", "ронахер"];
  for (const lang of LANGS)
    it(`${lang}: gives the text translating with the value gives, whatever the value`, () => {
      const t = fixedT(i18n, lang);
      for (const query of queries)
        for (const count of COUNTS) {
          expect(translateAround(t, "search.found", { count }, "query", query)).toBe(
            i18n.getFixedT(lang)("search.found", { count, query }),
          );
          expect(translateAround(t, "search.nothing", { topics: " (x)" }, "query", query)).toBe(
            i18n.getFixedT(lang)("search.nothing", { topics: " (x)", query }),
          );
        }
      // A key that escapes the value (or does not hold it) is translated with the value itself.
      expect(translateAround(t, "card.title", {}, "title", "<b>")).toBe(t("card.title", { title: "<b>" }));
      expect(translateAround(t, "nav.next", {}, "query", "x")).toBe(t("nav.next"));
    });
});
