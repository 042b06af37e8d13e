/**
 * The one way the programme changes. Start-up, /reload, SIGHUP, /move, /cancel, /restore, `programme load`
 * and URL sync all go through {@link ProgrammeService}: `prepare` validates nothing more (the caller parsed
 * the programme) but works out the preview — what changes and how many people will be told — without
 * writing; `commit` stores the programme, queues the change notices, re-plans the reminders and records a
 * new programme version in ONE `BEGIN IMMEDIATE` transaction, then tells the running bot to swap its
 * catalogue. A process that did not make the change (the bot, when the CLI loaded a file) notices the new
 * version with {@link ProgrammeService.refresh} (a cheap `PRAGMA data_version` check in a tick).
 */

import { resolve } from "node:path";
import {
  type ApplyResult,
  applyProgrammeChange,
  countNoticeRecipients,
  type NoticeParams,
  noticeChanges,
} from "../delivery/notices.js";
import { type AuditAction, recordAudit } from "../store/audit.js";
import { conferencePrefix, SOLE_CONFERENCE } from "../store/conferences.js";
import { type Db, writeTransaction } from "../store/db.js";
import { readProgramme } from "../store/programme-store.js";
import {
  type ChangeOrigin,
  currentVersion,
  latestVersion,
  recordVersion,
} from "../store/programme-versions.js";
import { canonicalProgramme } from "./canonical.js";
import { diffProgrammes, isEmptyDiff, type ProgrammeDiff } from "./diff.js";
import type { Programme } from "./model.js";
import { qualifyProgramme } from "./qualify.js";

/** What a change would do, worked out without changing anything: the preview organizers confirm. */
export interface PreparedChange {
  /** The new programme, in canonical form. */
  programme: Programme;
  diff: ProgrammeDiff;
  /** What attendees will be told, and how many distinct people. */
  changes: NoticeParams[];
  recipients: number;
  /** The version this was worked out against; committing it over another version is refused. */
  baseVersion: number;
  /** Whether the stored programme would differ at all (a speaker's biography counts; the diff is per session). */
  differs: boolean;
  /** Sessions of the current programme that this removes or cancels, and how many it has. */
  dropped: number;
  total: number;
}

/** How a commit is recorded. */
export interface CommitOptions {
  origin: ChangeOrigin;
  /** The file or URL the programme came from, and its text's hash. */
  source?: string;
  contentHash?: string;
  /** The organizer action to write to the audit log in the same transaction. */
  audit?: { adminId: number; action: AuditAction; details?: Record<string, unknown> };
  /** Runs inside the transaction before anything is stored (write the file, save the sync state); a throw rolls back. */
  within?: () => void;
}

/** A commit's outcome: applied as a new version, or refused because the programme changed since the preview. */
export type CommitOutcome =
  | { ok: true; result: ApplyResult; version: number }
  | { ok: false; reason: "stale" };

/** Told whenever the programme in the database changed: by this process, or by another one. */
export type ProgrammeListener = (programme: Programme, version: number) => void;

/** The dependencies of the service. */
export interface ProgrammeServiceOptions {
  db: Db;
  clock: () => number;
  /** Reminder lead time of users who never chose one (the re-plan needs it). */
  defaultMinutes: number;
  /** The conference whose programme this service changes (default: a deployment of one's). */
  conference?: string;
}

/** The one prepare → commit path through which every programme change of one conference goes. */
export class ProgrammeService {
  private readonly listeners = new Set<ProgrammeListener>();
  private installed: number;
  private dataVersion: number;
  /** The conference this service changes. */
  readonly conference: string;

  constructor(private readonly options: ProgrammeServiceOptions) {
    this.conference = options.conference ?? SOLE_CONFERENCE;
    this.installed = currentVersion(options.db, this.conference);
    this.dataVersion = this.readDataVersion();
  }

  /** What this conference's session and speaker ids are qualified with (src/programme/qualify.ts). */
  get prefix(): string {
    return conferencePrefix(this.options.db, this.conference);
  }

  /** The programme version the running process serves. */
  get version(): number {
    return this.installed;
  }

  /** The programme in the database, or undefined when none was ever loaded. */
  current(): Programme | undefined {
    return readProgramme(this.options.db, this.conference);
  }

