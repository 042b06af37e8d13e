import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../test/support/cli.js";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import { openDatabase } from "../store/db.js";
import { loadProgramme } from "../store/programme-store.js";
import { rateSession, setComment } from "../store/ratings.js";
import { touchUser } from "../store/users.js";
import { csvField } from "./feedback.js";

/** A database file with three ratings, two comments that a CSV must quote or defuse. */
function ratedDatabase(): string {
  const path = join(tempDir(), "confbot.sqlite");
  const db = openDatabase(path);
  loadProgramme(db, smallProgramme());
  for (const id of [7_771_234_001, 7_771_234_002]) touchUser(db, { id, chatId: id }, 0);
  rateSession(db, { userId: 7_771_234_001, sessionId: "caching", stars: 5, now: Date.UTC(2030, 2, 1, 6) });
  setComment(db, 7_771_234_001, "caching", 'Great, "really"\nthanks', Date.UTC(2030, 2, 1, 6, 1));
  rateSession(db, { userId: 7_771_234_002, sessionId: "caching", stars: 2, now: Date.UTC(2030, 2, 1, 6, 2) });
  setComment(db, 7_771_234_002, "caching", "=HYPERLINK(1)", Date.UTC(2030, 2, 1, 6, 3));
  rateSession(db, {
    userId: 7_771_234_002,
    sessionId: "async-io",
    stars: 4,
    now: Date.UTC(2030, 2, 1, 6, 4),
  });
  db.close();
  return path;
}

describe("cli feedback export", () => {
  it("writes every rating as CSV, quoted and defused, with no user ids", () => {
    const path = ratedDatabase();
    const r = runCli(["feedback", "export", "--csv"], { env: { DATABASE_PATH: path } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\r\n");
    expect(lines[0]).toBe("session_id,title,start,room,stars,comment,created_at,updated_at");
    expect(r.stdout).toContain(
      'caching,Distributed caching,2030-03-01T10:00:00+05:00,hall-b,5,"Great, ""really""\nthanks"',
    );
    expect(r.stdout).toContain(",2,'=HYPERLINK(1),");
    expect(r.stdout).toContain("async-io,Asynchronous IO,");
    expect(r.stdout).not.toContain("7771234");
  });

  it("writes the sessions' summaries and ratings as JSON, and explains its usage", () => {
    const path = ratedDatabase();
    const r = runCli(["feedback", "export", "--json"], { env: { DATABASE_PATH: path } });
    expect(r.status).toBe(0);
    const { sessions } = JSON.parse(r.stdout) as {
      sessions: {
        id: string;
        count: number;
        mean: number;
        distribution: Record<string, number>;
        ratings: unknown[];
      }[];
    };
    expect(sessions.map((s) => [s.id, s.count, s.mean])).toEqual([
      ["caching", 2, 3.5],
      ["async-io", 1, 4],
    ]);
    expect(sessions[0]?.distribution).toEqual({ 1: 0, 2: 1, 3: 0, 4: 0, 5: 1 });
    expect(r.stdout).not.toContain("7771234");
    const bad = runCli(["feedback", "export"], { env: { DATABASE_PATH: path } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("feedback export --csv|--json");
  });

  it("quotes fields the CSV way", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("+1 is great")).toBe("'+1 is great");
    expect(csvField(null)).toBe("");
    expect(csvField(-3)).toBe("-3");
  });
});
