import type { Db } from "./db.js";

/** What organizers do, as recorded in the audit log. */
export type AuditAction =
  | "broadcast"
  | "move"
  | "cancel"
  | "restore"
  | "reload"
  | "reload-refused"
  | "apply-held"
  | "stats"
  | "audit"
  | "refused"
  | "moderation"
  | "invite"
  | "room";

/** One entry of the audit log: who did what, when, with details as a JSON object. */
export interface AuditEntry {
  id: number;
  at: number;
  adminId: number;
  action: string;
  details: Record<string, unknown>;
}

/** Appends an entry to the audit log and returns its id. */
export function recordAudit(
  db: Db,
  entry: { at: number; adminId: number; action: AuditAction; details?: Record<string, unknown> },
): number {
  return Number(
    db
      .prepare("INSERT INTO audit_log (at, admin_id, action, details) VALUES (?, ?, ?, ?)")
      .run(entry.at, entry.adminId, entry.action, JSON.stringify(entry.details ?? {})).lastInsertRowid,
  );
}

/** The latest audit entries, newest first; `before` (an entry id) pages back. */
export function recentAudit(db: Db, limit: number, before?: number): AuditEntry[] {
  const rows = db
    .prepare("SELECT id, at, admin_id, action, details FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?")
    .all(before ?? Number.MAX_SAFE_INTEGER, limit) as {
    id: number;
    at: number;
    admin_id: number;
    action: string;
    details: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    adminId: r.admin_id,
    action: r.action,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}

/** Forget-me for an organizer: what they did stays in the audit log, done by nobody named (0). */
export function forgetAuditActor(db: Db, userId: number): void {
  db.prepare("UPDATE audit_log SET admin_id = 0 WHERE admin_id = ?").run(userId);
}
