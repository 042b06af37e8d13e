import { describe, expect, it } from "vitest";
import type { Programme } from "../programme/model.js";
import {
  documentLanguages,
  FIELD_NAMES,
  FIELD_WEIGHTS,
  type FieldName,
  heldWeight,
  OWN_COMPANY_WEIGHT,
  searchDocuments,
} from "./documents.js";

function programme(): Programme {
  return {
    conference: {
      name: { de: "Kongress" },
      timezone: "Europe/Berlin",
      languages: ["de", "en"],
      days: ["2030-12-27"],
      rooms: [{ id: "saal-1", name: { de: "Saal 1" } }],
      tracks: [{ id: "security", name: { en: "Security" } }],
    },
    sessions: [
      {
        id: "fuzzing",
        kind: "workshop",
        type: "Workshop (2h)",
        title: { de: "Fuzzing für alle" },
        subtitle: { de: "Ein Einstieg" },
        abstract: { de: "Wir fuzzen Parser." },
        start: "2030-12-27T11:00:00+01:00",
        end: "2030-12-27T13:00:00+01:00",
        room: "saal-1",
        track: "security",
        speakers: ["ann"],
      },
      {
        id: "lunch",
        kind: "meal",
        title: { en: "Lunch", fr: "Déjeuner" },
        abstract: {},
        start: "2030-12-27T13:00:00+01:00",
        end: "2030-12-27T14:00:00+01:00",
        speakers: [],
      },
    ],
    speakers: [{ id: "ann", name: { en: "Ann Lee" }, affiliation: { en: "Acme" }, bio: { en: "Hacks." } }],
  } as Programme;
}

describe("searchDocuments", () => {
  const docs = searchDocuments(programme());

  it("makes a document of every session, breaks and meals included, then of every speaker", () => {
    expect(docs.map((d) => [d.kind, d.id])).toEqual([
      ["workshop", "fuzzing"],
      ["meal", "lunch"],
      ["speaker", "ann"],
    ]);
    expect(docs.map((d) => d.content)).toEqual([true, false, true]);
  });

  it("indexes a session by its texts in their languages, its track, room, kind, type and speakers", () => {
    const fields = docs[0]?.fields.map((f) => [f.field, f.text, f.lang, f.role]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ["title", "Fuzzing für alle", "de", "text"],
        ["subtitle", "Ein Einstieg", "de", "text"],
        ["abstract", "Wir fuzzen Parser.", "de", "text"],
        ["track", "Security", "en", "place"],
        ["room", "Saal 1", "de", "place"],
        ["speakerName", "Ann Lee", "en", "names"],
        ["speakerAffiliation", "Acme", "en", "names"],
      ]),
    );
    const kind = docs[0]?.fields.find((f) => f.field === "kind");
    expect(kind?.text).toMatch(/workshop.*воркшоп.*Workshop \(2h\)/);
  });

  it("titles a result in English, else in the conference's first language, and keeps both scripts' headings", () => {
    expect(docs[0]?.title).toBe("Fuzzing für alle");
    expect(docs[1]?.title).toBe("Lunch");
    expect(docs[1]?.headings).toEqual(["Lunch Déjeuner", ""]);
    expect(docs[2]?.name).toBe("Ann Lee");
  });

  it("lists the content languages, declared ones first", () => {
    expect(documentLanguages(programme(), docs)).toEqual(["de", "en", "fr"]);
  });
});

describe("heldWeight", () => {
  const mask = (...fields: FieldName[]) => fields.reduce((m, f) => m | (1 << FIELD_NAMES.indexOf(f)), 0);

  it("is the best field's weight for a word in one field or in fields that say nothing more together", () => {
    expect(heldWeight(FIELD_WEIGHTS.title, mask("title"))).toBe(FIELD_WEIGHTS.title);
    expect(heldWeight(FIELD_WEIGHTS.speakerAffiliation, mask("speakerAffiliation", "track"))).toBe(
      FIELD_WEIGHTS.speakerAffiliation,
    );
  });

  it("raises a session's word that is its speaker's company, said in its own texts, above the person", () => {
    const own = heldWeight(FIELD_WEIGHTS.speakerAffiliation, mask("abstract", "speakerAffiliation"));
    expect(own).toBe(OWN_COMPANY_WEIGHT);
    expect(own).toBeGreaterThan(FIELD_WEIGHTS.affiliation);
    // Its title's weight stays.
    expect(heldWeight(FIELD_WEIGHTS.title, mask("title", "speakerAffiliation"))).toBe(FIELD_WEIGHTS.title);
  });

  it("keeps a company's people above their sessions that do not name it themselves", () => {
    expect(FIELD_WEIGHTS.affiliation).toBeGreaterThan(FIELD_WEIGHTS.speakerAffiliation);
  });
});
