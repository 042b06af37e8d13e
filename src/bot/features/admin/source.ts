import { sourceName } from "../../../programme/source.js";
import type { SyncOutcome } from "../../../programme/sync.js";
import { latestVersion } from "../../../store/programme-versions.js";
import { onAction } from "../../callback-data.js";
import { Composer } from "../../composer.js";
import type { BotContext } from "../../context.js";
import { HTML } from "../../respond.js";
import { changeLines, sourceProblemsText } from "../../views/admin.js";
import { escapeHtml } from "../../views/format.js";
import { heldView, sourceStatusText } from "../../views/source.js";
import { markupOf } from "../../views/view.js";
import { adminView, appliedText } from "./admin-view.js";

/** /reload while following a URL: fetch now and answer what came of it (a held version: its preview). */
export async function reloadFromUrl(ctx: BotContext): Promise<void> {
  const sync = ctx.deps.sync;
  if (!sync) return;
  const source = sync.url;
  const r: SyncOutcome = await sync.syncNow("reload", ctx.from?.id);
  if (r.kind === "failed")
    return void (await ctx.reply(
      ctx.t("admin.reload_url.failed", {
        source,
        error: sourceProblemsText(adminView(ctx), r.problems) ?? escapeHtml(r.error),
      }),
      HTML,
    ));
  if (r.kind === "held") {
    const preview = sync.heldPreview();
    if (preview) {
      const view = heldView(ctx, preview);
      return void (await ctx.reply(view.text, { ...HTML, reply_markup: markupOf(view) }));
    }
  }
  if (r.kind === "applied") {
    const lines = [ctx.t("admin.reload_url.applied"), ...changeLines(adminView(ctx), r.result.changes)];
    lines.push("", appliedText(ctx, r.result));
    return void (await ctx.reply(lines.join("\n"), HTML));
  }
  await ctx.reply(ctx.t("admin.reload_url.unchanged", { source }), HTML);
}

/**
 * /source: where the programme comes from, the last successful fetch, its version and the last error; and
 * the Apply button of a held version (an organizer's confirmation that a drastic new version is right).
 */
export function sourceFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("source", async (ctx) => {
    const { db, config, sync, programmeService } = ctx.deps;
    const source = ctx.deps.conference.source;
    const version = latestVersion(db, programmeService.conference);
    const text = sourceStatusText(adminView(ctx), {
      source: sourceName(source),
      kind: source.kind,
      pollSeconds: ctx.deps.conference.poll ?? config.PROGRAMME_POLL,
      ...(version ? { version } : {}),
      ...(sync ? { state: sync.state() } : {}),
    });
    await ctx.reply(text, HTML);
  });

  onAction(composer, "applyHeld", async (ctx, action) => {
    const sync = ctx.deps.sync;
    const outcome = sync
      ? await sync.applyHeld(action.token, ctx.from.id)
      : ({ ok: false, reason: "gone" } as const);
    const line = outcome.ok ? appliedText(ctx, outcome.result) : ctx.t(`admin.held.${outcome.reason}`);
    if (outcome.ok)
      ctx.deps.logger.info(
        { admin: ctx.from.id, version: outcome.version, notices: outcome.result.notices },
        "organizer applied the held programme version",
      );
    // Applied or superseded, the button has done its work; after a race ("stale") it may be pressed again.
    if (outcome.ok || outcome.reason !== "stale")
      await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    await ctx.reply(line, HTML);
    return undefined;
  });

  return composer;
}
