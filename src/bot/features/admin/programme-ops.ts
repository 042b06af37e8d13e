import { createHash } from "node:crypto";
import {
  type ApplyResult,
  applyProgrammeChange,
  countNoticeRecipients,
  type NoticeParams,
  noticeChanges,
} from "../../../delivery/notices.js";
import { canonicalProgramme } from "../../../programme/canonical.js";
import { diffProgrammes, type ProgrammeDiff } from "../../../programme/diff.js";
import {
  applyEdit,
  EditError,
  readProgrammeText,
  type ScheduleEdit,
  writeFileAtomic,
} from "../../../programme/edit.js";
import { ProgrammeError } from "../../../programme/errors.js";
import { parseSchedule } from "../../../programme/formats/index.js";
import type { Programme } from "../../../programme/model.js";
import { type AuditAction, recordAudit } from "../../../store/audit.js";
import { writeTransaction } from "../../../store/db.js";
import { readKeys, readProgramme } from "../../../store/programme-store.js";
import type { BotDeps } from "../../context.js";

/** What an organizer's schedule change would do, computed without changing anything. */
export interface PreparedChange {
  /** The programme file's text now (its hash guards the confirmation) and as it would be written. */
  fileHash: string;
  newText: string;
  programme: Programme;
  diff: ProgrammeDiff;
  /** What attendees will be told, and how many distinct people. */
  changes: NoticeParams[];
  recipients: number;
  edit?: ScheduleEdit;
}

/** A change that cannot be made: the programme file's problems, or an edit that makes no sense. */
export type PrepareFailure = { error: ProgrammeError | EditError };

/** A short fingerprint of a file's text. */
export function textHash(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 16);
}

function prepared(
  deps: BotDeps,
  fileText: string,
  newText: string,
  programme: Programme,
  edit?: ScheduleEdit,
): PreparedChange {
  const next = canonicalProgramme(programme);
  const diff = diffProgrammes(readProgramme(deps.db), next);
  const changes = noticeChanges(diff);
  return {
    fileHash: textHash(fileText),
    newText,
    programme: next,
    diff,
    changes,
    recipients: countNoticeRecipients(deps.db, changes, deps.clock()),
    ...(edit ? { edit } : {}),
  };
}

function failure(e: unknown): PrepareFailure {
  if (e instanceof ProgrammeError || e instanceof EditError) return { error: e };
  throw e;
}

/** Reads PROGRAMME_PATH and works out what loading it would change; a broken file comes back as its errors. */
export function prepareReload(deps: BotDeps): PreparedChange | PrepareFailure {
  const file = deps.config.PROGRAMME_PATH;
  try {
    const text = readProgrammeText(file);
    const { programme } = parseSchedule(text, { source: file, timezone: deps.config.PROGRAMME_TIMEZONE });
    return prepared(deps, text, text, programme);
  } catch (e) {
    return failure(e);
  }
}

/** Applies an edit to the programme file's text in memory and works out what it would change. */
export function prepareEdit(deps: BotDeps, edit: ScheduleEdit): PreparedChange | PrepareFailure {
  const file = deps.config.PROGRAMME_PATH;
  try {
    const text = readProgrammeText(file);
    const result = applyEdit(text, file, edit);
    return prepared(deps, text, result.text, result.programme, edit);
  } catch (e) {
    return failure(e);
  }
}

/** The audit log's summary of a reload: "2 changed, 1 added, 0 removed". */
export function reloadSummary(diff: ProgrammeDiff): string {
  return `${diff.changed.length} changed, ${diff.added.length} added, ${diff.removed.length} removed`;
}

/** Whether a preparation failed. */
export function isFailure(p: PreparedChange | PrepareFailure): p is PrepareFailure {
  return "error" in p;
}

/** The outcome of committing a change: applied, or refused because the file changed since the preview. */
export type CommitResult =
  | { ok: true; result: ApplyResult }
  | { ok: false; reason: "file-changed" }
  | PrepareFailure;

/**
 * Commits what an organizer confirmed. The file is re-read: if it changed since the preview, nothing happens
 * (the organizer must look again). Otherwise an edit is written to the file first (atomically — the file
 * stays the source of truth, so a later /reload keeps it), then the programme is loaded with its notices and
 * reminder re-plan in one transaction, the audit entry is recorded in that same transaction, and the
 * running catalog is swapped.
 */
export function commitChange(
  deps: BotDeps,
  change: PreparedChange,
  audit: { adminId: number; action: AuditAction; details: Record<string, unknown> },
): CommitResult {
  const file = deps.config.PROGRAMME_PATH;
  let again: PreparedChange | PrepareFailure;
  try {
    const text = readProgrammeText(file);
    if (textHash(text) !== change.fileHash) return { ok: false, reason: "file-changed" };
    again = change.edit ? prepareEdit(deps, change.edit) : prepareReload(deps);
  } catch (e) {
    return failure(e);
  }
  if (isFailure(again)) return again;
  if (again.fileHash !== change.fileHash) return { ok: false, reason: "file-changed" };
  if (change.edit) writeFileAtomic(file, again.newText);
  return { ok: true, result: applyPrepared(deps, again, audit) };
}

/** Loads a prepared programme with its notices, records the audit entry, and swaps the running catalog. */
export function applyPrepared(
  deps: BotDeps,
  change: PreparedChange,
  audit: { adminId: number; action: AuditAction; details: Record<string, unknown> },
): ApplyResult {
  const now = deps.clock();
  const result = writeTransaction(deps.db, () => {
    const r = applyProgrammeChange(deps.db, change.programme, {
      now,
      defaultMinutes: deps.config.DEFAULT_REMINDER_MINUTES,
    });
    recordAudit(deps.db, {
      at: now,
      adminId: audit.adminId,
      action: audit.action,
      details: {
        ...audit.details,
        changed: r.diff.changed.map((c) => c.id),
        added: r.diff.added.map((s) => s.id),
        removed: r.diff.removed.map((s) => s.id),
        notices: r.notices,
      },
    });
    return r;
  });
  const stored = readProgramme(deps.db);
  if (stored) deps.catalog.replace(stored, readKeys(deps.db));
  return result;
}
