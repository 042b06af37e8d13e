import { DateTime } from "luxon";
import { crowdedSessions, roomCapacities } from "../../../delivery/capacity.js";
import { forecastReminders } from "../../../delivery/planner.js";
import { recentAudit } from "../../../store/audit.js";
import { collectStats } from "../../../store/stats.js";
import { getUser } from "../../../store/users.js";
import { Composer } from "../../composer.js";
import type { BotContext } from "../../context.js";
import { reminderRate } from "../../reminders.js";
import { HTML } from "../../respond.js";
import { auditText, statsText } from "../../views/admin.js";
import { crowdedLines } from "../../views/feedback.js";
import { adminView } from "./admin-view.js";

/** How many audit entries /audit shows. */
export const AUDIT_PAGE = 20;

/**
 * /stats (users, subscriptions, the most followed sessions, messages sent today, sessions whose followers pass
 * CAPACITY_ALERT_PERCENT of their room) and /audit (organizer actions).
 */
export function reportsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("stats", async (ctx) => {
    const { db, clock, catalog, config } = ctx.deps;
    const now = clock();
    // "Today" is the conference's day, wherever the server runs.
    const since = DateTime.fromMillis(now).setZone(catalog.timezone).startOf("day").toMillis();
    const stats = collectStats(db, { since, top: 5 });
    const rate = reminderRate(config);
    const forecast = forecastReminders(db, { now, defaultMinutes: config.DEFAULT_REMINDER_MINUTES, rate });
    const conference = ctx.deps.conference.id;
    const capacities = roomCapacities(db, catalog.programme.conference.rooms, conference);
    const percent = config.CAPACITY_ALERT_PERCENT;
    const crowded = crowdedLines(
      adminView(ctx),
      crowdedSessions(db, { now, capacities, percent, conference }),
      percent,
    );
    await ctx.reply([statsText(adminView(ctx), stats, { forecast, rate }), ...crowded].join("\n"), HTML);
  });

  composer.command("audit", async (ctx) => {
    const { db } = ctx.deps;
    const entries = recentAudit(db, AUDIT_PAGE);
    const names = new Map<number, string>([[0, ctx.t("admin.audit.system")]]);
    for (const e of entries) {
      if (names.has(e.adminId)) continue;
      const name = getUser(db, e.adminId)?.firstName;
      if (name) names.set(e.adminId, name);
    }
    await ctx.reply(auditText(adminView(ctx), entries, names), HTML);
  });

  return composer;
}
