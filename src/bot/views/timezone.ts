import { DateTime } from "luxon";
import type { Lang } from "../../programme/model.js";

/**
 * The conference's timezone as attendees read it, at a given moment (the offset of that date, not today's):
 * "Yekaterinburg Standard Time (UTC+6)", «Екатеринбург (UTC+6)» — from the ICU's names, so any IANA zone works.
 */
export function zoneLabel(timezone: string, lang: Lang, atMs: number): string {
  const parts = new Intl.DateTimeFormat(lang, {
    timeZone: timezone,
    timeZoneName: lang === "ru" ? "long" : "longGeneric",
  }).formatToParts(new Date(atMs));
  const raw = parts.find((p) => p.type === "timeZoneName")?.value ?? timezone;
  // Russian names read "Екатеринбург, стандартное время": the place is what people know.
  const name = lang === "ru" ? raw.replace(/,\s*(стандартное|летнее) время$/, "") : raw;
  const offset = DateTime.fromMillis(atMs, { zone: timezone }).toFormat("Z");
  return `${name} (UTC${offset})`;
}
