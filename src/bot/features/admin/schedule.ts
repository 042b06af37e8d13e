import { randomBytes } from "node:crypto";
import { Composer, InlineKeyboard } from "grammy";
import type { Catalog } from "../../../catalog.js";
import type { ApplyResult } from "../../../delivery/notices.js";
import {
  EditError,
  parseDay,
  parseRoom,
  parseTime,
  resolveSession,
  type ScheduleEdit,
  splitMoveArgs,
} from "../../../programme/edit.js";
import { ProgrammeError } from "../../../programme/errors.js";
import type { Session } from "../../../programme/model.js";
import { recordAudit } from "../../../store/audit.js";
import type { BotContext } from "../../context.js";
import { HTML } from "../../respond.js";
import {
  type AdminViewCtx,
  ambiguousText,
  changeHeader,
  changePreviewText,
  editErrorText,
  programmeErrorText,
} from "../../views/admin.js";
import { plain } from "../../views/view.js";
import { ADMIN_PREFIX } from "./guard.js";
import {
  commitChange,
  isFailure,
  type PreparedFileChange,
  type PrepareFailure,
  prepareEdit,
  prepareReload,
  reloadSummary,
} from "./programme-ops.js";
import { reloadFromUrl } from "./source.js";

/** How long an organizer has to confirm a previewed change. */
export const CONFIRM_TTL_MS = 60 * 60 * 1000;

type ChangeAction = "move" | "cancel" | "restore" | "reload";

interface Pending {
  adminId: number;
  action: ChangeAction;
  change: PreparedFileChange;
  summary: string;
  preview: string;
  createdAt: number;
}

/** Previewed changes waiting for the organizer's ✅, by a short random token carried in the buttons. */
export class PendingChanges {
  private readonly items = new Map<string, Pending>();

  /** Holds a previewed change and returns its token (8 url-safe characters). */
  put(p: Pending): string {
    for (const [token, old] of this.items)
      if (p.createdAt - old.createdAt > CONFIRM_TTL_MS) this.items.delete(token);
    const token = randomBytes(6).toString("base64url");
    this.items.set(token, p);
    return token;
  }

  /** Takes a change out for its organizer; undefined when unknown, expired or someone else's. */
  take(token: string, adminId: number, now: number): Pending | undefined {
    const p = this.items.get(token);
    if (!p || p.adminId !== adminId) return undefined;
    this.items.delete(token);
    return now - p.createdAt > CONFIRM_TTL_MS ? undefined : p;
  }
}

const CONFIRM = new RegExp(`^${ADMIN_PREFIX}(ok|no):([A-Za-z0-9_-]{8})$`);

/** The organizer view context of an update. */
export function adminView(ctx: BotContext): AdminViewCtx {
  return { t: ctx.t, lang: ctx.lang, catalog: ctx.deps.catalog, now: ctx.deps.clock() };
}

/** Session ids for a search: sessions found directly, and the sessions of speakers found. */
export function searchSessionIds(catalog: Catalog, query: string): string[] {
  return catalog.index
    .search(query, { limit: 10 })
    .flatMap((r) => (r.kind === "speaker" ? catalog.sessionsOf(r.id).map((s) => s.id) : [r.id]));
}

/** Finds the one session an organizer means, or answers why not and returns undefined. */
async function findSession(ctx: BotContext, query: string): Promise<Session | undefined> {
  const catalog = ctx.deps.catalog;
  const match = resolveSession(catalog.programme, query, (q) => searchSessionIds(catalog, q));
  if (match.kind === "one") return match.session;
  if (match.kind === "many") await ctx.reply(ambiguousText(adminView(ctx), query, match.candidates), HTML);
  else await ctx.reply(editErrorText(adminView(ctx), new EditError("session-not-found", { query })), HTML);
  return undefined;
}

async function replyFailure(ctx: BotContext, f: PrepareFailure): Promise<void> {
  const v = adminView(ctx);
  await ctx.reply(
    f.error instanceof ProgrammeError ? programmeErrorText(v, f.error) : editErrorText(v, f.error),
    HTML,
  );
}

/** Parses /move arguments into an edit, or answers what is wrong and returns undefined. */
async function moveEdit(ctx: BotContext, args: string): Promise<ScheduleEdit | undefined> {
  const split = splitMoveArgs(args);
  if (!split) {
    await ctx.reply(ctx.t("admin.usage.move"), HTML);
    return undefined;
  }
  const conference = ctx.deps.catalog.programme.conference;
  const session = await findSession(ctx, split.session);
  if (!session) return undefined;
  const day = parseDay(split.day, conference);
  const time = parseTime(split.time);
  const room = split.room === undefined ? undefined : parseRoom(split.room, conference);
  const v = adminView(ctx);
  const fail = (e: EditError) => ctx.reply(editErrorText(v, e), HTML).then(() => undefined);
  if (!day) return fail(new EditError("bad-day", { day: split.day }));
  if (!time) return fail(new EditError("bad-time", { time: split.time }));
  if (split.room !== undefined && !room)
    return fail(
      new EditError("bad-room", { room: split.room, rooms: conference.rooms.map((r) => r.id).join(", ") }),
    );
  return { action: "move", sessionId: session.id, day, time, ...(room ? { room } : {}) };
}

