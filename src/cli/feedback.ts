import { loadConfig } from "../config.js";
import { type Db, openDatabase, statement } from "../store/db.js";
import { exportRatings, ratingSummaries } from "../store/ratings.js";

/** A session as the export names it: its title in every language it has, its start and its room. */
interface SessionLabel {
  title: Record<string, string>;
  start: string;
  room: string | null;
}

/** Every session's title, start and room, by id (removed sessions included: their ratings stay). */
function sessionLabels(db: Db): Map<string, SessionLabel> {
  const rows = statement<[], { id: string; data: string; room: string | null }>(
    db,
    "SELECT id, data, room FROM sessions",
  ).all();
  return new Map(
    rows.map((r) => {
      const s = JSON.parse(r.data) as { title?: Record<string, string>; start?: string };
      return [r.id, { title: s.title ?? {}, start: s.start ?? "", room: r.room }];
    }),
  );
}

/** One CSV field (RFC 4180), a leading formula character defused so a spreadsheet shows it as text. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Every rating as CSV, one line each, anonymous: session, title, start, room, stars, comment, times. */
export function feedbackCsv(db: Db): string {
  const labels = sessionLabels(db);
  const head = ["session_id", "title", "start", "room", "stars", "comment", "created_at", "updated_at"];
  const lines = [head.join(",")];
  for (const r of exportRatings(db)) {
    const l = labels.get(r.sessionId);
    const title = l ? (Object.values(l.title)[0] ?? "") : "";
    lines.push(
      [
        r.sessionId,
        title,
        l?.start ?? "",
        l?.room ?? "",
        r.stars,
        r.comment,
        iso(r.createdAt),
        iso(r.updatedAt),
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The sessions with their ratings summary and every rating, as JSON, anonymous. */
export function feedbackJson(db: Db): string {
  const labels = sessionLabels(db);
  const ratings = exportRatings(db);
  const sessions = ratingSummaries(db).map((s) => ({
    id: s.sessionId,
    ...labels.get(s.sessionId),
    count: s.count,
    mean: Math.round(s.mean * 100) / 100,
    distribution: {
      1: s.distribution[0],
      2: s.distribution[1],
      3: s.distribution[2],
      4: s.distribution[3],
      5: s.distribution[4],
    },
    ratings: ratings
      .filter((r) => r.sessionId === s.sessionId)
      .map((r) => ({
        stars: r.stars,
        comment: r.comment,
        createdAt: iso(r.createdAt),
        updatedAt: iso(r.updatedAt),
      })),
  }));
  return `${JSON.stringify({ sessions }, null, 2)}\n`;
}

const usage = `usage: npm run --silent cli -- feedback export --csv|--json
  every rating and comment in the database at DATABASE_PATH, without user ids`;

/** `feedback export --csv|--json`: the ratings for organizers' spreadsheets and tools. */
export function feedbackCommand(args: string[]): number {
  const [command, format, ...rest] = args;
  if (command !== "export" || (format !== "--csv" && format !== "--json") || rest.length) {
    console.error(usage);
    return 2;
  }
  const db = openDatabase(loadConfig().DATABASE_PATH);
  try {
    process.stdout.write(format === "--csv" ? feedbackCsv(db) : feedbackJson(db));
  } finally {
    db.close();
  }
  return 0;
}
