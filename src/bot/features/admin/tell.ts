import type { Api } from "grammy";
import type { TFunction } from "i18next";
import type { Lang } from "../../../programme/model.js";
import { getUser, languageOf } from "../../../store/users.js";
import type { BotDeps } from "../../context.js";
import { fixedT } from "../../i18n.js";
import { HTML } from "../../respond.js";

/**
 * Sends every organizer of the conference (its own and the owners, ADMIN_IDS) who has written to the bot a message rendered in their language, straight
 * through `api` rather than the outbox — what organizers are told about may be that the outbox cannot be
 * written. Failures are logged (with `what`), never thrown.
 */
export async function tellOrganizers(
  api: Api,
  deps: BotDeps,
  render: (t: TFunction, lang: Lang) => string,
  what: string,
): Promise<void> {
  for (const adminId of deps.conferences.organizersOf(deps.conference.id)) {
    const admin = getUser(deps.db, adminId);
    if (!admin) continue;
    const lang = languageOf(admin);
    await api
      .sendMessage(admin.chatId, render(fixedT(deps.i18n, lang), lang), HTML)
      .catch((err: unknown) =>
        deps.logger.warn({ admin: adminId, err: String(err) }, `could not tell an organizer ${what}`),
      );
  }
}