function editSummary(edit: ScheduleEdit): string {
  if (edit.action !== "move") return edit.sessionId;
  return `${edit.sessionId} → ${edit.day} ${edit.time}${edit.room ? ` ${edit.room}` : ""}`;
}

/** While the programme follows a URL it is edited there: /move, /cancel and /restore say so, naming it. */
async function atSource(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("admin.at_source", { source: ctx.deps.sync?.url ?? "" }), HTML);
}

/** The line saying a change was applied and how many notices went to the outbox (HTML). */
export function appliedText(ctx: Pick<BotContext, "t">, r: ApplyResult): string {
  return r.notices ? ctx.t("admin.applied", { count: r.notices }) : ctx.t("admin.applied_quiet");
}

/**
 * /move, /cancel, /restore and /reload: each works out what would change (the programme file edited in memory,
 * or re-read), shows the organizer every change and how many people will be told, and waits for ✅ or ✖️.
 * On ✅ the file is written and the programme loaded with its notices (see commitChange).
 */
export function scheduleAdminFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const pending = new PendingChanges();

  const preview = async (
    ctx: BotContext,
    action: ChangeAction,
    change: PreparedFileChange,
    summary: string,
    session?: Session,
  ) => {
    if (!change.differs) {
      await ctx.reply(ctx.t("admin.no_changes"), HTML);
      return;
    }
    const text = changePreviewText(adminView(ctx), changeHeader(adminView(ctx), action, session), change);
    const token = pending.put({
      adminId: ctx.from?.id ?? 0,
      action,
      change,
      summary,
      preview: text,
      createdAt: ctx.deps.clock(),
    });
    const keyboard = new InlineKeyboard()
      .text(plain(ctx, "admin.button.apply"), `${ADMIN_PREFIX}ok:${token}`)
      .text(plain(ctx, "admin.button.cancel"), `${ADMIN_PREFIX}no:${token}`);
    await ctx.reply(text, { ...HTML, reply_markup: keyboard });
  };

  const editCommand = async (ctx: BotContext, edit: ScheduleEdit) => {
    if (ctx.deps.sync) return atSource(ctx);
    const change = prepareEdit(ctx.deps, edit);
    if (isFailure(change)) return replyFailure(ctx, change);
    await preview(ctx, edit.action, change, editSummary(edit), ctx.deps.catalog.session(edit.sessionId));
  };

  composer.command("move", async (ctx) => {
    if (ctx.deps.sync) return atSource(ctx);
    const edit = await moveEdit(ctx, ctx.match);
    if (edit) await editCommand(ctx, edit);
  });

  for (const action of ["cancel", "restore"] as const) {
    composer.command(action, async (ctx) => {
      if (ctx.deps.sync) return atSource(ctx);
      const query = ctx.match.trim();
      if (!query) return void (await ctx.reply(ctx.t(`admin.usage.${action}`), HTML));
      const session = await findSession(ctx, query);
      if (session) await editCommand(ctx, { action, sessionId: session.id });
    });
  }

  composer.command("reload", async (ctx) => {
    if (ctx.deps.sync) return reloadFromUrl(ctx);
    const change = prepareReload(ctx.deps);
    if (isFailure(change)) {
      if (change.error instanceof ProgrammeError)
        recordAudit(ctx.deps.db, {
          at: ctx.deps.clock(),
          adminId: ctx.from?.id ?? 0,
          action: "reload-refused",
          details: { summary: `${change.error.issues.length} problem(s)` },
        });
      return replyFailure(ctx, change);
    }
    await preview(ctx, "reload", change, reloadSummary(change.diff));
  });

  composer.callbackQuery(CONFIRM, async (ctx) => {
    const [, verdict, token] = CONFIRM.exec(ctx.callbackQuery.data) ?? [];
    const p = pending.take(token ?? "", ctx.from.id, ctx.deps.clock());
    const finish = async (line: string) => {
      await ctx.answerCallbackQuery().catch(() => undefined);
      const text = p ? `${p.preview}\n\n${line}` : line;
      await ctx
        .editMessageText(text, { ...HTML, reply_markup: { inline_keyboard: [] } })
        .catch(() => ctx.reply(line, HTML));
    };
    if (!p) return finish(ctx.t("admin.expired"));
    if (verdict === "no") return finish(ctx.t("admin.discarded"));
    let result: ReturnType<typeof commitChange>;
    try {
      result = commitChange(ctx.deps, p.change, {
        adminId: ctx.from.id,
        action: p.action,
        details: { summary: p.summary },
      });
    } catch (err) {
      // The file cannot be written (EACCES on a read-only image), the database is full…: say so, drop the buttons.
      ctx.deps.logger.error(
        { err, admin: ctx.from.id, action: p.action },
        "could not apply a programme change",
      );
      return finish(ctx.t("admin.apply_failed", { error: err instanceof Error ? err.message : String(err) }));
    }
    if (result && "error" in result) {
      const v = adminView(ctx);
      return finish(
        result.error instanceof ProgrammeError
          ? programmeErrorText(v, result.error)
          : editErrorText(v, result.error),
      );
    }
    if (!result.ok) return finish(ctx.t("admin.file_changed"));
    ctx.deps.logger.info(
      { admin: ctx.from.id, action: p.action, summary: p.summary, notices: result.result.notices },
      "organizer changed the programme",
    );
    await finish(appliedText(ctx, result.result));
  });

  return composer;
}
