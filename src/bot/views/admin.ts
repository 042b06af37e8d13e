import { basename } from "node:path";
import type { TFunction } from "i18next";
import { DateTime } from "luxon";
import type { Audience, BroadcastPace, BroadcastState } from "../../delivery/broadcasts.js";
import { PAID_STARS_PER_MESSAGE } from "../../delivery/broadcasts.js";
import type { BurstForecast } from "../../delivery/burst.js";
import { type NoticeParams, snapshot } from "../../delivery/notices.js";
import { NOTICE_FIELDS } from "../../programme/diff.js";
import type { EditError, ScheduleEdit } from "../../programme/edit.js";
import type { ProgrammeError, ProgrammeIssue } from "../../programme/errors.js";
import type { Lang, Session, SourceWarning } from "../../programme/model.js";
import type { PreparedChange } from "../../programme/service.js";
import type { AuditEntry } from "../../store/audit.js";
import type { Stats } from "../../store/stats.js";
import type { Action } from "../callback-data.js";
import type { AdminViewCtx } from "./admin-view.js";
import { escapeHtml, formatDay, formatTimeRange, formatWhen, MAX_MESSAGE_CHARS, truncate } from "./format.js";
import { noticeKind, placeOf, retitling } from "./notice.js";
import { problemLines, warningLines } from "./programme-problems.js";
import { actionButton, type View } from "./view.js";

export type { AdminViewCtx } from "./admin-view.js";

/** A number with the language's digit grouping: 5,000 / 5 000. */
export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "ru" ? "ru-RU" : "en-US").format(n);
}

/** Keeps a message within Telegram's limit by cutting whole lines and saying how many were left out. */
function fitLines(lines: string[], more: (count: number) => string, reserve = 0): string[] {
  const limit = MAX_MESSAGE_CHARS - 200 - reserve;
  let size = 0;
  for (let i = 0; i < lines.length; i++) {
    size += (lines[i]?.length ?? 0) + 1;
    if (size > limit) return [...lines.slice(0, i), more(lines.length - i)];
  }
  return lines;
}

/**
 * One line per change attendees will be told of, saying what changed: the place (old → new), the title
 * («old» → «new») when only the title changed, or a cancellation (HTML).
 */
export function changeLines(v: AdminViewCtx, changes: readonly NoticeParams[]): string[] {
  return changes.map((c) => {
    const title = v.catalog.text((c.after ?? c.before).title, v.lang);
    const was = placeOf(c.before, v.catalog, v.lang, v.now);
    const now = c.after ? placeOf(c.after, v.catalog, v.lang, v.now) : was;
    const kind = noticeKind(c);
    const old = v.catalog.text(c.before.title, v.lang);
    // Renamed where it was: the title is the change; "place → same place" would say nothing.
    const renamed = kind === "changed" && was === now ? retitling(v.catalog, v.lang, c) : undefined;
    if (renamed) return v.t("admin.preview.retitled", { ...renamed, now });
    const line = v.t(`admin.preview.${kind}`, { title, was, now });
    return old !== title ? `${line}\n   ${v.t("admin.preview.renamed", { title: old })}` : line;
  });
}

/**
 * The confirmation screen of a schedule change: every change attendees will hear of, the sessions added and
 * the edits nobody is told about, and how many people will get a notice (HTML).
 */
export function changePreviewText(v: AdminViewCtx, header: string, change: PreparedChange): string {
  const { diff } = change;
  const lines = [...changeLines(v, change.changes)];
  for (const s of diff.added)
    lines.push(
      v.t("admin.preview.added", {
        title: v.catalog.text(s.title, v.lang),
        now: placeOf(snapshot(s), v.catalog, v.lang, v.now),
      }),
    );
  const quiet = diff.changed.filter((c) => !c.fields.some((f) => NOTICE_FIELDS.includes(f))).length;
  const body = fitLines(lines, (count) => v.t("admin.preview.more", { count }));
  const out = [header, "", ...body];
  if (quiet) out.push(v.t("admin.preview.quiet", { count: quiet }));
  const warnings = "warnings" in change ? (change.warnings as readonly SourceWarning[]) : [];
  if (warnings.length)
    out.push("", v.t("admin.preview.check"), ...warningLines(v, change.programme, warnings).slice(0, 10));
  out.push("");
  // One changed session is "this talk" (or this workshop, this lunch…), several "these sessions".
  const only =
    change.changes.length === 1 ? v.catalog.session(change.changes[0]?.sessionId ?? "") : undefined;
  const single = only ? { context: "single", noun: v.t(`kind_after_za.${only.kind}`) } : {};
  out.push(
    !change.changes.length
      ? v.t("admin.preview.nobody_told")
      : !change.recipients
        ? v.t("admin.preview.nobody_follows", single)
        : v.t("admin.preview.recipients", {
            count: change.recipients,
            n: formatCount(change.recipients, v.lang),
            ...single,
          }),
  );
  out.push(v.t("admin.preview.confirm"));
  return out.join("\n");
}

