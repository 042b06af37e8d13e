import type { Context, MiddlewareFn } from "grammy";
import { getQuestion } from "../../store/questions.js";
import { readUpdateStart } from "../../store/update-start.js";
import { getUser, languageOf, refreshUser, touchUser, type User } from "../../store/users.js";
import { actionOf } from "../callback-data.js";
import type { AppFlavor, BotDeps } from "../context.js";
import { fixedT } from "../i18n.js";

/**
 * The conference whose session, speaker or question a pressed button names, when that is not for the user to
 * pick: a reminder, a rating prompt or /my may show another conference's session than the one looked at.
 */
function buttonConference(deps: BotDeps, query: { data?: string } | undefined): BotDeps | undefined {
  if (!query || deps.conferences.size < 2) return undefined;
  const a = actionOf(query);
  switch (a?.type) {
    case "session":
    case "subscribe":
    case "unsubscribe":
    case "remind":
    case "myRemove":
    case "ask":
    case "questions":
    case "moderation":
    case "rate":
    case "noComment":
      return deps.conferences.sessionByKey(a.key)?.view;
    case "vote":
    case "moderate": {
      const sessionId = getQuestion(deps.db, a.question)?.sessionId;
      return sessionId ? deps.conferences.ofId(sessionId) : undefined;
    }
    case "speaker":
      return deps.conferences.ofSpeakerKey(a.key);
    default:
      return undefined;
  }
}

/** Whether the stored user already says what this update says about them (as touchUser would store it). */
function upToDate(
  user: User | undefined,
  from: { first_name?: unknown; language_code?: unknown },
  chatId: number,
): boolean {
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return (
    user !== undefined &&
    user.blockedAt === null &&
    user.chatId === chatId &&
    user.firstName === text(from.first_name) &&
    user.languageCode === text(from.language_code)
  );
}

/**
 * Puts the dependencies of the user's current conference, the user and their language on the context. In private chats the user is recorded
 * (`touch`); inside conversation replays (`touch: false`) it is only read, so replays write nothing. On the
 * update's own context (`touch`) the user is read with what waits for their next message (`ctx.waiting`). When the
 * record cannot be written the update is still handled, with the user as last stored.
 */
export function attach<C extends Context & AppFlavor>(
  deps: BotDeps,
  { touch }: { touch: boolean },
): MiddlewareFn<C> {
  return async (ctx, next) => {
    const from = ctx.from;
    let user: User | undefined;
    if (from && touch) {
      // The user's row and what waits for their next message, in one statement.
      const start = readUpdateStart(deps.db, from.id);
      user = start.user;
      ctx.waiting = { question: start.drafting, comment: start.awaitingComment };
    } else if (from) user = getUser(deps.db, from.id);
    // Written only when something changed (a new user, a new name, language or chat, or back after blocking):
    // a write per update was the bot's largest cost.
    if (touch && from && !from.is_bot && ctx.chat?.type === "private" && !upToDate(user, from, ctx.chat.id)) {
      try {
        const seen = {
          id: from.id,
          chatId: ctx.chat.id,
          firstName: from.first_name,
          languageCode: from.language_code,
        };
        user = user ? refreshUser(deps.db, user, seen, deps.clock()) : touchUser(deps.db, seen, deps.clock());
      } catch (err) {
        // The database cannot be written (a full disk, a read-only volume): still answer the user.
        deps.logger.error({ err, user: from.id }, "could not record the user; answering anyway");
      }
    }
    ctx.user = user;
    // The programme of the conference the user looks at: every feature works within it. A button of a
    // session or speaker of another conference (a reminder, a notice, a card found across the series) acts
    // within that one.
    ctx.deps = buttonConference(deps, ctx.callbackQuery) ?? deps.conferences.forUser(user);
    ctx.lang = user
      ? languageOf(user)
      : languageOf({ language: null, languageCode: from?.language_code ?? null });
    ctx.t = fixedT(deps.i18n, ctx.lang);
    await next();
  };
}
