/**
 * Following a published schedule (PROGRAMME_URL): fetched at start, every PROGRAMME_POLL seconds and on
 * /reload, with conditional requests. Every new version goes through the {@link ProgrammeService} like any
 * other change. A version that removes or cancels more than a fifth of the sessions is held until an
 * organizer applies it; a failing source keeps the programme as it is and organizers hear once that it
 * broke and once that it recovered. The sync state is committed with what it describes, so a restart
 * between two versions neither loses one nor repeats one.
 */
import type { ApplyResult, NoticeParams } from "../delivery/notices.js";
import { notifyOrganizers } from "../delivery/organizers.js";
import { type Db, writeTransaction } from "../store/db.js";
import { readSourceState, type SourceState, writeSourceState } from "../store/programme-source.js";
import { ProgrammeError, type ProgrammeIssue } from "./errors.js";
import { type FetchLimits, fetchSource } from "./fetch-source.js";
import { asProgrammeError } from "./formats/limits.js";
import type { PreparedChange, ProgrammeService } from "./service.js";
import { contentHash, parseSourceText } from "./source.js";

/** Outbox views of the organizers' messages about the source (rendered by the bot, src/bot/views/source.ts). */
export const SOURCE_VIEWS = {
  broken: "source-broken",
  recovered: "source-recovered",
  held: "source-held",
} as const;

/** A held version's changes listed in the organizers' message at most (the rest are counted). */
const HELD_PREVIEW_CHANGES = 40;

/** Characters of the held version's hash that its Apply button carries. */
export const HELD_TOKEN_CHARS = 12;

/** More than this share of the sessions removed or cancelled at once looks like a broken export: it is held. */
export const HOLD_SHARE = 0.2;

/** What made a sync run. */
export type SyncTrigger = "start" | "poll" | "reload" | "sighup";

/** What one sync did. */
export type SyncOutcome =
  | { kind: "not-modified" }
  | { kind: "unchanged" }
  | { kind: "applied"; change: PreparedChange; result: ApplyResult; version: number }
  /** `fresh` is false when this version was held already. */
  | { kind: "held"; token: string; fresh: boolean; change?: PreparedChange }
  /** `fresh` is true when the source was working until now (organizers are told). */
  | { kind: "failed"; error: string; fresh: boolean; problems?: SourceProblems };

/** The outcome of an organizer applying the held version. */
export type ApplyHeldOutcome =
  | { ok: true; change: PreparedChange; result: ApplyResult; version: number }
  | { ok: false; reason: "gone" | "stale" | "broken"; error?: string };

/** The parameters of the organizers' "held" message. */
export interface HeldParams {
  source: string;
  token: string;
  dropped: number;
  total: number;
  added: number;
  changed: number;
  removed: number;
  recipients: number;
  /** The first changes attendees would hear of (at most HELD_PREVIEW_CHANGES). */
  changes: NoticeParams[];
  more: number;
}

/** What the sync needs. */
export interface SourceSyncOptions {
  db: Db;
  service: ProgrammeService;
  clock: () => number;
  url: string;
  limits: FetchLimits;
  /** PROGRAMME_TIMEZONE, for sources with local clock times only. */
  timezone?: string;
  /** Telegram ids of the organizers told about breakage, recovery and held versions. */
  organizerIds: readonly number[];
  /** Called after anything was queued in the outbox (nudge the dispatcher). */
  onQueued?: () => void;
  /** Called when a sync fails (for the log). */
  onError?: (err: unknown) => void;
}

/** The token an Apply button carries for a held version. */
export function heldToken(hash: string): string {
  return hash.slice(0, HELD_TOKEN_CHARS);
}

/** Whether a change removes or cancels more than a fifth of the sessions there are. */
export function isDrastic(change: Pick<PreparedChange, "dropped" | "total">): boolean {
  return change.total > 0 && change.dropped > change.total * HOLD_SHARE;
}