/** The header line of a change preview, by what the organizer asked for. */
export function changeHeader(
  v: AdminViewCtx,
  action: "move" | "cancel" | "restore" | "reload",
  session?: Session,
): string {
  return v.t(`admin.preview.header_${action}`, {
    title: session ? v.catalog.text(session.title, v.lang) : "",
  });
}

/**
 * A programme's problems, each on its own line in the organizer's language with sessions named by title and
 * time, after a header saying that nothing changed: the file's (by its name) or, for an edit, the session's
 * (`edit`: what was asked of which session) (HTML).
 */
export function programmeErrorText(
  v: AdminViewCtx,
  e: ProgrammeError,
  header?: string,
  edit?: { action: "move" | "cancel" | "restore"; sessionId: string },
): string {
  const lines = problemLines(v, e, edit?.sessionId);
  const body = fitLines(lines, (count) => v.t("admin.preview.more", { count }));
  const session = edit && v.catalog.session(edit.sessionId);
  const title = session ? v.catalog.text(session.title, v.lang) : edit?.sessionId;
  const top = edit
    ? v.t(`admin.refused_${edit.action}`, { title, count: e.issues.length })
    : v.t("admin.broken", { count: e.issues.length, file: basename(e.file) });
  return [...(header ? [header] : []), top, ...body].join("\n");
}

/**
 * A published schedule's first problems (as sync stored them), one line each in the organizer's language,
 * with a line counting the rest; undefined when `problems` is not such a record (HTML).
 */
export function sourceProblemsText(v: AdminViewCtx, problems: unknown): string | undefined {
  const p = problems as { file?: unknown; issues?: unknown; count?: unknown } | undefined;
  if (!p || typeof p.file !== "string" || !Array.isArray(p.issues) || typeof p.count !== "number")
    return undefined;
  const issues = (p.issues as ProgrammeIssue[]).filter((i) => typeof i?.message === "string");
  const lines = problemLines(v, { file: p.file, issues } as ProgrammeError);
  if (p.count > issues.length) lines.push(v.t("admin.preview.more", { count: p.count - issues.length }));
  return lines.join("\n");
}

/** Error codes of SQLite and the file system, by what an organizer is told of them. */
const WRITE_FAILURES: [RegExp, string][] = [
  [/^SQLITE_READONLY/, "readonly"],
  [/^(SQLITE_FULL|ENOSPC|EDQUOT)$/, "full"],
  [/^SQLITE_BUSY/, "busy"],
  [/^(EACCES|EPERM)$/, "denied"],
  [/^EROFS$/, "readonly_disk"],
];

/** Why a change could not be written, in the organizer's language; the error's own words when it is another one. */
export function writeFailureReason(v: AdminViewCtx, err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  const known = typeof code === "string" && WRITE_FAILURES.find(([re]) => re.test(code));
  if (known) return v.t(`admin.write_failure.${known[1]}`);
  return err instanceof Error ? err.message : String(err);
}

/** Why a schedule edit cannot be made, in the organizer's language (HTML). */
export function editErrorText(v: AdminViewCtx, e: EditError): string {
  const id = e.detail.id;
  const found = id ? v.catalog.session(id) : undefined;
  const title = (found && v.catalog.text(found.title, v.lang)) || id || "";
  const conference = v.catalog.programme.conference;
  const days = conference.days;
  const tz = v.catalog.timezone;
  const { start, end } = e.detail;
  return v.t(`admin.edit.${e.code}`, {
    ...e.detail,
    title,
    n: days.length,
    days: days.join(", "),
    // Rooms by the names organizers see on the signs, not by their ids.
    rooms: conference.rooms.map((r) => v.catalog.text(r.name, v.lang) || r.id).join(", "),
    last: formatDay(days.at(-1) ?? "", tz, v.lang, v.now),
    ...(start && end ? { when: formatTimeRange(start, end, tz, v.lang, v.now) } : {}),
  });
}

/** "Tue 26 Feb, 17:10–18:10, Hall B": when and where a session is, for organizers. */
export function sessionPlace(v: AdminViewCtx, s: Pick<Session, "start" | "end" | "room">): string {
  const when = formatTimeRange(s.start, s.end, v.catalog.timezone, v.lang, v.now);
  const room = v.catalog.roomName(s.room, v.lang);
  return room ? `${when}, ${room}` : when;
}

