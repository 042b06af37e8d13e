/**
 * The real schedules in ../shared/eval/real/ and what they hold, computed here independently of the loaders
 * (htmlparser2's DOM for XML, JSON.parse, a plain line parser for iCalendar) so that tests compare the
 * loaders against the sources themselves.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { DateTime } from "luxon";

/**
 * Where the real schedules are: `../shared/eval/real` beside the repository (CI's layout), or beside one of
 * its parent folders (a git worktree under a folder of worktrees).
 */
export const REAL_DIR = (() => {
  let dir = join(import.meta.dirname, "../..");
  for (let i = 0; i < 3; i++, dir = dirname(dir)) {
    const candidate = join(dir, "../shared/eval/real");
    if (existsSync(candidate)) return candidate;
  }
  return join(import.meta.dirname, "../../../shared/eval/real");
})();

/** Every schedule file there (not the README, nor the folder of PyCon Russia's site sources). */
export function realFiles(): string[] {
  return readdirSync(REAL_DIR)
    .filter((f) => !f.endsWith(".md") && statSync(join(REAL_DIR, f)).isFile())
    .sort();
}

/** What a source holds: its events' times and titles, its rooms with events, its distinct (person id, name) pairs. */
export interface SourceFacts {
  /** `track` only where the source gives one (frab XML's `<track>`, "" when empty). */
  events: { title: string; start: number; end: number; room: string; track?: string }[];
  rooms: Set<string>;
  /** Distinct person identities: `key\nname`. */
  persons: Set<string>;
}

type ChildNode = ReturnType<typeof parseDocument>["children"][number];
type Element = Extract<ChildNode, { attribs: unknown }>;
const { getElementsByTagName, textContent } = DomUtils;

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
const minutes = (d: string) => {
  const [h = "0", m = "0"] = d.trim().split(":");
  return (Number(h) * 60 + Number(m)) * 60_000;
};

function children(el: Element, name: string): Element[] {
  return el.children.filter((c): c is Element => c.type === "tag" && c.name === name);
}
const childText = (el: Element, name: string) => {
  const c = children(el, name)[0];
  return c ? textContent(c) : "";
};

/** frab XML facts; `zone` reads local clock times when events carry no <date>. */
export function frabFacts(file: string, zone?: string): SourceFacts {
  const doc = parseDocument(readFileSync(join(REAL_DIR, file), "utf8"), {
    xmlMode: true,
    decodeEntities: true,
  });
  const facts: SourceFacts = { events: [], rooms: new Set(), persons: new Set() };
  for (const day of getElementsByTagName("day", doc.children, true)) {
    for (const room of children(day, "room")) {
      for (const ev of children(room, "event")) {
        const date = childText(ev, "date");
        const start = date
          ? Date.parse(date)
          : DateTime.fromISO(`${day.attribs.date}T${childText(ev, "start").padStart(5, "0")}`, {
              zone,
            }).toMillis();
        facts.events.push({
          title: collapse(childText(ev, "title")),
          start,
          end: start + minutes(childText(ev, "duration")),
          room: room.attribs.name ?? "",
          track: collapse(childText(ev, "track")),
        });
        facts.rooms.add(room.attribs.name ?? "");
        for (const persons of children(ev, "persons"))
          for (const p of children(persons, "person")) {
            const key = p.attribs.code ?? p.attribs.guid ?? p.attribs.id ?? "";
            facts.persons.add(`${key}\n${collapse(textContent(p))}`);
          }
      }
    }
  }
  return facts;
}

/** c3voc JSON facts. */
export function jsonFacts(file: string): SourceFacts {
  type Ev = { title: string; date: string; duration: string; persons?: Record<string, unknown>[] };
  const doc = JSON.parse(readFileSync(join(REAL_DIR, file), "utf8")) as {
    schedule: { conference: { days: { rooms: Record<string, Ev[]> }[] } };
  };
  const facts: SourceFacts = { events: [], rooms: new Set(), persons: new Set() };
  for (const day of doc.schedule.conference.days)
    for (const [room, events] of Object.entries(day.rooms))
      for (const ev of events) {
        const start = Date.parse(ev.date);
        facts.events.push({ title: collapse(ev.title), start, end: start + minutes(ev.duration), room });
        facts.rooms.add(room);
        for (const p of ev.persons ?? [])
          facts.persons.add(
            `${String(p.code ?? p.guid ?? p.id)}\n${collapse(String(p.public_name ?? p.name))}`,
          );
      }
  return facts;
}

/** iCalendar facts from a plain line parser: unfold bytes, split properties, read TZID times with luxon. */
export function icsFacts(file: string): SourceFacts & { speakerLines: number } {
  const bytes = readFileSync(join(REAL_DIR, file));
  const text = new TextDecoder().decode(
    Buffer.from(
      bytes
        .toString("latin1")
        .replace(/\r/g, "")
        .replace(/\n[ \t]/g, ""),
      "latin1",
    ),
  );
  const facts = {
    events: [] as SourceFacts["events"],
    rooms: new Set<string>(),
    persons: new Set<string>(),
    speakerLines: 0,
  };
  let current: Record<string, { params: string; value: string }> | undefined;
  const time = (p: { params: string; value: string } | undefined) => {
    if (!p) return Number.NaN;
    const tz = /TZID=([^;:]+)/.exec(p.params)?.[1];
    const v = p.value.trim();
    const iso = `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T${v.slice(9, 11)}:${v.slice(11, 13)}:${v.slice(13, 15)}`;
    return v.endsWith("Z") ? Date.parse(`${iso}Z`) : DateTime.fromISO(iso, { zone: tz }).toMillis();
  };
  for (const line of text.split("\n")) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT" && current) {
      const location = current.LOCATION?.value.replace(/\\,/g, ",") ?? "";
      facts.events.push({
        title: collapse(current.SUMMARY?.value.replace(/\\([,;\\])/g, "$1") ?? ""),
        start: time(current.DTSTART),
        end: time(current.DTEND),
        room: location,
      });
      if (location) facts.rooms.add(location);
      if (/^Speakers?:/i.test(current.DESCRIPTION?.value ?? "")) facts.speakerLines++;
      current = undefined;
    } else if (current) {
      const m = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
      if (m?.[1] && !(m[1] in current)) current[m[1]] = { params: m[2] ?? "", value: m[3] ?? "" };
    }
  }
  return facts;
}
