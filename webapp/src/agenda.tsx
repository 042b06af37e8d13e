/**
 * My agenda: the followed sessions in time order, day by day, overlaps marked; between two of them a gap
 * offers what starts in it ("fill this gap").
 */
import { useState } from "preact/hooks";
import type { ApiElsewhere, ApiLang, ApiSession } from "../../src/webapp/api-types.js";
import { dayLabel, isoDate, span, startDay } from "./format.js";
import { type Model, overlapsOf, speakerNames } from "./model.js";
import { SessionList } from "./session.js";
import type { T } from "./strings.js";
import { openLink } from "./telegram.js";

/** A free stretch of at least this long between two followed sessions is offered as a gap. */
const MIN_GAP = 15 * 60_000;

type Entry =
  | { kind: "session"; s: ApiSession }
  | { kind: "gap"; from: number; to: number; offer: ApiSession[] };

/** Coffee, lunch and other breaks of the programme: not free time in the agenda. */
const PAUSES = new Set(["break", "meal"]);

/** [from, to) with the programme's breaks taken out: the stretches left, each at least {@link MIN_GAP}. */
function freeStretches(m: Model, from: number, to: number): [number, number][] {
  let free: [number, number][] = [[from, to]];
  for (const p of m.p.sessions) {
    if (!PAUSES.has(p.kind) || p.cancelled || p.end <= from || p.start >= to) continue;
    free = free.flatMap(([a, b]): [number, number][] =>
      p.end <= a || p.start >= b
        ? [[a, b]]
        : [
            [a, Math.max(a, p.start)],
            [Math.min(b, p.end), b],
          ],
    );
  }
  return free.filter(([a, b]) => b - a >= MIN_GAP);
}

/** The agenda's entries for one day: sessions in order with the free time between them (breaks are not). */
export function agendaEntries(m: Model, mine: readonly ApiSession[]): Entry[] {
  const out: Entry[] = [];
  let busyUntil = -Infinity;
  const mineIds = new Set(mine.map((s) => s.id));
  for (const s of mine) {
    if (!s.cancelled && busyUntil !== -Infinity && s.start - busyUntil >= MIN_GAP) {
      for (const [from, to] of freeStretches(m, busyUntil, s.start)) {
        const offer = m.p.sessions
          .filter((o) => o.followable && !mineIds.has(o.id) && o.start >= from && o.start < to)
          .sort(
            (a, b) =>
              a.start - b.start ||
              (m.rooms.get(a.room ?? "")?.index ?? 0) - (m.rooms.get(b.room ?? "")?.index ?? 0),
          );
        out.push({ kind: "gap", from, to, offer });
      }
    }
    out.push({ kind: "session", s });
    if (!s.cancelled) busyUntil = Math.max(busyUntil, s.end);
  }
  return out;
}

function Gap(props: {
  m: Model;
  entry: Extract<Entry, { kind: "gap" }>;
  lang: ApiLang;
  t: T;
  onOpen: (id: string) => void;
}) {
  const { entry, t, m, lang } = props;
  const [open, setOpen] = useState(false);
  const tz = m.p.conference.timezone;
  const [from, to] = span(entry.from, entry.to, lang, tz).split("–");
  return (
    <li class="gap" data-testid="gap">
      <div class="gap-head">
        <span>
          {t("gap", { from: from ?? "", to: to ?? "" })}
          {entry.offer.length > 0 && ` · ${t("gap_offer", { count: entry.offer.length })}`}
        </span>
        {entry.offer.length > 0 && (
          <button type="button" class="small" onClick={() => setOpen(!open)}>
            {open ? t("gap_hide") : t("gap_show")}
          </button>
        )}
      </div>
      {open && <SessionList m={m} list={entry.offer} lang={lang} onOpen={props.onOpen} />}
    </li>
  );
}

