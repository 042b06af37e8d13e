/**
 * iCalendar (linux.conf.au, JRES, pretalx's export): one VEVENT per session, read with ical.js. Lines are
 * unfolded at the byte level first, so a fold that splits a UTF-8 character (JRES 2022) still decodes; a
 * TZID without its VTIMEZONE is read as the IANA zone of that name.
 */
import ICAL from "ical.js";
import { ProgrammeError } from "../errors.js";
import type { SourceWarning } from "../model.js";
import { parseLanguages } from "./languages.js";
import { makeLink } from "./links.js";
import type { RawEvent, RawPerson, RawSchedule, RawTime } from "./raw.js";
import { isIanaZone, isoIn, localMs, mostCommon } from "./time.js";

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;

/**
 * Unfolds iCalendar lines on the bytes (CRLF or LF followed by a space or tab), drops stray CRs, then decodes
 * UTF-8. Folds that split a multi-byte character are counted and reported.
 */
export function decodeIcsBytes(bytes: Uint8Array): { text: string; warnings: SourceWarning[] } {
  const out = new Uint8Array(bytes.length);
  let j = 0;
  let splits = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0d) continue; // CRLF → LF; a stray CR (JRES writes "\r\r\n") is dropped too
    if (b === 0x0a && (bytes[i + 1] === 0x20 || bytes[i + 1] === 0x09)) {
      const next = bytes[i + 2];
      if (next !== undefined && next >= 0x80 && next <= 0xbf) splits++; // a UTF-8 continuation byte
      i++;
      continue;
    }
    out[j++] = b ?? 0;
  }
  const unfolded = out.subarray(0, j);
  const warnings: SourceWarning[] = [];
  if (splits)
    warnings.push({
      code: "broken-utf8-folding",
      message: `${splits} folded line(s) split a UTF-8 character between lines; unfolded before decoding`,
    });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(unfolded);
  } catch {
    text = new TextDecoder("utf-8").decode(unfolded);
    warnings.push({
      code: "invalid-utf8",
      message: "the calendar holds invalid UTF-8; bad bytes are shown as �",
    });
  }
  return { text: text.replace(/^\uFEFF/, ""), warnings };
}

const pad = (n: number) => String(n).padStart(2, "0");
const localOf = (t: Time) =>
  `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.isDate ? 0 : t.hour)}:${pad(t.isDate ? 0 : t.minute)}:${pad(t.isDate ? 0 : t.second)}`;

/** Speakers written into the text by known generators: "Speaker: A" lines (linux.conf.au), "Title - A, B" (pretalx). */
function speakersFrom(
  summary: string,
  description: string,
  pretalx: boolean,
): { title: string; description: string; persons: RawPerson[] } {
  const lines = description.split("\n");
  const speakerLine = /^\s*speakers?\s*:\s*(.+)$/i.exec(lines[0] ?? "");
  if (speakerLine?.[1]) {
    const names = speakerLine[1].split(/\s*,\s*|\s+(?:and|&)\s+/).filter(Boolean);
    return {
      title: summary,
      description: lines.slice(1).join("\n"),
      persons: names.map((name) => ({ name })),
    };
  }
  const dash = summary.lastIndexOf(" - ");
  if (pretalx && dash > 0) {
    const names = summary
      .slice(dash + 3)
      .split(/\s*,\s*/)
      .filter(Boolean);
    return { title: summary.slice(0, dash), description, persons: names.map((name) => ({ name })) };
  }
  return { title: summary, description, persons: [] };
}