/** "Mon 10:15" / «пн 10:15»: a session's start, short enough for a button. */
export function shortWhen(v: Pick<AdminViewCtx, "catalog" | "lang">, start: string): string {
  return DateTime.fromISO(start, { zone: v.catalog.timezone }).setLocale(v.lang).toFormat("EEE HH:mm");
}

/** How many sessions a choice offers as buttons; more matches ask for more words. */
export const MAX_CHOICES = 8;

/**
 * Several sessions match what the organizer typed: each with its time and room, and a button per session
 * (its action made by `pick`) to say which one is meant (HTML).
 */
export function sessionChoiceView(
  v: AdminViewCtx,
  query: string,
  candidates: readonly Session[],
  pick: (s: Session) => Action,
): View {
  const shown = candidates.slice(0, MAX_CHOICES);
  const lines = [
    v.t("admin.edit.many", { query }),
    ...shown.map((s) =>
      v.t("admin.edit.candidate", { title: v.catalog.text(s.title, v.lang), place: sessionPlace(v, s) }),
    ),
  ];
  if (candidates.length > shown.length)
    lines.push(v.t("admin.edit.more_matches", { count: candidates.length - shown.length }));
  // The time first: a long title is cut to fit the button, the time must survive.
  const keyboard = shown.map((s) => [
    actionButton(`${shortWhen(v, s.start)} · ${v.catalog.text(s.title, v.lang)}`, pick(s)),
  ]);
  return { text: lines.join("\n"), keyboard };
}

const BAR_CELLS = 8;

/** "▓▓▓▓░░░░": how much of a broadcast has been dealt with. */
export function progressBar(done: number, total: number): string {
  const filled = total > 0 ? Math.min(BAR_CELLS, Math.floor((done / total) * BAR_CELLS)) : BAR_CELLS;
  return "▓".repeat(filled) + "░".repeat(BAR_CELLS - filled);
}

function outcomeTail(t: TFunction, lang: Lang, b: BroadcastState): string {
  let tail = "";
  if (b.blocked) tail += t("admin.broadcast.blocked", { count: b.blocked, n: formatCount(b.blocked, lang) });
  if (b.failed) tail += t("admin.broadcast.failed", { count: b.failed, n: formatCount(b.failed, lang) });
  return tail;
}

/** The organizer's progress message: "Sent 1,240 / 5,000 ▓▓▓▓░░░░ · 3 blocked" (HTML). */
export function broadcastProgressText(t: TFunction, lang: Lang, b: BroadcastState): string {
  const done = b.sent + b.blocked + b.failed + b.dropped;
  return (
    t("admin.broadcast.progress", {
      id: b.id,
      sent: formatCount(b.sent, lang),
      total: formatCount(b.total, lang),
      bar: progressBar(done, b.total),
    }) + outcomeTail(t, lang, b)
  );
}

/** The summary an organizer gets when a broadcast has been dealt with entirely (HTML). */
export function broadcastSummaryText(t: TFunction, lang: Lang, b: BroadcastState): string {
  return (
    t("admin.broadcast.done", {
      id: b.id,
      sent: formatCount(b.sent, lang),
      total: formatCount(b.total, lang),
    }) + outcomeTail(t, lang, b)
  );
}

/** The broadcast preview's line on pace (and, paid, on cost): "⏱ At 25 messages a second it takes about 7 min." */
export function broadcastPaceText(t: TFunction, lang: Lang, pace: BroadcastPace): string {
  const duration =
    pace.seconds < 90
      ? t("admin.broadcast.seconds", { n: formatCount(pace.seconds, lang) })
      : t("admin.broadcast.minutes", { n: formatCount(Math.round(pace.seconds / 60), lang) });
  const line = t("admin.broadcast.pace", { rate: formatCount(pace.rate, lang), duration });
  if (!pace.paid) return line;
  const stars = (x: number) =>
    x.toLocaleString(lang === "ru" ? "ru-RU" : "en-US", { maximumFractionDigits: 1 });
  return `${line}\n${t("admin.broadcast.paid", {
    rate: formatCount(pace.rate, lang),
    price: stars(PAID_STARS_PER_MESSAGE),
    stars: stars(pace.stars ?? 0),
  })}`;
}