/** Follows one published schedule; one sync at a time. */
export class SourceSync {
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: SourceSyncOptions) {}

  /** The URL followed. */
  get url(): string {
    return this.options.url;
  }

  /** The persisted sync state (last fetch, version validators, last error, held version). */
  state(): SourceState {
    return readSourceState(this.options.db, this.options.url, this.options.service.conference);
  }

  /**
   * Fetches the source now (after any sync already running) and applies, holds or reports what it finds.
   * `askedBy`, the organizer who asked (/reload), gets the outcome as the answer instead of a message.
   */
  syncNow(trigger: SyncTrigger, askedBy?: number): Promise<SyncOutcome> {
    const run = this.chain.then(() => this.run(trigger, askedBy));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Applies the held version an organizer confirmed (its button's token); refused when it is no longer the one held. */
  applyHeld(token: string, adminId: number): Promise<ApplyHeldOutcome> {
    const run = this.chain.then(() => this.commitHeld(token, adminId));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Polls every `seconds` (the first poll after one period; start-up syncs itself). */
  start(seconds: number): void {
    const next = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.syncNow("poll")
          .catch((err: unknown) => this.options.onError?.(err))
          .finally(next);
      }, seconds * 1000);
      this.timer.unref();
    };
    next();
  }

  /** Stops polling and waits for a sync in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.chain;
  }

  /** The preview of the version held, worked out against the programme as it is now; undefined when none is. */
  heldPreview(): HeldParams | undefined {
    const held = this.state().held;
    if (!held) return undefined;
    try {
      const change = this.options.service.prepare(this.parse(held.body));
      return heldParams(this.options.url, held.hash, change);
    } catch (e) {
      if (e instanceof ProgrammeError) return undefined;
      throw e;
    }
  }

  /** Parses a version of the source. */
  private parse(body: Uint8Array) {
    return parseSourceText(body, this.options.url, this.options.timezone).programme;
  }

  /** The organizers to tell about an event, but the one who asked for the sync. */
  private audience(askedBy: number | undefined): readonly number[] {
    return this.options.organizerIds.filter((id) => id !== askedBy);
  }

  private async run(_trigger: SyncTrigger, askedBy?: number): Promise<SyncOutcome> {
    const { db, url, limits, clock } = this.options;
    const state = readSourceState(db, url, this.options.service.conference);
    const validators = state.held
      ? { etag: state.held.etag, lastModified: state.held.lastModified }
      : { etag: state.etag, lastModified: state.lastModified };
    let fetched: Awaited<ReturnType<typeof fetchSource>>;
    try {
      fetched = await fetchSource(url, validators, limits);
    } catch (e) {
      return this.failed(state, e, askedBy);
    }
    const now = clock();
    const ok: SourceState = { ...state, lastFetchAt: now, lastSuccessAt: now, lastError: state.lastError };
    if (fetched.status === "not-modified") {
      this.saveState(state, ok);
      return state.held
        ? { kind: "held", token: heldToken(state.held.hash), fresh: false }
        : { kind: "not-modified" };
    }
    const validated = { etag: fetched.etag, lastModified: fetched.lastModified };
    const hash = contentHash(fetched.body);
    if (state.held?.hash === hash) {
      this.saveState(state, { ...ok, held: { ...state.held, ...validated } });
      return { kind: "held", token: heldToken(hash), fresh: false };
    }
    // The version the database has (again): nothing to parse, and a hold is over.
    if (hash === state.contentHash) {
      this.saveState(state, { ...ok, ...validated, held: null });
      return { kind: "unchanged" };
    }
    let change: PreparedChange;
    try {
      change = this.options.service.prepare(this.parse(fetched.body));
    } catch (e) {
      return this.failed(state, asProgrammeError(url, e), askedBy);
    }
    const current: SourceState = { ...ok, ...validated, contentHash: hash, held: null };
    if (!change.differs) {
      this.saveState(state, current);
      return { kind: "unchanged" };
    }
    if (isDrastic(change)) {
      const held = { hash, body: fetched.body, ...validated, at: now };
      writeTransaction(db, () => {
        this.saveState(state, { ...ok, held });
        notifyOrganizers(
          db,
          this.options.organizerIds,
          {
            key: `source:held:${hash}`,
            view: SOURCE_VIEWS.held,
            params: { ...heldParams(url, hash, change) },
          },
          now,
        );
      });
      this.options.onQueued?.();
      return { kind: "held", token: heldToken(hash), fresh: true, change };
    }
    const outcome = this.options.service.commit(change, {
      origin: "sync",
      source: url,
      contentHash: hash,
      within: () => this.saveState(state, current),
    });
    // Another change landed between prepare and commit (an organizer applied the held version): the next
    // poll looks again against what is stored now.
    if (!outcome.ok) return { kind: "failed", error: "the programme changed during the sync", fresh: false };
    this.options.onQueued?.();
    return { kind: "applied", change, result: outcome.result, version: outcome.version };
  }

  private async commitHeld(token: string, adminId: number): Promise<ApplyHeldOutcome> {
    const { db, url } = this.options;
    const state = readSourceState(db, url, this.options.service.conference);
    const held = state.held;
    if (!held || heldToken(held.hash) !== token) return { ok: false, reason: "gone" };
    let change: PreparedChange;
    try {
      change = this.options.service.prepare(this.parse(held.body));
    } catch (e) {
      return { ok: false, reason: "broken", error: asProgrammeError(url, e).message };
    }
    const outcome = this.options.service.commit(change, {
      origin: "held",
      source: url,
      contentHash: held.hash,
      audit: {
        adminId,
        action: "apply-held",
        details: { summary: `${change.dropped} of ${change.total} dropped` },
      },
      within: () =>
        writeSourceState(
          db,
          {
            ...state,
            etag: held.etag,
            lastModified: held.lastModified,
            contentHash: held.hash,
            held: null,
          },
          this.options.service.conference,
        ),
    });
    if (!outcome.ok) return { ok: false, reason: "stale" };
    this.options.onQueued?.();
    return { ok: true, change, result: outcome.result, version: outcome.version };
  }

  /** Records a failed fetch or parse; the first failure after a working source is the organizers' news. */
  private failed(state: SourceState, e: unknown, askedBy?: number): SyncOutcome {
    const { db, url, clock } = this.options;
    this.options.onError?.(e);
    const now = clock();
    const error =
      e instanceof ProgrammeError ? programmeErrorSummary(e) : e instanceof Error ? e.message : String(e);
    const problems = e instanceof ProgrammeError ? sourceProblems(e) : undefined;
    const fresh = state.brokenSince === null;
    const brokenSince = state.brokenSince ?? now;
    writeTransaction(db, () => {
      writeSourceState(
        db,
        { ...state, lastFetchAt: now, lastError: error, lastErrorAt: now, brokenSince },
        this.options.service.conference,
      );
      if (fresh)
        notifyOrganizers(
          db,
          this.audience(askedBy),
          {
            key: `source:broken:${brokenSince}`,
            view: SOURCE_VIEWS.broken,
            params: { source: url, error, ...(problems ? { problems } : {}) },
          },
          now,
        );
    });
    if (fresh) this.options.onQueued?.();
    return { kind: "failed", error, fresh, ...(problems ? { problems } : {}) };
  }

  /** Stores the state after a successful fetch; if the source was broken, organizers hear it recovered. */
  private saveState(before: SourceState, after: SourceState): void {
    const { db, url, clock } = this.options;
    const recovered = before.brokenSince !== null;
    writeTransaction(db, () => {
      writeSourceState(db, { ...after, brokenSince: null }, this.options.service.conference);
      if (recovered)
        notifyOrganizers(
          db,
          this.options.organizerIds,
          {
            key: `source:recovered:${before.brokenSince}`,
            view: SOURCE_VIEWS.recovered,
            params: { source: url, since: before.brokenSince, error: before.lastError },
          },
          clock(),
        );
    });
    if (recovered) this.options.onQueued?.();
  }
}