/** Reads iCalendar text (already unfolded and decoded); throws a ProgrammeError when it is not a calendar. */
export function readIcal(ics: string, source: string, decodeWarnings: SourceWarning[] = []): RawSchedule {
  let cal: Component;
  try {
    cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  } catch (e) {
    throw new ProgrammeError(source, [
      {
        path: "",
        message: `a valid iCalendar file (${(e as Error).message})`,
        problem: { code: "bad-format", values: { format: "iCalendar", error: (e as Error).message } },
      },
    ]);
  }
  const warnings = [...decodeWarnings];
  const zones = new Map<string, InstanceType<typeof ICAL.Timezone>>();
  for (const vtz of cal.getAllSubcomponents("vtimezone")) {
    const tz = new ICAL.Timezone(vtz);
    zones.set(tz.tzid, tz);
  }
  const pretalx = /pretalx/i.test(String(cal.getFirstPropertyValue("prodid") ?? ""));
  const missingZones = new Map<string, number>();
  const tzids: string[] = [];

  const timeOf = (ev: Component, name: string): RawTime | undefined => {
    const prop = ev.getFirstProperty(name);
    let value: Time | null | undefined;
    try {
      value = prop?.getFirstValue() as Time | null | undefined;
    } catch {
      return { local: `unreadable ${name.toUpperCase()}` }; // ical.js parses values lazily; build reports it
    }
    if (!prop || !value || typeof value !== "object" || !("year" in value)) return undefined;
    const tzid = prop.getParameter("tzid");
    const tz = typeof tzid === "string" ? tzid : undefined;
    if (value.zone === ICAL.Timezone.utcTimezone) return { instant: `${localOf(value)}Z` };
    if (!tz) return { local: localOf(value) };
    tzids.push(tz);
    if (isIanaZone(tz)) {
      if (!zones.has(tz)) missingZones.set(tz, (missingZones.get(tz) ?? 0) + 1);
      // Luxon's IANA rules, not the file's VTIMEZONE, fix the offset: they are the authoritative ones.
      const ms = localMs(localOf(value), tz);
      return Number.isFinite(ms) && Math.abs(ms) < 8e15
        ? { instant: isoIn(ms, tz) }
        : { local: localOf(value) };
    }
    const vtz = zones.get(tz);
    if (vtz) {
      const t = value.clone();
      t.zone = vtz;
      return { instant: new Date(t.toUnixTime() * 1000).toISOString() };
    }
    missingZones.set(tz, (missingZones.get(tz) ?? 0) + 1);
    return { local: localOf(value) };
  };

  const events: RawEvent[] = [];
  const urls: string[] = [];
  for (const [i, ev] of cal.getAllSubcomponents("vevent").entries()) {
    const get = (name: string) => {
      const v = ev.getFirstPropertyValue(name);
      return typeof v === "string" ? v : v == null ? "" : String(v);
    };
    const uid = get("uid");
    const start = timeOf(ev, "dtstart") ?? {};
    const end = timeOf(ev, "dtend");
    let duration: ReturnType<typeof ev.getFirstPropertyValue> | undefined;
    try {
      duration = ev.getFirstPropertyValue("duration");
    } catch {
      duration = undefined; // an unreadable DURATION: the event is shown without one, with a warning
    }
    const summaryProp = ev.getFirstProperty("summary");
    const lang = summaryProp?.getParameter("language");
    const parsed = speakersFrom(get("summary"), get("description"), pretalx);
    const url = get("url");
    if (url) urls.push(url);
    events.push({
      id: uid || undefined,
      where: `VEVENT ${i + 1}${uid ? ` (UID ${uid})` : ""}`,
      title: parsed.title,
      description: parsed.description,
      type: get("categories") || undefined,
      start,
      end,
      duration:
        duration && typeof duration === "object" && "toSeconds" in duration
          ? `${Math.floor(duration.toSeconds() / 3600)}:${pad(Math.floor((duration.toSeconds() % 3600) / 60))}`
          : undefined,
      room: get("location") || undefined,
      languages: parseLanguages(typeof lang === "string" ? lang : undefined),
      persons: parsed.persons,
      url: url || undefined,
      links: [],
      cancelled: get("status").toUpperCase() === "CANCELLED" || undefined,
    });
  }
  for (const [tz, count] of missingZones)
    warnings.push({
      code: "tzid-without-vtimezone",
      message: `${count} times name TZID=${tz} but the calendar has no VTIMEZONE for it; ${isIanaZone(tz) ? "read as the IANA zone" : "it is no IANA zone either"}`,
    });
  const calZone = String(cal.getFirstPropertyValue("x-wr-timezone") ?? "");
  const base = mostCommon(urls.map((u) => makeLink(u, "")?.url && new URL(u).origin).filter(Boolean));
  return {
    format: "ical",
    title: String(
      cal.getFirstPropertyValue("x-wr-calname") ?? cal.getFirstPropertyValue("x-wr-caldesc") ?? "",
    ),
    baseUrl: typeof base === "string" ? base : undefined,
    timezone: calZone || mostCommon(tzids.filter((z) => isIanaZone(z))),
    days: [],
    rooms: [],
    tracks: [],
    bios: new Map(),
    events,
    warnings,
  };
}
