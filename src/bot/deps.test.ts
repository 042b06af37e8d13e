import { join } from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import { tempDir } from "../../test/support/tmp.js";
import { loadConfig } from "../config.js";
import { ProgrammeService } from "../programme/service.js";
import { openDatabase } from "../store/db.js";
import { loadProgramme } from "../store/programme-store.js";
import { createBotDeps, PREPARE_INDEX_AFTER_MS } from "./deps.js";
import { createI18n } from "./i18n.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("a conference's dependencies", () => {
  it("make a reloaded programme's first-use search keys soon after installing its index", () => {
    vi.useFakeTimers();
    const db = openDatabase(join(tempDir(), "deps.sqlite"));
    loadProgramme(db, smallProgramme(), 0);
    const logs: { msg: string }[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => logs.push(JSON.parse(line)) });
    const service = new ProgrammeService({ db, clock: () => 0, defaultMinutes: 10 });
    const deps = createBotDeps(
      { config: loadConfig({}), db, i18n: createI18n(), clock: () => 0, logger },
      service,
    );
    const made = () => logs.filter((l) => l.msg === "search index: first-use keys made").length;
    const next = smallProgramme();
    next.sessions = next.sessions.filter((s) => s.id !== "caching");
    service.commit(service.prepare(next), { origin: "startup" });
    // The new version is served at once; its keys come a little later, past the work in hand.
    expect(deps.catalog.session("caching")).toBeUndefined();
    expect(made()).toBe(0);
    vi.advanceTimersByTime(PREPARE_INDEX_AFTER_MS);
    expect(made()).toBe(1);
    expect(deps.catalog.index.search("async")[0]?.id).toBe("async-io");
    db.close();
  });
});
