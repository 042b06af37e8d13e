import { DateTime } from "luxon";
import type { NoticeParams } from "../../delivery/notices.js";
import type { HeldParams } from "../../programme/sync.js";
import type { SourceState } from "../../store/programme-source.js";
import type { ProgrammeVersion } from "../../store/programme-versions.js";
import { type AdminViewCtx, changeLines, formatCount, sourceProblemsText } from "./admin.js";
import { escapeHtml, fitLines, MAX_MESSAGE_CHARS } from "./format.js";
import type { OutboxView } from "./outbox.js";
import { actionButton, plain, type View, type ViewCtx } from "./view.js";

/** An instant as organizers read it, in the conference's timezone: "1 Mar 14:05". */
function when(v: AdminViewCtx, at: number): string {
  return DateTime.fromMillis(at).setZone(v.catalog.timezone).setLocale(v.lang).toFormat("d MMM HH:mm");
}

/** The admin view context of a rendering context. */
const adminCtx = (ctx: ViewCtx): AdminViewCtx => ({ t: ctx.t, lang: ctx.lang, catalog: ctx.deps.catalog });

/** What /source shows about the programme's source, its last successful fetch, its version and last error. */
export interface SourceStatus {
  /** The file or URL. */
  source: string;
  kind: "file" | "url";
  /** Seconds between polls (URLs). */
  pollSeconds?: number;
  version?: ProgrammeVersion;
  /** The sync state (URLs only). */
  state?: SourceState;
}

/** /source (HTML): where the programme comes from and how following it goes. */
export function sourceStatusText(v: AdminViewCtx, s: SourceStatus): string {
  const t = v.t;
  const lines = [t(`admin.source.title_${s.kind}`), `<code>${escapeHtml(s.source)}</code>`, ""];
  if (s.version)
    lines.push(
      t("admin.source.version", {
        version: s.version.version,
        when: when(v, s.version.at),
        origin: t(`admin.source.origins.${s.version.origin}`, { defaultValue: s.version.origin }),
      }),
    );
  else lines.push(t("admin.source.no_version"));
  const st = s.state;
  if (s.kind === "url") {
    const minutes = Math.max(1, Math.round((s.pollSeconds ?? 300) / 60));
    lines.push(t("admin.source.poll", { count: minutes }));
    lines.push(
      st?.lastSuccessAt
        ? t("admin.source.last_success", { when: when(v, st.lastSuccessAt) })
        : t("admin.source.never_fetched"),
    );
    const validators = [st?.etag && `ETag ${st.etag}`, st?.lastModified && `Last-Modified ${st.lastModified}`]
      .filter(Boolean)
      .join(", ");
    if (validators) lines.push(t("admin.source.validators", { validators }));
    if (st?.brokenSince) lines.push(t("admin.source.broken_since", { when: when(v, st.brokenSince) }));
    if (st?.lastError && st.lastErrorAt)
      lines.push(t("admin.source.last_error", { when: when(v, st.lastErrorAt), error: st.lastError }));
    else lines.push(t("admin.source.no_error"));
    if (st?.held) lines.push("", t("admin.source.held", { when: when(v, st.held.at) }));
  }
  return lines.join("\n");
}

/** The organizers' message about a held version (HTML) with its Apply button. */
export function heldView(ctx: ViewCtx, p: HeldParams): View {
  const v = adminCtx(ctx);
  const t = v.t;
  const percent = p.total ? Math.round((p.dropped / p.total) * 100) : 0;
  const head = [
    t("admin.held.title"),
    `<code>${escapeHtml(p.source)}</code>`,
    t("admin.held.why", {
      dropped: formatCount(p.dropped, v.lang),
      total: formatCount(p.total, v.lang),
      percent,
    }),
    "",
  ];
  const body = changeLines(v, p.changes as NoticeParams[]);
  if (p.more) body.push(t("admin.preview.more", { count: p.more }));
  const tail = [
    "",
    p.recipients
      ? t("admin.preview.recipients", { count: p.recipients, n: formatCount(p.recipients, v.lang) })
      : t("admin.preview.nobody_follows"),
    t("admin.held.confirm"),
  ];
  // The head and the question must survive; the list of changes is cut to the room left between them.
  const room = MAX_MESSAGE_CHARS - [...head, ...tail].join("\n").length - 2;
  return {
    text: [...head, fitLines(body, room), ...tail].join("\n"),
    keyboard: [[actionButton(plain(ctx, "admin.held.apply"), { type: "applyHeld", token: p.token })]],
  };
}

/** The outbox view of the "held" message (SOURCE_VIEWS.held). */
export const sourceHeldView: OutboxView = (ctx, params) => {
  const p = params as unknown as HeldParams;
  if (!p?.token || !Array.isArray(p.changes)) return undefined;
  return heldView(ctx, p);
};

/** The outbox view of "the source stopped working" (SOURCE_VIEWS.broken). */
export const sourceBrokenView: OutboxView = (ctx, params) => {
  const source = String(params.source ?? "");
  const error = sourceProblemsText(adminCtx(ctx), params.problems) ?? escapeHtml(String(params.error ?? ""));
  const minutes = Math.max(1, Math.round(ctx.deps.config.PROGRAMME_POLL / 60));
  return {
    text: `${ctx.t("admin.source_broken", { source, error })}\n${ctx.t("admin.source_retry", { count: minutes })}`,
    keyboard: [],
  };
};

/** The outbox view of "the source works again" (SOURCE_VIEWS.recovered). */
export const sourceRecoveredView: OutboxView = (ctx, params) => {
  const source = String(params.source ?? "");
  const since = typeof params.since === "number" ? when(adminCtx(ctx), params.since) : "";
  return { text: ctx.t("admin.source_recovered", { source, since }), keyboard: [] };
};