/** The first problems of a schedule that cannot be used, kept so that organizers read them in their language. */
export interface SourceProblems {
  file: string;
  issues: ProgrammeIssue[];
  count: number;
}

/** A schedule's first problems, as stored with the organizers' notice. */
function sourceProblems(e: ProgrammeError): SourceProblems {
  return { file: e.file, issues: e.issues.slice(0, 5), count: e.issues.length };
}

/** A parse failure in a line or a few: the first problems of the file. */
function programmeErrorSummary(e: ProgrammeError): string {
  const shown = e.issues.slice(0, 3).map((i) => `${i.path || "(root)"}: ${i.message}`);
  const more = e.issues.length > shown.length ? ` (+${e.issues.length - shown.length} more)` : "";
  return `${shown.join("; ")}${more}`;
}

/** What the organizers' message about a held version shows. */
export function heldParams(source: string, hash: string, change: PreparedChange): HeldParams {
  return {
    source,
    token: heldToken(hash),
    dropped: change.dropped,
    total: change.total,
    added: change.diff.added.length,
    changed: change.diff.changed.length,
    removed: change.diff.removed.length,
    recipients: change.recipients,
    changes: change.changes.slice(0, HELD_PREVIEW_CHANGES),
    more: Math.max(0, change.changes.length - HELD_PREVIEW_CHANGES),
  };
}
