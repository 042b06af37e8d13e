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
 * i18next's own `getFixedT` function copies the instance's whole options object on every call (15 µs a
 * translation, most of a card's rendering); this one passes the language to `i18n.t` directly (4 µs), and a
 * key translated without options, whose text never changes (the resources are loaded once), is translated
 * once. Anything else (a key selector, a default value instead of options) goes through `getFixedT`'s.
 */
export function fixedT(i18n: i18n, lang: Lang): TFunction {
  let byLang = fixedByInstance.get(i18n);
  if (!byLang) {
    byLang = new Map();
    fixedByInstance.set(i18n, byLang);
  }
  let t = byLang.get(lang);
  if (!t) {
    t = fastFixedT(i18n, lang);
    byLang.set(lang, t);
  }
  return t;
}

function fastFixedT(i18n: i18n, lang: Lang): TFunction {
  const slow = i18n.getFixedT(lang) as unknown as (...args: unknown[]) => unknown;
  const bare = new Map<string, unknown>();
  const fast = (key: unknown, options?: unknown, ...rest: unknown[]): unknown => {
    if (typeof key !== "string" || rest.length) return slow(key, options, ...rest);
    if (options === undefined) {
      let text = bare.get(key);
      if (text === undefined) {
        text = i18n.t(key, { lng: lang });
        bare.set(key, text);
      }
      return text;
    }
    if (typeof options !== "object" || options === null) return slow(key, options);
    const o = { ...(options as Record<string, unknown>) };
    if (!o.lng) o.lng = lang;
    return i18n.t(key, o);
  };
  // getFixedT's function carries its language; code reading `t.lng` finds it here too.
  return Object.assign(fast, { lng: lang }) as unknown as TFunction;
}
