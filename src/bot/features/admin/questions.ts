import { InputFile } from "grammy";
import QRCode from "qrcode";
import { recordAudit } from "../../../store/audit.js";
import { createInvite, isModerated, setModerated } from "../../../store/questions.js";
import { Composer } from "../../composer.js";
import type { BotContext } from "../../context.js";
import { startLink } from "../../deep-link.js";
import { HTML } from "../../respond.js";
import { escapeHtml, truncate } from "../../views/format.js";
import { pick } from "../../views/view.js";
import { matchSession } from "./find-session.js";

/** The deep-link payload of an invitation: `inv_` and its token. */
export const INVITE_PREFIX = "inv_";

/** A QR code of a link as a PNG, big enough to scan from a phone held at a screen. */
export function qrPng(link: string): Promise<Buffer> {
  return QRCode.toBuffer(link, { type: "png", width: 512, margin: 2, errorCorrectionLevel: "M" });
}

/** Sends an invitation: the link as text (to forward) and as a QR code photo (to scan). */
async function sendInvitation(ctx: BotContext, text: string, link: string): Promise<void> {
  await ctx.reply(`${text}\n\n${escapeHtml(link)}`, HTML);
  await ctx.replyWithPhoto(new InputFile(await qrPng(link), "invitation.png"), {
    caption: ctx.t("questions.invite_qr_caption"),
  });
}

/**
 * Organizers' side of questions: `/moderation on|off` (the conference's switch, kept in the database),
 * `/invite <speaker>` and `/moderator <session>` (one-time invitations as a link and a QR code).
 */
export function questionsAdminFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("moderation", async (ctx) => {
    const adminId = ctx.from?.id ?? 0;
    const { db, clock } = ctx.deps;
    const arg = ctx.match.trim().toLowerCase();
    const on = ["on", "1", "yes", "вкл", "да"].includes(arg);
    const off = ["off", "0", "no", "выкл", "нет"].includes(arg);
    if (on || off) {
      setModerated(db, ctx.deps.conference.id, on, clock());
      recordAudit(db, { at: clock(), adminId: adminId, action: "moderation", details: { on } });
    }
    const now = isModerated(db, ctx.deps.conference.id);
    await ctx.reply(
      [
        ctx.t(now ? "questions.moderation_on" : "questions.moderation_off"),
        ...(on || off ? [] : [ctx.t("questions.moderation_usage")]),
      ].join("\n"),
      HTML,
    );
  });

  composer.command("invite", async (ctx) => {
    const adminId = ctx.from?.id ?? 0;
    const { db, clock, catalog } = ctx.deps;
    const query = ctx.match.trim();
    if (!query) return void (await ctx.reply(ctx.t("questions.invite_usage"), HTML));
    const speaker =
      catalog.speaker(query) ??
      catalog.index
        .search(query, { limit: 10 })
        .flatMap((r) => (r.kind === "speaker" ? (catalog.speaker(r.id) ?? []) : []))[0];
    if (!speaker)
      return void (await ctx.reply(
        ctx.t("questions.invite_no_speaker", { query: truncate(query, 100) }),
        HTML,
      ));
    const token = createInvite(db, "speaker", speaker.id, adminId, clock());
    recordAudit(db, { at: clock(), adminId: adminId, action: "invite", details: { speaker: speaker.id } });
    const sessions = catalog.sessionsOf(speaker.id).length;
    await sendInvitation(
      ctx,
      ctx.t("questions.invite_speaker", {
        name: truncate(pick(ctx, speaker.name), 100),
        id: speaker.id,
        count: sessions,
      }),
      startLink(ctx.me.username, `${INVITE_PREFIX}${token}`),
    );
  });

  composer.command("moderator", async (ctx) => {
    const adminId = ctx.from?.id ?? 0;
    const { db, clock, catalog } = ctx.deps;
    const query = ctx.match.trim();
    if (!query) return void (await ctx.reply(ctx.t("questions.moderator_usage"), HTML));
    const match = matchSession(catalog, query);
    if (match.kind !== "one") {
      await ctx.reply(
        ctx.t(match.kind === "none" ? "admin.edit.session-not-found" : "questions.moderator_several", {
          query: truncate(query, 100),
        }),
        HTML,
      );
      return;
    }
    const token = createInvite(db, "moderator", match.session.id, adminId, clock());
    recordAudit(db, {
      at: clock(),
      adminId: adminId,
      action: "invite",
      details: { moderator: match.session.id },
    });
    await sendInvitation(
      ctx,
      ctx.t("questions.invite_moderator", { title: truncate(pick(ctx, match.session.title), 200) }),
      startLink(ctx.me.username, `${INVITE_PREFIX}${token}`),
    );
  });

  return composer;
}
