import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { getUser, languageOf } from "../../../store/users.js";
import { commandList } from "../../commands.js";
import type { BotDeps } from "../../context.js";
import { BroadcastProgress } from "./broadcast.js";
import { ADMIN_COMMANDS } from "./guard.js";
import { reloadOnSignal } from "./sighup.js";

/** The organizers' background work while the bot runs. */
export interface OrganizerJobs {
  progress: BroadcastProgress;
  /** Stops the progress updater and the SIGHUP handler. */
  stop(): Promise<void>;
}

/**
 * Starts what organizers need besides their commands: the broadcast progress updater (which also resumes
 * broadcasts interrupted by a restart; only while `active()`, i.e. this process holds the dispatch lease) and
 * the SIGHUP handler that reloads PROGRAMME_PATH like /reload.
 */
export function startOrganizerJobs(
  api: Api,
  deps: BotDeps,
  { progressMs = 3000, active = () => true }: { progressMs?: number; active?: () => boolean } = {},
): OrganizerJobs {
  const progress = new BroadcastProgress(api, deps);
  progress.start(progressMs, active);
  let reloading: Promise<unknown> = Promise.resolve();
  const onHup = () => {
    deps.logger.info("SIGHUP: reloading the programme file");
    reloading = reloading
      // Every conference's programme, one after another; each tells its own organizers.
      .then(async () => {
        for (const conference of deps.conferences.all()) await reloadOnSignal(api, conference);
      })
      .catch((err: unknown) => deps.logger.error({ err }, "SIGHUP reload failed"));
  };
  process.on("SIGHUP", onHup);
  return {
    progress,
    stop: async () => {
      process.off("SIGHUP", onHup);
      await reloading;
      await progress.stop();
    },
  };
}

/**
 * Shows organizers their commands in Telegram's menu: for each admin's private chat, the attendee commands
 * plus the organizer ones, in the admin's language. Admins who never wrote to the bot are skipped.
 */
export async function registerAdminCommands(api: Api, deps: BotDeps): Promise<void> {
  const organizers = new Set(
    deps.conferences.all().flatMap((c) => deps.conferences.organizersOf(c.conference.id)),
  );
  for (const adminId of organizers) {
    const admin = getUser(deps.db, adminId);
    if (!admin) continue;
    const lang = languageOf(admin);
    const t = deps.i18n.getFixedT(lang);
    const commands: BotCommand[] = [
      ...commandList(deps.i18n, lang),
      ...ADMIN_COMMANDS.map((command) => ({
        command,
        description: t(`admin.commands.${command}`, { interpolation: { escapeValue: false } }),
      })),
    ];
    await api
      .setMyCommands(commands, { scope: { type: "chat", chat_id: admin.chatId } })
      .catch((err: unknown) =>
        deps.logger.warn({ admin: adminId, err: String(err) }, "could not set an organizer's commands"),
      );
  }
}
