import { InlineKeyboard } from "grammy";
import {
  EditError,
  parseDay,
  parseRoom,
  parseTime,
  type ScheduleEdit,
  type SessionMatch,
  splitMoveArgs,
} from "../../../programme/edit.js";
import { ProgrammeError } from "../../../programme/errors.js";
import type { Session } from "../../../programme/model.js";
import { recordAudit } from "../../../store/audit.js";
import { encodeAction, onAction } from "../../callback-data.js";
import { Composer } from "../../composer.js";
import type { BotContext } from "../../context.js";
import { HTML } from "../../respond.js";
import {
  changeHeader,
  changePreviewText,
  editErrorText,
  programmeErrorText,
  sessionChoiceView,
  writeFailureReason,
} from "../../views/admin.js";
import { markupOf, plain } from "../../views/view.js";
import { adminView, appliedText } from "./admin-view.js";
import { matchSession } from "./find-session.js";
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
import { type Held, TokenStore } from "./tokens.js";

type ChangeAction = "move" | "cancel" | "restore" | "reload";
type EditAction = Exclude<ChangeAction, "reload">;

/** A previewed change waiting for the organizer's ✅. */
interface Pending extends Held {
  action: ChangeAction;
  change: PreparedFileChange;
  summary: string;
  preview: string;
}

/** A /move, /cancel or /restore waiting for the organizer to say which of several matching sessions is meant. */
interface Choice extends Held {
  action: EditAction;
  /** The move's day, time and room, already checked. */
  move?: MoveTarget;
  keys: number[];
}

type MoveTarget = { day: string; time: string; room?: string };

/** Why a change cannot be made, about the file or, for an edit, about the session it changes. */
function failureText(ctx: BotContext, error: PrepareFailure["error"], edit?: ScheduleEdit): string {
  const v = adminView(ctx);
  return error instanceof ProgrammeError
    ? programmeErrorText(v, error, undefined, edit)
    : editErrorText(v, error);
}

async function replyFailure(ctx: BotContext, f: PrepareFailure, edit?: ScheduleEdit): Promise<void> {
  await ctx.reply(failureText(ctx, f.error, edit), HTML);
}

/** The day, time and room of a /move, checked; or what is wrong, answered, and undefined. */
async function moveTarget(
  ctx: BotContext,
  split: { day: string; time: string; room?: string },
): Promise<MoveTarget | undefined> {
  const conference = ctx.deps.catalog.programme.conference;
  const day = parseDay(split.day, conference);
  const time = parseTime(split.time);
  const room = split.room === undefined ? undefined : parseRoom(split.room, conference);
  const v = adminView(ctx);
  const fail = (e: EditError) => ctx.reply(editErrorText(v, e), HTML).then(() => undefined);
  if (!time) return fail(new EditError("bad-time", { time: split.time }));
  if (!day) return fail(new EditError("bad-day", { day: split.day }));
  if (split.room !== undefined && !room) return fail(new EditError("bad-room", { room: split.room }));
  return { day, time, ...(room ? { room } : {}) };
}

/** Of several matches, those the command can change: /cancel what runs, /restore what is cancelled (if any). */
function fitting(action: EditAction, match: SessionMatch): SessionMatch {
  if (match.kind !== "many" || action === "move") return match;
  const fit = match.candidates.filter((s) => (action === "restore") === Boolean(s.cancelled));
  const [only] = fit;
  if (fit.length === 1 && only) return { kind: "one", session: only };
  return fit.length ? { kind: "many", candidates: fit } : match;
}

/** The edit a command makes to a session. */
function editOf(action: EditAction, sessionId: string, move?: MoveTarget): ScheduleEdit {
  if (action === "move" && move) return { action, sessionId, ...move };
  if (action === "move") throw new Error("a move needs its target");
  return { action, sessionId };
}

function editSummary(edit: ScheduleEdit): string {
  if (edit.action !== "move") return edit.sessionId;
  return `${edit.sessionId} → ${edit.day} ${edit.time}${edit.room ? ` ${edit.room}` : ""}`;
}

/** While the programme follows a URL it is edited there: /move, /cancel and /restore say so, naming it. */
async function atSource(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("admin.at_source", { source: ctx.deps.sync?.url ?? "" }), HTML);
}

/**
 * /move, /cancel, /restore and /reload: each works out what would change (the programme file edited in memory,
 * or re-read), shows the organizer every change and how many people will be told, and waits for ✅ or ✖️.
 * On ✅ the file is written and the programme loaded with its notices (see commitChange). A session is found
 * by id, title or search; when several match, the organizer picks one by its button.
 */
