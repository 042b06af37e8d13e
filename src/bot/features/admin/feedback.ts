import { roomCapacities } from "../../../delivery/capacity.js";
import type { Room } from "../../../programme/model.js";
import { recordAudit } from "../../../store/audit.js";
import { ratingSummaries } from "../../../store/ratings.js";
import { setRoomCapacity, storedCapacities } from "../../../store/rooms.js";
import { onAction } from "../../callback-data.js";
import { Composer } from "../../composer.js";
import type { BotContext } from "../../context.js";
import { HTML, showView } from "../../respond.js";
import { formatCount } from "../../views/admin.js";
import { feedbackView } from "../../views/feedback.js";
import { markupOf } from "../../views/view.js";
import { adminView } from "./admin-view.js";

/** The largest capacity /room takes (a stadium); more is a typo. */
const MAX_CAPACITY = 100_000;

/** The room an organizer names: its id or its name in any language, ignoring case. */
function findRoom(rooms: readonly Room[], words: string): Room | undefined {
  const w = words.trim().toLowerCase();
  return (
    rooms.find((r) => r.id.toLowerCase() === w) ??
    rooms.find((r) => Object.values(r.name).some((n) => n.trim().toLowerCase() === w))
  );
}

/** The ratings of the organizer's current conference's sessions. */
function conferenceSummaries(ctx: BotContext) {
  return ratingSummaries(ctx.deps.db).filter((s) => ctx.deps.catalog.session(s.sessionId));
}

/**
 * /feedback (the ratings report, paged with `adm:fb:<page>`) and /room [<name> <capacity>] (rooms and their
 * capacities; sets one, kept in the database over the programme file's).
 */
export function feedbackFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("feedback", async (ctx) => {
    const view = feedbackView(adminView(ctx), conferenceSummaries(ctx), 0);
    await ctx.reply(view.text, { ...HTML, reply_markup: markupOf(view) });
  });
  onAction(composer, "feedback", async (ctx, { page }) => {
    await showView(ctx, feedbackView(adminView(ctx), conferenceSummaries(ctx), page));
    return undefined;
  });

  composer.command("room", async (ctx) => {
    const { db, catalog, clock } = ctx.deps;
    const rooms = catalog.programme.conference.rooms;
    const conference = ctx.deps.conference.id;
    const args = ctx.match.trim();
    const m = /^(.+?)\s+(\d{1,9})$/.exec(args);
    if (!m) {
      const capacities = roomCapacities(db, rooms, conference);
      const set = storedCapacities(db, conference);
      const lines = rooms.map((r) =>
        ctx.t("capacity.room_line", {
          room: catalog.text(r.name, ctx.lang),
          id: r.id,
          capacity: capacities.has(r.id)
            ? formatCount(capacities.get(r.id) ?? 0, ctx.lang)
            : ctx.t("capacity.unknown"),
          source: set.has(r.id)
            ? ctx.t("capacity.by_organizer")
            : r.capacity
              ? ctx.t("capacity.by_file")
              : "",
        }),
      );
      return void (await ctx.reply(
        [
          ctx.t("capacity.rooms_title"),
          ...(lines.length ? lines : [ctx.t("capacity.no_rooms")]),
          "",
          ctx.t("capacity.usage"),
        ].join("\n"),
        HTML,
      ));
    }
    const room = findRoom(rooms, m[1] ?? "");
    if (!room) return void (await ctx.reply(ctx.t("capacity.no_such_room", { room: m[1] }), HTML));
    const capacity = Number(m[2]);
    if (capacity < 1 || capacity > MAX_CAPACITY)
      return void (await ctx.reply(
        ctx.t("capacity.bad_capacity", { max: formatCount(MAX_CAPACITY, ctx.lang) }),
        HTML,
      ));
    const now = clock();
    const adminId = ctx.from?.id ?? 0;
    setRoomCapacity(db, { roomId: room.id, capacity, setBy: adminId, now, conference });
    recordAudit(db, { at: now, adminId, action: "room", details: { room: room.id, capacity, conference } });
    await ctx.reply(
      ctx.t("capacity.saved", {
        room: catalog.text(room.name, ctx.lang),
        capacity: formatCount(capacity, ctx.lang),
      }),
      HTML,
    );
  });
  return composer;
}