/** The agenda view. */
export function Agenda(props: {
  m: Model;
  following: ReadonlySet<string>;
  lang: ApiLang;
  t: T;
  calendarUrl?: string;
  onOpen: (id: string) => void;
  /** The user's follows at the deployment's other conferences. */
  elsewhere?: ApiElsewhere[];
  /** Unfollows a session of another conference. */
  onUnfollowElsewhere?: (conference: string, id: string) => void;
}) {
  const { m, lang, t } = props;
  const elsewhere = props.elsewhere ?? [];
  const tz = m.p.conference.timezone;
  const mine = [...props.following]
    .flatMap((id) => m.sessions.get(id) ?? [])
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const overlaps = overlapsOf(mine);
  // Headed by the calendar day each session starts on: a 01:10 session under Saturday, where its line's date says.
  const dayOfStart = (s: ApiSession) => isoDate(s.start, tz);
  const days = [...new Set(mine.map(dayOfStart))];
  return (
    <div class="agenda" data-testid="agenda">
      {mine.length === 0 && <p class="empty">{t(elsewhere.length ? "agenda_empty_here" : "agenda_empty")}</p>}
      {days.map((day) => (
        <section key={day}>
          <h2>{dayLabel(day, lang)}</h2>
          <ul class="agenda-list">
            {agendaEntries(
              m,
              mine.filter((s) => dayOfStart(s) === day),
            ).map((e) =>
              e.kind === "gap" ? (
                <Gap key={`gap-${e.from}`} m={m} entry={e} lang={lang} t={t} onOpen={props.onOpen} />
              ) : (
                <li
                  key={e.s.id}
                  class={overlaps.has(e.s.id) ? "mine overlap" : "mine"}
                  data-testid="agenda-item"
                  data-session={e.s.id}
                >
                  <button
                    type="button"
                    class="row"
                    style={{ "--c": (e.s.track && m.tracks.get(e.s.track)?.color) || "var(--neutral)" }}
                    onClick={() => props.onOpen(e.s.id)}
                  >
                    <span class="r-time">{span(e.s.start, e.s.end, lang, tz)}</span>
                    <span class={e.s.cancelled ? "r-title struck" : "r-title"}>{e.s.title}</span>
                    {e.s.speakers.length > 0 && <span class="r-speakers">{speakerNames(m, e.s)}</span>}
                    <span class="r-room">{e.s.room ? m.rooms.get(e.s.room)?.name : ""}</span>
                  </button>
                  {overlaps.has(e.s.id) && (
                    <p class="warn" data-testid="overlap">
                      {t("overlaps_with", {
                        titles: (overlaps.get(e.s.id) ?? [])
                          .map((o) => t("quoted", { title: o.title }))
                          .join(", "),
                      })}
                    </p>
                  )}
                </li>
              ),
            )}
          </ul>
        </section>
      ))}
      {elsewhere.length > 0 && (
        <Elsewhere
          groups={elsewhere}
          year={m.p.days[0]?.date.slice(0, 4) ?? ""}
          lang={lang}
          t={t}
          onUnfollow={props.onUnfollowElsewhere}
        />
      )}
      {props.calendarUrl && <CalendarFeed url={props.calendarUrl} t={t} />}
    </div>
  );
}

/**
 * The follows at other conferences (their reminders come all the same), each under its conference's name, in
 * its zone, with "✖️" to unfollow; a row opens the session's card in the bot (the grid shows one conference).
 */
function Elsewhere(props: {
  groups: ApiElsewhere[];
  /** The year of the conference shown: days of other years say theirs. */
  year: string;
  lang: ApiLang;
  t: T;
  onUnfollow?: ((conference: string, id: string) => void) | undefined;
}) {
  const { lang, t } = props;
  const dayOf = (ms: number, tz: string) => {
    const date = isoDate(ms, tz);
    const day = startDay(ms, lang, tz);
    return date.startsWith(props.year) ? day : `${day} ${date.slice(0, 4)}`;
  };
  return (
    <>
      <p class="hint">{t("elsewhere_note")}</p>
      {props.groups.map((g) => (
        <section key={g.conference.id} data-testid="elsewhere" data-conference={g.conference.id}>
          <h2>{t("elsewhere_title", { name: g.conference.name })}</h2>
          <ul class="agenda-list">
            {g.sessions.map((s) => (
              <li key={s.id} class="mine elsewhere" data-testid="elsewhere-item" data-session={s.id}>
                <button
                  type="button"
                  class="row"
                  style={{ "--c": "var(--neutral)" }}
                  disabled={!s.link}
                  onClick={() => s.link && openLink(s.link)}
                >
                  <span class="r-time">
                    {dayOf(s.start, g.conference.timezone)},{" "}
                    {span(s.start, s.end, lang, g.conference.timezone)}
                  </span>
                  <span class={s.cancelled ? "r-title struck" : "r-title"}>{s.title}</span>
                  {s.room && <span class="r-room">{s.room}</span>}
                </button>
                {props.onUnfollow && (
                  <button
                    type="button"
                    class="small"
                    data-testid="unfollow"
                    aria-label={t("unfollow")}
                    title={t("unfollow")}
                    onClick={() => props.onUnfollow?.(g.conference.id, s.id)}
                  >
                    ✖️
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function CalendarFeed(props: { url: string; t: T }) {
  const { t } = props;
  const webcal = props.url.replace(/^https?:/, "webcal:");
  const [copied, setCopied] = useState(false);
  return (
    <section class="feed">
      <h2>{t("calendar")}</h2>
      <p class="hint">{t("calendar_hint")}</p>
      <div class="feed-row">
        <a href={webcal} class="feed-url" data-testid="feed-url">
          {webcal}
        </a>
        <button
          type="button"
          class="small"
          onClick={() => {
            void navigator.clipboard?.writeText(props.url).then(() => setCopied(true));
          }}
        >
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
    </section>
  );
}
