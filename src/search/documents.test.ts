import { describe, expect, it } from "vitest";
import type { Programme } from "../programme/model.js";
import { documentLanguages, searchDocuments } from "./documents.js";

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
