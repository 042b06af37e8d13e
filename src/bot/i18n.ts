import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import i18next, { type i18n, type TFunction } from "i18next";
import { APP_ROOT } from "../app-root.js";
import { LANGS, type Lang } from "../programme/model.js";

const localesDir = join(APP_ROOT, "locales") + sep;

/**
 * Creates the i18next instance with every locale loaded synchronously from `locales/`.
 * Values are HTML-escaped on interpolation (messages use HTML parse mode); `{{- x}}` inserts trusted HTML.
 */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    lng: "en",
    fallbackLng: "en",
    supportedLngs: [...LANGS],
    resources: Object.fromEntries(
      LANGS.map((lang) => [
        lang,
        { translation: JSON.parse(readFileSync(`${localesDir}${lang}.json`, "utf8")) },
      ]),
    ),
    interpolation: { escapeValue: true },
    returnNull: false,
  });
  return instance;
}

const fixedByInstance = new WeakMap<i18n, Map<Lang, TFunction>>();

/**
 * A translation function fixed to one language, for one update (made once per instance and language).
 * i18next's own `getFixedT` function copies the instance's whole options object on every call; this one passes
 * the language to {@link translate}. Anything else (a key selector, a default value instead of options) goes
 * through `getFixedT`'s.
 */
export function fixedT(i18n: i18n, lang: Lang): TFunction {
  let byLang = fixedByInstance.get(i18n);
  if (!byLang) {
    byLang = new Map();
    fixedByInstance.set(i18n, byLang);
  }
  let t = byLang.get(lang);
  if (!t) {
    const slow = i18n.getFixedT(lang) as unknown as (...args: unknown[]) => unknown;
    const fast = (key: unknown, options?: unknown, ...rest: unknown[]): unknown =>
      typeof key !== "string" ||
      rest.length ||
      (options !== undefined && (typeof options !== "object" || !options))
        ? slow(key, options, ...rest)
        : translate(i18n, lang, key, options as Record<string, unknown> | undefined);
    // getFixedT's function carries its language; code reading `t.lng` finds it here too.
    t = Object.assign(fast, { lng: lang }) as unknown as TFunction;
    byLang.set(lang, t);
  }
  return t;
}

const translations = new WeakMap<i18n, Map<string, string>>();
/** How many translations {@link translate} keeps per instance before it starts again (a few MB at most). */
const REMEMBERED_TRANSLATIONS = 5_000;

/**
 * `i18n.t(key, options)` in `lang` (unless the options name another language). A translation is a pure function
 * of the key, the language and the options (the resources are loaded once and never change), and i18next takes
 * 10–40 µs for one inside the bot (most of rendering a screen): a text whose options are all plain values
 * (strings, numbers, booleans) is remembered, up to {@link REMEMBERED_TRANSLATIONS} of them.
 */
export function translate(i18n: i18n, lang: Lang, key: string, options?: Record<string, unknown>): unknown {
  let memoKey = `${lang}\u0001${key}`;
  if (options)
    for (const name in options) {
      const value = options[name];
      const type = typeof value;
      if (
        value !== undefined &&
        value !== null &&
        type !== "string" &&
        type !== "number" &&
        type !== "boolean"
      )
        return i18n.t(key, withLanguage(options, lang));
      memoKey += `\u0001${name}\u0002${type[0]}${String(value)}`;
    }
  let memo = translations.get(i18n);
  if (!memo) {
    memo = new Map();
    translations.set(i18n, memo);
  }
  let text = memo.get(memoKey);
  if (text === undefined) {
    const made: unknown = i18n.t(key, withLanguage(options, lang));
    if (typeof made !== "string") return made;
    if (memo.size >= REMEMBERED_TRANSLATIONS) memo.clear();
    text = made;
    memo.set(memoKey, text);
  }
  return text;
}

/** The options with the language set, unless they name one themselves (as getFixedT does). */
function withLanguage(options: Record<string, unknown> | undefined, lang: Lang): Record<string, unknown> {
  const o = { ...options };
  if (!o.lng) o.lng = lang;
  return o;
}

/**
 * Stands for a value {@link translateAround} inserts after translating: private-use characters around what HTML
 * escaping changes, so that a placeholder that escapes its value (`{{name}}`) is not taken for a trusted one.
 */
const HOLE = "\uE000<&>\uE000";

/**
 * `t(key, { ...options, [name]: value })` for a key that inserts `name` as trusted HTML (`{{- name}}`) and a
 * `value` that changes every time (the query a user typed): translated with a stand-in, which
 * {@link translate} remembers for the other options, and the value put in its place. The same text as
 * translating with the value; a key that escapes the value, or does not hold it exactly once, is translated
 * with the value itself.
 */
export function translateAround(
  t: TFunction,
  key: string,
  options: Record<string, unknown>,
  name: string,
  value: string,
): string {
  const text = String(t(key, { ...options, [name]: HOLE }));
  const at = text.indexOf(HOLE);
  if (at < 0 || text.indexOf(HOLE, at + 1) >= 0 || value.includes(HOLE))
    return String(t(key, { ...options, [name]: value }));
  return text.slice(0, at) + value + text.slice(at + HOLE.length);
}
