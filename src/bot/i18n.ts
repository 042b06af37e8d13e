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

/** A translation function fixed to one language, for one update. */
export function fixedT(i18n: i18n, lang: Lang): TFunction {
  return i18n.getFixedT(lang);
}
