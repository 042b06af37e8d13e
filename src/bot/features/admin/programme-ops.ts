import type { ApplyResult } from "../../../delivery/notices.js";
import type { ProgrammeDiff } from "../../../programme/diff.js";
import {
  applyEdit,
  EditError,
  readProgrammeText,
  type ScheduleEdit,
  writeFileAtomic,
} from "../../../programme/edit.js";
import type { ProgrammeError } from "../../../programme/errors.js";
import { asProgrammeError } from "../../../programme/formats/limits.js";
import type { Programme, SourceWarning } from "../../../programme/model.js";
import { sourceId } from "../../../programme/qualify.js";
import type { PreparedChange } from "../../../programme/service.js";
import { contentHash, parseSourceText } from "../../../programme/source.js";
import type { ChangeOrigin } from "../../../store/programme-versions.js";
import type { BotDeps } from "../../context.js";

/** What an organizer's schedule change would do, computed without changing anything. */
export interface PreparedFileChange extends PreparedChange {
  /** The programme file's text now (its hash guards the confirmation) and as it would be written. */
  fileHash: string;
  newText: string;
  edit?: ScheduleEdit;
  /** What the new file does that may not be meant (an offset other than the timezone's). */
  warnings: SourceWarning[];
}

/** A change that cannot be made: the programme file's problems, or an edit that makes no sense. */
export type PrepareFailure = { error: ProgrammeError | EditError };

function prepared(
  deps: BotDeps,
  fileText: string,
  newText: string,
  programme: Programme,
  edit?: ScheduleEdit,
  warnings: SourceWarning[] = [],
): PreparedFileChange {
  return {
    ...deps.programmeService.prepare(programme),
    fileHash: contentHash(fileText),
    newText,
    ...(edit ? { edit } : {}),
    warnings,
  };
}

/**
 * The conference's programme file (its URL when it follows one: those change through their sync, never
 * through the file commands).
 */
export function programmeFile(deps: BotDeps): string {
  const source = deps.conference.source;
  return source.kind === "file" ? source.path : source.url;
}

function failure(e: unknown, file: string): PrepareFailure {
  if (e instanceof EditError) return { error: e };
  // Whatever went wrong reading the file (a parser's own crash included) is the file's problem to report.
  return { error: asProgrammeError(file, e) };
}

/** The largest programme file read (PROGRAMME_MAX_MB). */
const maxBytes = (deps: BotDeps) => deps.config.PROGRAMME_MAX_MB * 1024 * 1024;

/**
 * Reads the conference's programme file and works out what loading it would change; a broken file comes back
 * as its errors.
 */
export function prepareReload(deps: BotDeps): PreparedFileChange | PrepareFailure {
  const file = programmeFile(deps);
  try {
    const text = readProgrammeText(file, maxBytes(deps));
    const parsed = parseSourceText(text, file, deps.conference.timezone);
    return prepared(deps, text, text, parsed.programme, undefined, parsed.warnings);
  } catch (e) {
    return failure(e, file);
  }
}

/** Applies an edit to the programme file's text in memory and works out what it would change. */
export function prepareEdit(deps: BotDeps, edit: ScheduleEdit): PreparedFileChange | PrepareFailure {
  const file = programmeFile(deps);
  try {
    const text = readProgrammeText(file, maxBytes(deps));
    // The file names sessions as its source does; the catalogue's ids carry the conference's prefix.
    const result = applyEdit(text, file, {
      ...edit,
      sessionId: sourceId(edit.sessionId, deps.programmeService.prefix),
    });
    return prepared(deps, text, result.text, result.programme, edit);
  } catch (e) {
    return failure(e, file);
  }
}

/** The audit log's summary of a reload: "2 changed, 1 added, 0 removed". */
export function reloadSummary(diff: ProgrammeDiff): string {
  return `${diff.changed.length} changed, ${diff.added.length} added, ${diff.removed.length} removed`;
}

/** Whether a preparation failed. */
export function isFailure<T extends object>(p: T | PrepareFailure): p is PrepareFailure {
  return "error" in p;
}

/** The outcome of committing a change: applied, or refused because the file or the programme changed since the preview. */
export type CommitResult =
  | { ok: true; result: ApplyResult }
  | { ok: false; reason: "file-changed" }
  | PrepareFailure;

/** Who made a file change, for the programme version and the audit log. */
export interface FileChangeAudit {
  adminId: number;
  action: "move" | "cancel" | "restore" | "reload";
  details: Record<string, unknown>;
  /** SIGHUP instead of an organizer's /reload. */
  origin?: ChangeOrigin;
}

/**
 * Commits what an organizer confirmed, through the programme service. The file is re-read: if it changed
 * since the preview, or another change reached the programme meanwhile, nothing happens (the organizer must
 * look again). An edit is written to the file (atomically — the file stays the source of truth, so a later
 * /reload keeps it) inside the commit's transaction, which stores the programme with its notices, reminder
 * re-plan, audit entry and version; the running catalogue is swapped by the service's listeners.
 */
export function commitChange(
  deps: BotDeps,
  change: PreparedFileChange,
  audit: FileChangeAudit,
): CommitResult {
  const file = programmeFile(deps);
  let again: PreparedFileChange | PrepareFailure;
  try {
    if (contentHash(readProgrammeText(file, maxBytes(deps))) !== change.fileHash)
      return { ok: false, reason: "file-changed" };
    again = change.edit ? prepareEdit(deps, change.edit) : prepareReload(deps);
  } catch (e) {
    return failure(e, file);
  }
  if (isFailure(again)) return again;
  if (again.fileHash !== change.fileHash || again.baseVersion !== change.baseVersion)
    return { ok: false, reason: "file-changed" };
  const outcome = applyPrepared(deps, again, audit);
  return outcome ? { ok: true, result: outcome } : { ok: false, reason: "file-changed" };
}

/** Commits a prepared file change (writing an edit to the file); undefined when the programme changed meanwhile. */
export function applyPrepared(
  deps: BotDeps,
  change: PreparedFileChange,
  audit: FileChangeAudit,
): ApplyResult | undefined {
  const file = programmeFile(deps);
  const outcome = deps.programmeService.commit(change, {
    origin: audit.origin ?? audit.action,
    source: file,
    contentHash: contentHash(change.newText),
    audit: { adminId: audit.adminId, action: audit.action, details: audit.details },
    ...(change.edit ? { within: () => writeFileAtomic(file, change.newText) } : {}),
  });
  return outcome.ok ? outcome.result : undefined;
}
