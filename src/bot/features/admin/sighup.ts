import type { Api } from "grammy";
import { isEmptyDiff } from "../../../programme/diff.js";
import { ProgrammeError } from "../../../programme/errors.js";
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
  const change = prepareReload(deps);
  let outcome: SignalReloadResult;
  let render: (t: ReturnType<typeof fixedT>, lang: "en" | "ru") => string;
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
      },
    });
    logger.error({ err: error.message }, "SIGHUP: programme file refused; nothing changed");
    render = (t, lang) => {
      const v = { t, lang, catalog: deps.catalog };
      const header = t("admin.sighup.refused");
      return error instanceof ProgrammeError
        ? programmeErrorText(v, error, header)
        : `${header}\n${editErrorText(v, error)}`;
    };
  } else if (isEmptyDiff(change.diff)) {
    logger.info("SIGHUP: the programme file holds no changes");
    return "unchanged";
  } else {
    outcome = "applied";
    const d = change.diff;
    const result = applyPrepared(deps, change, {
      adminId: SYSTEM_ADMIN_ID,
      action: "reload",
      details: {
        trigger: "SIGHUP",
        summary: reloadSummary(d),
      },
    });
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
      const v = { t, lang, catalog: deps.catalog };
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