  /**
   * The stored programme's version when it was committed from `source` with exactly the bytes whose content
   * hash (source.ts `contentHash`) is `hash` (a file path is compared resolved), else undefined: a restart with
   * the file unchanged has nothing to parse, diff or store.
   */
  storedFrom(source: string, hash: string): number | undefined {
    const v = latestVersion(this.options.db, this.conference);
    if (!v?.source || v.contentHash !== hash) return undefined;
    return resolve(v.source) === resolve(source) ? v.version : undefined;
  }

  /**
   * Works out what storing `programme` (with its source's ids) would change and who would be told, changing
   * nothing.
   */
  prepare(programme: Programme): PreparedChange {
    const { db, clock } = this.options;
    const next = canonicalProgramme(qualifyProgramme(programme, this.prefix));
    const stored = readProgramme(db, this.conference);
    const diff = diffProgrammes(stored, next);
    const changes = noticeChanges(diff);
    const newlyCancelled = diff.changed.filter((c) => c.after.cancelled && !c.before.cancelled).length;
    return {
      programme: next,
      diff,
      changes,
      recipients: countNoticeRecipients(db, changes, clock()),
      baseVersion: currentVersion(db, this.conference),
      differs: !isEmptyDiff(diff) || JSON.stringify(stored) !== JSON.stringify(next),
      dropped: diff.removed.length + newlyCancelled,
      total: stored?.sessions.length ?? 0,
    };
  }

  /**
   * Stores a prepared change: the programme, its change notices (one per person), the reminder re-plan, the
   * audit entry and a new programme version, in one immediate transaction — all or nothing. Refused as
   * `stale` when another change was committed since it was prepared. A change that alters nothing stores
   * nothing and records no version (its `within` still runs). Listeners hear of the new version afterwards.
   */
  commit(change: PreparedChange, options: CommitOptions): CommitOutcome {
    const { db, clock, defaultMinutes } = this.options;
    const now = clock();
    const outcome = writeTransaction(db, (): CommitOutcome => {
      const base = currentVersion(db, this.conference);
      if (base !== change.baseVersion) return { ok: false, reason: "stale" };
      options.within?.();
      const result = applyProgrammeChange(db, change.programme, {
        now,
        defaultMinutes,
        conference: this.conference,
      });
      if (!change.differs) return { ok: true, result, version: base };
      const summary = {
        changed: result.diff.changed.length,
        added: result.diff.added.length,
        removed: result.diff.removed.length,
        notices: result.notices,
      };
      const version = recordVersion(
        db,
        {
          at: now,
          origin: options.origin,
          ...(options.source ? { source: options.source } : {}),
          ...(options.contentHash ? { contentHash: options.contentHash } : {}),
          summary,
        },
        this.conference,
      );
      if (options.audit)
        recordAudit(db, {
          at: now,
          adminId: options.audit.adminId,
          action: options.audit.action,
          details: {
            ...options.audit.details,
            version,
            changed: result.diff.changed.map((c) => c.id),
            added: result.diff.added.map((s) => s.id),
            removed: result.diff.removed.map((s) => s.id),
            notices: result.notices,
          },
        });
      return { ok: true, result, version };
    });
    if (outcome.ok && outcome.version !== this.installed) this.install(outcome.version);
    return outcome;
  }

  /** Calls `listener` after every programme change from now on; returns the function that stops it. */
  onChange(listener: ProgrammeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Looks whether another process committed a programme version (`PRAGMA data_version` moves only when
   * another connection commits, so the check costs next to nothing) and, if so, installs it: listeners swap
   * the catalogue. Returns whether it did.
   */
  refresh(): boolean {
    const dataVersion = this.readDataVersion();
    if (dataVersion === this.dataVersion) return false;
    this.dataVersion = dataVersion;
    const version = currentVersion(this.options.db, this.conference);
    if (version === this.installed) return false;
    this.install(version);
    return true;
  }

  /** Runs {@link refresh} every `intervalMs`; returns the function that stops it. */
  watch(intervalMs: number, onError: (err: unknown) => void = () => undefined): () => void {
    const timer = setInterval(() => {
      try {
        this.refresh();
      } catch (err) {
        onError(err);
      }
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private readDataVersion(): number {
    return this.options.db.pragma("data_version", { simple: true }) as number;
  }

  private install(version: number): void {
    this.installed = version;
    const programme = readProgramme(this.options.db, this.conference);
    if (!programme) return;
    for (const listener of this.listeners) listener(programme, version);
  }
}