export function scheduleAdminFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const pending = new TokenStore<Pending>();
  const choices = new TokenStore<Choice>();

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
      // Named by what they do: under "/cancel", a bare "Cancel" would read as "cancel the session".
      .text(
        plain(ctx, `admin.button.apply_${action}`),
        encodeAction({ type: "adminConfirm", apply: true, token }),
      )
      .text(plain(ctx, "admin.button.discard"), encodeAction({ type: "adminConfirm", apply: false, token }));
    await ctx.reply(text, { ...HTML, reply_markup: keyboard });
  };

  const editCommand = async (ctx: BotContext, edit: ScheduleEdit) => {
    if (ctx.deps.sync) return atSource(ctx);
    const change = prepareEdit(ctx.deps, edit);
    if (isFailure(change)) return replyFailure(ctx, change, edit);
    await preview(ctx, edit.action, change, editSummary(edit), ctx.deps.catalog.session(edit.sessionId));
  };

  /** Runs the command on the session the organizer's words mean, or offers the candidates as buttons. */
  const onSession = async (ctx: BotContext, action: EditAction, query: string, move?: MoveTarget) => {
    const catalog = ctx.deps.catalog;
    const match = fitting(action, matchSession(catalog, query));
    const v = adminView(ctx);
    if (match.kind === "one") return editCommand(ctx, editOf(action, match.session.id, move));
    if (match.kind === "none")
      return void (await ctx.reply(editErrorText(v, new EditError("session-not-found", { query })), HTML));
    const keys = match.candidates.map((s) => catalog.sessionKey(s.id));
    const token = choices.put({
      adminId: ctx.from?.id ?? 0,
      createdAt: ctx.deps.clock(),
      action,
      ...(move ? { move } : {}),
      keys,
    });
    const view = sessionChoiceView(v, query, match.candidates, (s) => ({
      type: "adminPick",
      token,
      key: catalog.sessionKey(s.id),
    }));
    await ctx.reply(view.text, { ...HTML, reply_markup: markupOf(view) });
  };

  composer.command("move", async (ctx) => {
    if (ctx.deps.sync) return atSource(ctx);
    const split = splitMoveArgs(ctx.match);
    if (!split) return void (await ctx.reply(ctx.t("admin.usage.move"), HTML));
    const move = await moveTarget(ctx, split);
    if (move) await onSession(ctx, "move", split.session, move);
  });

  for (const action of ["cancel", "restore"] as const) {
    composer.command(action, async (ctx) => {
      if (ctx.deps.sync) return atSource(ctx);
      const query = ctx.match.trim();
      if (!query) return void (await ctx.reply(ctx.t(`admin.usage.${action}`), HTML));
      await onSession(ctx, action, query);
    });
  }

  onAction(composer, "adminPick", async (ctx, { token, key }) => {
    const choice = choices.take(token, ctx.from.id, ctx.deps.clock());
    const session = ctx.deps.catalog.sessionByKey(key);
    if (!choice || !session || !choice.keys.includes(key)) return { text: plain(ctx, "admin.expired") };
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    await editCommand(ctx, editOf(choice.action, session.id, choice.move));
    return undefined;
  });

  composer.command("reload", async (ctx) => {
    if (ctx.deps.sync) return reloadFromUrl(ctx);
    const change = prepareReload(ctx.deps);
    if (isFailure(change)) {
      if (change.error instanceof ProgrammeError)
        recordAudit(ctx.deps.db, {
          at: ctx.deps.clock(),
          adminId: ctx.from?.id ?? 0,
          action: "reload-refused",
          details: {
            summary: `${change.error.issues.length} problem(s)`,
            problems: change.error.issues.length,
          },
        });
      return replyFailure(ctx, change);
    }
    await preview(ctx, "reload", change, reloadSummary(change.diff));
  });

  onAction(composer, "adminConfirm", async (ctx, { apply, token }) => {
    const p = pending.take(token, ctx.from.id, ctx.deps.clock());
    const finish = async (line: string) => {
      const text = p ? `${p.preview}\n\n${line}` : line;
      await ctx
        .editMessageText(text, { ...HTML, reply_markup: { inline_keyboard: [] } })
        .catch(() => ctx.reply(line, HTML));
    };
    if (!p) return void (await finish(ctx.t("admin.expired")));
    if (!apply) return void (await finish(ctx.t("admin.discarded")));
    let result: ReturnType<typeof commitChange>;
    try {
      result = commitChange(ctx.deps, p.change, {
        adminId: ctx.from.id,
        action: p.action,
        // The edit itself, so /audit can name the session and where it went in the reader's language.
        details: { summary: p.summary, ...(p.change.edit ? { edit: p.change.edit } : {}) },
      });
    } catch (err) {
      // The file cannot be written (EACCES on a read-only image), the database is full…: say so, drop the buttons.
      ctx.deps.logger.error(
        { err, admin: ctx.from.id, action: p.action },
        "could not apply a programme change",
      );
      return void (await finish(
        ctx.t("admin.apply_failed", { error: writeFailureReason(adminView(ctx), err) }),
      ));
    }
    if (result && "error" in result)
      return void (await finish(failureText(ctx, result.error, p.change.edit)));
    if (!result.ok) return void (await finish(ctx.t("admin.file_changed")));
    ctx.deps.logger.info(
      { admin: ctx.from.id, action: p.action, summary: p.summary, notices: result.result.notices },
      "organizer changed the programme",
    );
    await finish(appliedText(ctx, result.result));
    return undefined;
  });

  return composer;
}
