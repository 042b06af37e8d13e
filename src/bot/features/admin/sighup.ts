import type { Api } from "grammy";
import { ProgrammeError } from "../../../programme/errors.js";
import type { SourceSync } from "../../../programme/sync.js";
import { recordAudit } from "../../../store/audit.js";
import type { BotDeps } from "../../context.js";
import type { fixedT } from "../../i18n.js";
import { changeLines, editErrorText, programmeErrorText } from "../../views/admin.js";
import { applyPrepared, isFailure, prepareReload, reloadSummary } from "./programme-ops.js";
import { tellOrganizers } from "./tell.js";

/** The audit log's admin id for actions nobody typed (a SIGHUP). */
export const SYSTEM_ADMIN_ID = 0;

/** What a SIGHUP reload did. */
export type SignalReloadResult = "applied" | "unchanged" | "refused";

/**
 * The reload the organizers trigger with SIGHUP after editing PROGRAMME_PATH: the same path as /reload, but
 * with no one to confirm, so it applies at once (notices, reminders, audit) — and every organizer is told the
 * outcome in their language. A broken file is refused, its errors sent to the organizers; nothing changes.
 */
export async function reloadOnSignal(api: Api, deps: BotDeps): Promise<SignalReloadResult> {
  const { db, clock, logger } = deps;
  if (deps.sync) return syncOnSignal(api, deps, deps.sync);
  const change = prepareReload(deps);
  let outcome: SignalReloadResult;
  let render: Render;
  if (isFailure(change)) {
    outcome = "refused";
    const error = change.error;
    recordAudit(db, {
      at: clock(),
      adminId: SYSTEM_ADMIN_ID,
      action: "reload-refused",
      details: {
        trigger: "SIGHUP",
        summary: error instanceof ProgrammeError ? `${error.issues.length} problem(s)` : error.code,
        ...(error instanceof ProgrammeError ? { problems: error.issues.length } : {}),
      },
    });
    logger.error({ err: error.message }, "SIGHUP: programme file refused; nothing changed");
    render = (t, lang) => {
      const v = { t, lang, catalog: deps.catalog, now: deps.clock() };
      const header = t("admin.sighup.refused");
      return error instanceof ProgrammeError
        ? programmeErrorText(v, error, header)
        : `${header}\n${editErrorText(v, error)}`;
    };
  } else if (!change.differs) {
    logger.info("SIGHUP: the programme file holds no changes");
    return "unchanged";
  } else {
    outcome = "applied";
    const d = change.diff;
    const result = applyPrepared(deps, change, {
      adminId: SYSTEM_ADMIN_ID,
      action: "reload",
      origin: "sighup",
      details: {
        trigger: "SIGHUP",
        summary: reloadSummary(d),
      },
    });
    // Another change reached the programme between reading the file and committing: read it again.
    if (!result) return reloadOnSignal(api, deps);
    logger.info(
      {
        notices: result.notices,
        changed: d.changed.length,
        added: d.added.length,
        removed: d.removed.length,
      },
      "SIGHUP: programme reloaded",
    );
    render = (t, lang) => {
      const v = { t, lang, catalog: deps.catalog, now: deps.clock() };
      const lines = [t("admin.sighup.applied"), ...changeLines(v, result.changes)];
      lines.push(
        "",
        result.notices ? t("admin.applied", { count: result.notices }) : t("admin.applied_quiet"),
      );
      return lines.join("\n");
    };
  }
  await tellOrganizers(api, deps, render, "about the reload");
  return outcome;
}

type Render = (t: ReturnType<typeof fixedT>, lang: "en" | "ru") => string;

/**
 * SIGHUP while following a URL: fetch it now. A new version applied is reported to the organizers like a
 * file reload; a failure or a held version reaches them through the sync's own messages.
 */
async function syncOnSignal(api: Api, deps: BotDeps, sync: SourceSync): Promise<SignalReloadResult> {
  const r = await sync.syncNow("sighup");
  deps.logger.info({ outcome: r.kind }, "SIGHUP: programme source fetched");
  if (r.kind === "failed") return "refused";
  if (r.kind !== "applied") return "unchanged";
  await tellOrganizers(
    api,
    deps,
    (t, lang) => {
      const v = { t, lang, catalog: deps.catalog };
      const lines = [t("admin.sighup.applied"), ...changeLines(v, r.result.changes)];
      lines.push(
        "",
        r.result.notices ? t("admin.applied", { count: r.result.notices }) : t("admin.applied_quiet"),
      );
      return lines.join("\n");
    },
    "about the reload",
  );
  return "applied";
}
