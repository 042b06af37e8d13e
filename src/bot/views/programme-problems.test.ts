import { describe, expect, it } from "vitest";
import { createHarness, testUser } from "../../../test/support/bot-harness.js";
import { syncProgramme } from "../../../test/support/sync-programme.js";
import { notifyOrganizers } from "../../delivery/organizers.js";
import { ProgrammeError } from "../../programme/errors.js";
import { validateImported } from "../../programme/formats/validate.js";
import { SOURCE_VIEWS } from "../../programme/sync.js";
import { getOutboxRow } from "../../store/outbox.js";
import { parseTelegramHtml } from "../console/html.js";
import { fixedT } from "../i18n.js";
import { createOutboxRenderer } from "./outbox.js";
import { problemLines } from "./programme-problems.js";
import { sourceBrokenView } from "./source.js";

/** The problems of a published schedule with a session in a room that does not exist. */
function brokenImport(): ProgrammeError {
  const p = syncProgramme(4);
  const s = p.sessions[2];
  if (s) s.room = "hall-z";
  try {
    validateImported(p, "https://example.org/schedule.json");
  } catch (e) {
    if (e instanceof ProgrammeError) return e;
  }
  throw new Error("the schedule was accepted");
}

const plainText = (html: string) => {
  const r = parseTelegramHtml(html);
  if (!r.ok) throw new Error(r.error);
  return r.text;
};

describe("programme problems for organizers", () => {
  it("words an imported schedule's problems in each language, the session by title and time", () => {
    const h = createHarness({ programme: syncProgramme(4), now: "2030-03-01T08:00:00+05:00" });
    const e = brokenImport();
    const line = (lang: "en" | "ru") =>
      problemLines({ t: fixedT(h.deps.i18n, lang), lang, catalog: h.deps.catalog, now: h.deps.clock() }, e);
    expect(line("en").map(plainText)).toEqual([
      "• “Talk number 3” (Fri 1 Mar, 09:30–09:55) · room: there is no room “hall-z”; rooms: Hall A, Hall B",
    ]);
    expect(line("ru").map(plainText)).toEqual([
      "• «Доклад номер 3» (пт, 1 марта, 09:30–09:55) · зал: зала «hall-z» нет; есть такие: Зал A, Зал B",
    ]);
  });

  it("the organizers' notice that a source broke words its problems in their language", async () => {
    const h = createHarness({ programme: syncProgramme(4), now: "2030-03-01T08:00:00+05:00" });
    const [olga, ann] = [testUser("ru", "Ольга"), testUser("en", "Ann")];
    for (const u of [olga, ann]) await h.send(u, "/start");
    const e = brokenImport();
    const render = createOutboxRenderer(h.deps, { [SOURCE_VIEWS.broken]: sourceBrokenView });
    const notice = (key: string, params: Record<string, unknown>) => {
      notifyOrganizers(
        h.deps.db,
        [olga.id, ann.id],
        { key, view: SOURCE_VIEWS.broken, params },
        h.deps.clock(),
      );
      const rows = h.deps.db
        .prepare("SELECT id FROM outbox WHERE dedupe_key LIKE ? ORDER BY id")
        .all(`${key}:%`) as {
        id: number;
      }[];
      return rows.map((r) => {
        const row = getOutboxRow(h.deps.db, r.id);
        return plainText((row && render(row, h.deps.clock())?.text) ?? "");
      });
    };
    const source = "https://example.org/schedule.json";
    const problems = { file: e.file, issues: e.issues, count: 7 };
    const [ru, en] = notice("source:broken:1", { source, error: e.message, problems });
    expect(ru).toContain("• «Доклад номер 3» (пт, 1 марта, 09:30–09:55) · зал: зала «hall-z» нет");
    expect(ru).toContain("…и ещё 6 строк.");
    expect(en).toContain("• “Talk number 3” (Fri 1 Mar, 09:30–09:55) · room: there is no room “hall-z”");
    for (const text of [ru, en]) expect(text).not.toContain("sessions[");
    // A network error (or a notice stored before problems were kept) shows its error as it was, escaped once.
    const [old] = notice("source:broken:2", { source, error: "HTTP 503 <busy>" });
    expect(old).toContain("HTTP 503 <busy>");
  });
});
