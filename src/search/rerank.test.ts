import { describe, expect, it } from "vitest";
import { smallProgramme } from "../../test/support/programme-fixture.js";
import type { Programme, Session } from "../programme/model.js";
import { buildSearchIndex, MIN_SCORE } from "./index.js";

function talk(id: string, en: string, ru: string, abstract = ""): Session {
  return {
    id,
    kind: "talk",
    title: { en, ru },
    abstract: { en: abstract, ru: "" },
    start: "2030-03-01T10:00:00+05:00",
    end: "2030-03-01T10:40:00+05:00",
    room: "hall-a",
    speakers: [],
  };
}

/** Two talks whose titles hold the same words, in a different order; the index alone cannot tell them apart. */
function programme(reversed = false): Programme {
  const sessions = [
    talk("pipelines-for-data", "Pipelines for data science teams", "Конвейеры для команд науки о данных"),
    talk("data-pipelines", "Data pipelines in practice", "Конвейеры данных на практике"),
    talk("catalogues", "Data catalogues", "Каталоги данных", "Pipelines feed the catalogue."),
  ];
  return { ...smallProgramme(), sessions: reversed ? sessions.reverse() : sessions, speakers: [] };
}

describe("fuse.js re-ranking of the index's best candidates", () => {
  const ids = (p: Programme, q: string) =>
    buildSearchIndex(p)
      .search(q)
      .map((r) => r.id);

  it("puts the title that holds the query as a phrase first when the index scores two titles the same", () => {
    for (const p of [programme(), programme(true)]) {
      expect(ids(p, "data pipelines").slice(0, 2)).toEqual(["data-pipelines", "pipelines-for-data"]);
      expect(ids(p, "pipelines data").slice(0, 2)).toEqual(["pipelines-for-data", "data-pipelines"]);
      expect(ids(p, "конвейеры данных").slice(0, 2)).toEqual(["data-pipelines", "pipelines-for-data"]);
    }
  });

  it("only breaks near-ties: a clearly better index score stays ahead, scores stay sorted in [cut-off, 1]", () => {
    const results = buildSearchIndex(programme(true)).search("data pipelines");
    // "Data catalogues" holds "data" in its title like the others, but "pipelines" only in its abstract.
    expect(results.at(-1)?.id).toBe("catalogues");
    expect([...results].sort((a, b) => b.score - a.score)).toEqual(results);
    for (const r of results) {
      expect(r.score).toBeGreaterThanOrEqual(MIN_SCORE);
      expect(r.score).toBeLessThanOrEqual(1);
    }
  });

  it("leaves what is found to the index: nonsense still finds nothing", () => {
    const index = buildSearchIndex(programme());
    for (const q of ["zzzz qqqq", "kubernetes operators", "доклад про", "ффф ыыы"])
      expect(index.search(q)).toEqual([]);
  });
});