/** /stats: users, subscriptions, the most followed sessions, today's messages and the reminders ahead (HTML). */
export function statsText(
  v: AdminViewCtx,
  s: Stats,
  ahead?: { forecast: BurstForecast; rate: number },
): string {
  const n = (x: number) => formatCount(x, v.lang);
  const lines = [
    v.t("admin.stats.title"),
    v.t("admin.stats.users", {
      total: n(s.users.total),
      active: n(s.users.active),
      blocked: n(s.users.blocked),
    }),
    v.t("admin.stats.subscriptions", {
      count: s.subscribers,
      n: n(s.subscribers),
      follows: n(s.subscriptions),
    }),
    "",
    v.t("admin.stats.top"),
  ];
  if (!s.topSessions.length) lines.push(v.t("admin.stats.none"));
  s.topSessions.forEach((top, i) => {
    const top_ = v.catalog.session(top.sessionId);
    const title = top_ ? v.catalog.text(top_.title, v.lang) : top.sessionId;
    lines.push(v.t("admin.stats.top_line", { n: i + 1, title: truncate(title, 60), count: n(top.count) }));
  });
  lines.push("", v.t("admin.stats.sent", { sent: n(s.sentSince), pending: n(s.pending) }));
  if (ahead) {
    lines.push(v.t("admin.stats.reminders", { n: n(ahead.forecast.total) }));
    if (ahead.forecast.late)
      lines.push(
        v.t("admin.stats.late", {
          count: ahead.forecast.late,
          n: n(ahead.forecast.late),
          minutes: n(Math.ceil(ahead.forecast.maxLateMs / 60_000)),
          rate: n(ahead.rate),
        }),
      );
  }
  return lines.join("\n");
}

const ids = (x: unknown) => (Array.isArray(x) ? x.length : undefined);

/**
 * What an audit entry did, in the reader's language and with sessions by title: worded from the entry's
 * details; the summary stored with it (English) only for entries that carry nothing else (HTML).
 */
export function auditSummary(v: AdminViewCtx, e: AuditEntry): string {
  const d = e.details;
  const title = (id: unknown) => {
    const s = typeof id === "string" ? v.catalog.session(id) : undefined;
    return s ? v.catalog.text(s.title, v.lang) : String(id ?? "");
  };
  const edit = d.edit as ScheduleEdit | undefined;
  if (edit?.sessionId) {
    if (edit.action !== "move") return v.t("admin.audit.session", { title: title(edit.sessionId) });
    const tz = v.catalog.timezone;
    const start = DateTime.fromISO(`${edit.day}T${edit.time}`, { zone: tz }).toMillis();
    const room = edit.room ? v.catalog.roomName(edit.room, v.lang) : undefined;
    const when = formatWhen(start, tz, v.lang, v.now);
    return v.t("admin.audit.moved", { title: title(edit.sessionId), to: room ? `${when}, ${room}` : when });
  }
  const audience = d.audience as Audience | undefined;
  if (e.action === "broadcast" && audience && typeof d.total === "number") {
    const to =
      audience.kind === "session"
        ? v.t("admin.audit.to_session", {
            title: title(audience.sessionId),
            noun: v.t(`kind_after_za.${v.catalog.session(audience.sessionId)?.kind ?? "talk"}`),
          })
        : v.t(
            `admin.audit.to_${audience.kind === "all" || audience.kind === "everyone" ? audience.kind : audience.lang}`,
          );
    return v.t("admin.audit.broadcast", { id: d.broadcast, to, n: formatCount(d.total, v.lang) });
  }
  const [changed, added, removed] = [ids(d.changed), ids(d.added), ids(d.removed)];
  if (changed !== undefined && added !== undefined && removed !== undefined)
    return v.t("admin.audit.counts", { changed, added, removed });
  if (typeof d.problems === "number") return v.t("admin.audit.problems", { count: d.problems });
  return typeof d.summary === "string" ? escapeHtml(d.summary) : "";
}

/** /audit: the latest organizer actions, newest first (HTML). */
export function auditText(
  v: AdminViewCtx,
  entries: readonly AuditEntry[],
  names: ReadonlyMap<number, string>,
): string {
  if (!entries.length) return v.t("admin.audit.empty");
  const tz = v.catalog.timezone;
  const lines = entries.map((e) => {
    const when = DateTime.fromMillis(e.at).setZone(tz).setLocale(v.lang).toFormat("d MMM HH:mm");
    const who = names.get(e.adminId) ?? String(e.adminId);
    const summary = auditSummary(v, e);
    return v.t("admin.audit.line", {
      when,
      who: `${who} (${e.adminId})`,
      action: v.t(`admin.audit.actions.${e.action}`, { defaultValue: e.action }),
      summary: summary ? ` — ${summary}` : "",
    });
  });
  return [v.t("admin.audit.title", { count: entries.length }), "", ...fitLines(lines, () => "…")].join("\n");
}
