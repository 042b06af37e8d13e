import { describe, expect, it } from "vitest";
import { talksProgramme, talksProgrammeIn } from "../../test/support/programme-fixture.js";
import type { Programme } from "../programme/model.js";
import { buildVocabulary } from "./build.js";
import {
  compoundParts,
  englishTranslations,
  fleetingVowel,
  rememberedTranslations,
  rememberedWords,
  TRANSLATED_WORDS_KEPT,
  translateQuery,
  translateQueryOnce,
} from "./cross-language.js";
import type { Translation } from "./glossary.js";
import { buildSearchIndex } from "./index.js";

const TALKS: [string, string, string?][] = [
  ["volcanoes", "Monitoring volcanoes with open hardware", "Seismic sensors on a mountain."],
  ["vacuum", "Hacking a robot vacuum cleaner", "Root on the device."],
  ["tickets", "Reverse engineering ticket machines", "What the vending machine at the station does."],
  ["solar", "Improving solar cell efficiency", "Measurements on panels."],
  ["weddings", "Event planning software", "From conferences to a wedding."],
  ["railway", "Open data for the railway", "Timetables and delays."],
];

/** Talks given in German. */
function germanProgramme(
  talks: [string, string, string][] = [
    ["solar", "Den Wirkungsgrad von Solarzellen verbessern", "Messungen an Modulen."],
    ["tickets", "Fahrkarten am Automaten kaufen", "Was der Automat am Bahnhof tut."],
    ["gardens", "Gemüse im Garten", "Tomaten und Bohnen."],
  ],
): Programme {
  return talksProgrammeIn("de", talks);
}

describe("cross-language search with the dictionaries' word lists", () => {
  const index = buildSearchIndex(talksProgramme(TALKS));

  it("finds an English talk by a Russian word for its topic, in any form", () => {
    expect(index.search("вулканы")[0]?.id).toBe("volcanoes");
    expect(index.search("вулкан")[0]?.id).toBe("volcanoes");
    expect(index.search("пылесосы")[0]?.id).toBe("vacuum");
  });

  it("finds an English talk by a German word, a German compound split into its parts included", () => {
    expect(index.search("Fahrkartenautomat")[0]?.id).toBe("tickets");
    expect(index.search("Vulkane")[0]?.id).toBe("volcanoes");
    expect(index.search("Solarzellenwirkungsgrad")[0]?.id).toBe("solar");
  });

  it("reads a -мя noun's form by the noun, though a list holds the form as a gloss of its own", () => {
    // Müller's list holds «времени» as "Edwardian" (of «времени короля Эдуарда»): time comes first.
    const time = buildSearchIndex(
      talksProgramme([
        ["time", "Time travel for beginners", "Paradoxes explained."],
        ["names", "What's in a name", "Unicode in forms."],
        ["maps", "Maps of the city", "Tiles and routing."],
      ]),
    );
    expect(time.search("путешествия во времени")[0]?.id).toBe("time");
    expect(time.search("имена в формах")[0]?.id).toBe("names");
    expect(englishTranslations("времени")[0]).toBe("time");
  });

  it("finds a phrase a dictionary lists as one, in any form", () => {
    expect(index.search("железная дорога")[0]?.id).toBe("railway");
    expect(index.search("железной дороги")[0]?.id).toBe("railway");
  });

  it("scores a translated word below the word itself", () => {
    const direct = index.search("volcanoes")[0]?.score ?? 0;
    const translated = index.search("вулканы")[0]?.score ?? 1;
    expect(translated).toBeLessThan(direct);
  });

  it("finds nothing for nonsense, nor for a translation said only in passing in an abstract", () => {
    for (const q of ["квазибрындец", "Blumpfkraxelung", "qwxzv", "гороскоп", "свадьба"])
      expect(index.search(q), q).toEqual([]);
  });

  it("splits a German compound over German talks too", () => {
    const german = buildSearchIndex(germanProgramme());
    expect(german.search("Solarzellenwirkungsgrad")[0]?.id).toBe("solar");
    expect(german.search("Fahrkartenautomat")[0]?.id).toBe("tickets");
    expect(german.search("Blumpfkraxelung")).toEqual([]);
  });

  it("finds a German compound's parts in an English talk, a noun in -ung by its verb", () => {
    const english = buildSearchIndex(
      talksProgramme([
        ["caves", "Cave surveying with open tools", "Maps of caves."],
        ["home", "Home automation with free software", "Lights and sensors."],
        ["keys", "Continuous key signing party", "Web of trust."],
        ["caves-other", "Bats in caves", "Biology."],
      ]),
    );
    expect(english.search("Höhlenvermessung")[0]?.id).toBe("caves");
    expect(english.search("Hausautomatisierung")[0]?.id).toBe("home");
    expect(english.search("Schlüsselsignierung")[0]?.id).toBe("keys");
  });

  it("finds a German talk by a German synonym, through English and back, in the title's derived form", () => {
    const german = buildSearchIndex(
      germanProgramme([
        ["law", "Jura studieren mit offenen Daten", "Urteile durchsuchen."],
        ["maps", "Geografische Daten offen nutzen", "Karten für alle."],
        ["trains", "Fahrpläne lesen", "Tabellen."],
      ]),
    );
    // Rechtswissenschaft → jurisprudence, law → Jura by both; Erdkunde has one translation (geography), which leads
    // back to it and to Geografie, held as "Geografische" (Snowball: geografi-, geograf-).
    expect(german.search("Rechtswissenschaft")[0]?.id).toBe("law");
    expect(german.search("Erdkunde")[0]?.id).toBe("maps");
    expect(german.search("Blumpfkraxelung")).toEqual([]);
  });

  it("ranks a compound's part held as written above a dictionary's sense of it", () => {
    const mixed = buildSearchIndex(
      talksProgramme([
        ["bugs", "Finding bugs in compilers", "Fuzzing and monitoring."],
        ["insects", "Mehr Insekten zählen", "Monitoring im Garten."],
        ["trains", "Timetables", "Delays."],
      ]),
    );
    // Insekten is also "bugs" to the German–English list: the German title says the word itself.
    const found = mixed.search("Insektenmonitoring");
    const score = (id: string) => found.find((r) => r.id === id)?.score ?? 0;
    expect(found[0]?.id).toBe("insects");
    expect(score("insects")).toBeGreaterThan(score("bugs"));
  });

  it("finds a talk by the acronym of a German word's translation, the word typed whole, hyphenated or apart", () => {
    const english = buildSearchIndex(
      talksProgramme([
        ["errors", "Measuring BER on optical links", "Counting flipped bits at 400G."],
        ["noise", "Why SNR matters for coherent optics", "Thresholds and margins."],
        ["lasers", "Optical transceivers", "Lasers and fibres."],
      ]),
    );
    // Bitfehlerrate → bit error rate → BER; Signalrauschabstand → signal noise ratio → SNR.
    for (const q of ["Bitfehlerrate", "Bit-Fehlerrate", "Bit Fehlerrate"])
      expect(english.search(q)[0]?.id, q).toBe("errors");
    for (const q of ["Signalrauschabstand", "Signal-Rausch-Abstand"])
      expect(english.search(q)[0]?.id, q).toBe("noise");
    // Two words' initials are too often another name: "Fehlerrate" (error rate) is no ER.
    expect(english.search("Fehlerrate")).toEqual([]);
  });

  it("finds two words a German talk writes as one word, as typed or translated", () => {
    const german = buildSearchIndex(
      germanProgramme([
        ["recycling", "Lithium-Ionen-Batterierecycling", "Was mit alten Akkus geschieht."],
        ["teeth", "Bambuszahnbürsten", "Nachhaltige Zahnpflege."],
        ["batteries", "Batterien im Alltag", "Wie sie funktionieren."],
      ]),
    );
    expect(german.search("battery recycling")[0]?.id).toBe("recycling");
    expect(german.search("переработка аккумуляторов")[0]?.id).toBe("recycling");
    expect(german.search("bamboo toothbrush")[0]?.id).toBe("teeth");
  });

  it("finds a talk holding a compound's head alone in its title, as written, not by a loose sense of it", () => {
    const english = buildSearchIndex(
      talksProgramme([
        ["coaching", "Coaching for engineers", "How to listen."],
        ["library", "A library for parsing dates", "Calendars and clocks."],
        ["kernel", "Kernel scheduling", "Threads and queues."],
      ]),
    );
    // Teamcoaching: the head "coaching" as written; Briefmarkensammlung: "library" is one loose sense of
    // "Sammlung" (collection), found alone in a title: not shown.
    expect(english.search("Teamcoaching")[0]?.id).toBe("coaching");
    expect(english.search("Briefmarkensammlung")).toEqual([]);
    const german = buildSearchIndex(
      germanProgramme([
        ["bus", "Pünktlichkeit im Nahverkehr", "Wie oft Busse zu spät kommen."],
        ["trains", "Fahrpläne lesen", "Tabellen."],
      ]),
    );
    // A three-letter first part (Bus) and the head (Pünktlichkeit) in the title.
    expect(german.search("Buspünktlichkeit")[0]?.id).toBe("bus");
  });

  it("finds a compound whose parts a talk holds apart, and a translation the programme writes as one word", () => {
    const english = buildSearchIndex(
      talksProgramme([
        ["garden", "Sensors for the garden", "Watering plants by moisture data."],
        ["laser", "Building boxes with a lasercutter", "Plywood and acrylic."],
        ["cars", "Car sharing apps", "Electric mobility."],
      ]),
    );
    // Garten in the title, Daten in the abstract; a laser cutter as the programme writes it.
    expect(english.search("Gartendaten")[0]?.id).toBe("garden");
    expect(english.search("Laserschneider")[0]?.id).toBe("laser");
    // One part alone, translated, said in passing: nothing.
    expect(english.search("Wetterdaten")).toEqual([]);
  });

  it("finds a German talk by the one part of a compound the programme says, its dropped -e restored", () => {
    const german = buildSearchIndex(
      germanProgramme([
        ["school", "Die Schule von morgen", "Lernen mit Tablets."],
        ["garden", "Gemüse im Garten", "Tomaten und Bohnen."],
      ]),
    );
    // "Politik" is nowhere in the programme: "Schul|politik" is the school's.
    expect(german.search("Schulpolitik")[0]?.id).toBe("school");
    expect(german.search("Quarkpolitik")).toEqual([]);
  });

  it("finds a compound's parts by an English verb for a noun of action, and as written beside a listed translation", () => {
    const index = buildSearchIndex(
      talksProgramme([
        ["quakes", "Cables that detect earthquakes", "Fibre sensing."],
        ["blocks", "Wie Provider Webseiten sperren", "Ohne Richter, im Netz."],
      ]),
    );
    // Erkennung → detection → detect; Erdbeben → earthquake.
    expect(index.search("Erdbebenerkennung")[0]?.id).toBe("quakes");
    expect(index.search("Lawinenerkennung")).toEqual([]);
    // The list translates Netzsperren (content blocking), which no talk says; the German talk says its parts.
    expect(index.search("Netzsperren")[0]?.id).toBe("blocks");
  });

  it("reads a compound's part by its lemma under a linking ending, though a list holds the piece with it apart", () => {
    const english = buildSearchIndex(
      talksProgramme([
        ["monitor", "Monitoring with dashboards", "Graphs for operators."],
        ["admin", "Digital public administration", "Forms online."],
      ]),
    );
    // "Überwachungs-" is listed as supervisory; in the compound it is Überwachung: monitoring.
    expect(english.search("Überwachungsgraphen")[0]?.id).toBe("monitor");
  });

  it("reads a word the dictionary lists whole by what it says, not by its parts' loose senses", () => {
    const english = buildSearchIndex(
      talksProgramme([
        ["supply", "Supply chain security", "SBOMs and signatures."],
        ["cabinet", "Building a server cabinet", "Racks and cables."],
        ["collect", "Collecting metrics", "Prometheus."],
      ]),
    );
    // Kühlschrank is a fridge, which no talk is on: "Schrank" (cabinet) alone, translated, is no match for it,
    // so "Angebote" (offers, supplies) alone does not make a talk on supply chains the answer.
    expect(english.search("Kühlschrank Angebote")).toEqual([]);
    expect(english.search("Kühlschrank")).toEqual([]);
  });

  it("finds a German talk by an English phrase its compound says", () => {
    const german = buildSearchIndex(
      germanProgramme([
        ["fire", "Die digitale Feuerwehr", "Einsätze planen."],
        ["works", "Wie gründe ich einen Betriebsrat?", "Mitbestimmung."],
        ["lights", "Schaltung von Ampeln", "Im Verkehr."],
      ]),
    );
    expect(german.search("fire brigade")[0]?.id).toBe("fire");
    expect(german.search("works council")[0]?.id).toBe("works");
    expect(german.search("traffic lights")[0]?.id).toBe("lights");
  });

  it("drops German function words from a query on an English programme", () => {
    const english = buildSearchIndex(
      talksProgramme([["cabinet", "Network devices outdoors", "A cabinet for the street."]]),
    );
    const withWord = english.search("Schrank für Netzwerkgeräte")[0];
    expect(withWord?.id).toBe("cabinet");
    expect(withWord?.score).toBe(english.search("Schrank Netzwerkgeräte")[0]?.score);
  });

  it("translates a Russian word through German when its English translation is too rare a word", () => {
    const bees = buildSearchIndex(
      talksProgramme([
        ["bees", "Beekeeping with sensors", "Hives that report their weight."],
        ["mortgage", "Securing your home network", "Firewalls."],
      ]),
    );
    expect(bees.search("пчеловодство")[0]?.id).toBe("bees");
    // «ипотека» is a mortgage, which German calls Pfand too, and Pfand is also security: no way to "Securing".
    expect(bees.search("ипотека")).toEqual([]);
    // On a German programme, «медведь» → bear → Bär, folded to "bar" by the index, is no bar.
    const bar = buildSearchIndex(germanProgramme([["bar", "Bar der Hackspaces", "Getränke und Musik."]]));
    expect(bar.search("медведь")).toEqual([]);
  });

  it("finds a talk by a derived form of a translation the programme does not say as such", () => {
    const index = buildSearchIndex(
      talksProgramme([
        ["ash", "Volcanic ash and jet engines", "What eruptions do to turbines."],
        ["load", "Keeping clusters stable under load", "Backpressure and retries."],
      ]),
    );
    // «устойчивость» → stability, which the programme says only as "stable".
    expect(index.search("устойчивость")[0]?.id).toBe("load");
    // A word whose usual translation leads nowhere the programme goes still finds nothing.
    expect(index.search("гороскоп")).toEqual([]);
  });

  it("finds nothing for nonsense compounds and pairs on a German programme", () => {
    const german = buildSearchIndex(germanProgramme());
    for (const q of ["Blumpfkraxelung", "Quarkzellenwumms", "qwxz solar", "Zahnarztbesuch"])
      expect(german.search(q), q).toEqual([]);
  });

  it("finds a talk by a borrowed word no dictionary knows, spelled in Cyrillic, two run together too", () => {
    const borrowed = buildSearchIndex(
      talksProgramme([
        ["isogeny", "Isogeny cryptography explained", "Isogenies of elliptic curves."],
        ["hosting", "Sustainable self-hosting", "A server at home."],
        ["fishing", "Fly fishing gear", "Rods and reels."],
      ]),
    );
    expect(borrowed.search("изогении")[0]?.id).toBe("isogeny");
    expect(borrowed.search("селфхостинг")[0]?.id).toBe("hosting");
    expect(borrowed.search("маникюр")).toEqual([]);
  });

  it("finds a Russian word no list holds by the word it is derived from, below the word itself", () => {
    const derived = buildSearchIndex(
      talksProgramme([
        ["wiki", "Building a student wiki", "Notes by students."],
        ["drones", "Unmanned aircraft over fields", "Crop surveys."],
      ]),
    );
    expect(derived.search("студенческая вики")[0]?.id).toBe("wiki");
    // A diminutive: «малинка» → малина → raspberry.
    const raspberry = buildSearchIndex(talksProgramme([["pi", "Python on a Raspberry Pi", "GPIO."]]));
    expect(raspberry.search("малинка")[0]?.id).toBe("pi");
    expect(derived.search("беспилотники")[0]?.id).toBe("drones");
    expect(derived.search("беспилотники")[0]?.score ?? 1).toBeLessThan(
      derived.search("unmanned")[0]?.score ?? 0,
    );
  });

  it("finds a noun of a passive participle no list holds («-имость») by its verb, as English's -ability", () => {
    const index = buildSearchIndex(
      talksProgramme([
        ["repro", "Immutability and Reproducibility in Debian", "Stateless systems."],
        ["garden", "Gardening with Python", "Tomatoes."],
      ]),
    );
    // воспроизводимость → воспроизводим- → воспроизводить → reproduce, whose stem "Reproducibility" shares.
    expect(index.search("воспроизводимость")[0]?.id).toBe("repro");
    expect(index.search("воспроизводимость")[0]?.score ?? 1).toBeLessThan(
      index.search("reproduce")[0]?.score ?? 0,
    );
    // A stem too short to tell its verb («читаемость»: чита-) is not guessed.
    expect(index.search("читаемость")).toEqual([]);
  });

  it("finds a Russian adjective or noun no list holds by the word its suffix is added to", () => {
    const index = buildSearchIndex(
      talksProgramme([
        ["sat", "Satellite tracking with SDR", "Ground stations."],
        ["fail", "Learning from failure", "Postmortems."],
        ["res", "Artist residency programmes", "Studios."],
      ]),
    );
    // -ов- («спутниковые» → спутник), -ьн- after a soft consonant («провальные» → провал), -ств- («резидентство»).
    expect(index.search("спутниковые")[0]?.id).toBe("sat");
    expect(index.search("провальные")[0]?.id).toBe("fail");
    expect(index.search("резидентство")[0]?.id).toBe("res");
    // Below the word it is made from.
    expect(index.search("спутниковые")[0]?.score ?? 1).toBeLessThan(index.search("спутник")[0]?.score ?? 0);
  });

  it("finds an adjective by a short word its -ов-/-ев- is added to, and no other word that short stem begins", () => {
    const index = buildSearchIndex(
      talksProgramme([
        ["engine", "Porting a game engine to Vulkan", "Shaders."],
        ["noise", "Background noise in audio recordings", "Filters."],
        ["fund", "How a foundation funds free software", "Grants."],
        ["kit", "Assembly of a solder kit", "Parts."],
      ]),
    );
    // «игровые» → игр- → игра (game), «фоновые» → фон (background), not фонд (fund).
    expect(index.search("игровые")[0]?.id).toBe("engine");
    expect(index.search("фоновый шум")[0]?.id).toBe("noise");
    expect(
      translateQuery(buildVocabulary(talksProgramme([["f", "Funds and background", ""]])), ["фоновые"]),
    ).toEqual([expect.objectContaining({ alternatives: [["background"]] })]);
    // A noun's -к- on a short stem makes another word: «сборки» (assemblies) is not «сбор» (a collection).
    const kept = translateQuery(buildVocabulary(talksProgramme([["c", "A collection of tools", ""]])), [
      "сборки",
    ]);
    expect(kept.flatMap((t) => t.alternatives.flat())).not.toContain("collection");
  });

  it("reads a Russian word that is a rare lemma and a common word's form as either, as the programme decides", () => {
    // «кода» is a coda (its own entry, read backwards from Müller's "coda") and the genitive of «код» (code).
    const code = translateQuery(buildVocabulary(talksProgramme([["c", "Reading other people's code", ""]])), [
      "кода",
    ]);
    expect(code.flatMap((t) => t.alternatives.flat())).toContain("code");
    const music = translateQuery(buildVocabulary(talksProgramme([["m", "The coda of a symphony", ""]])), [
      "кода",
    ]);
    expect(music[0]?.alternatives[0]).toEqual(["coda"]);
    // Only where two sources agree on the other word's sense: Müller's «сборка» is a "setting" (of a gem), and
    // «сборки» (frills; assemblies) is not read so.
    const setting = translateQuery(buildVocabulary(talksProgramme([["s", "Changing a setting", ""]])), [
      "сборки",
    ]);
    expect(setting.flatMap((t) => t.alternatives.flat())).not.toContain("setting");
  });

  it("finds the derived form of a word's usual translation where the programme holds only a later sense", () => {
    const index = buildSearchIndex(
      talksProgramme([
        ["balls", "Learn to juggle with three balls", "Siteswap notation."],
        ["magic", "The illusionist's toolkit", "Stage tricks."],
      ]),
    );
    // «фокусник» → juggler (not said), illusionist (a later sense, said): "juggle" counts too.
    expect(index.search("фокусник").map((r) => r.id)).toContain("balls");
  });

  it("carries a Russian word's usual English sense into German when the German word leads back to it", () => {
    // Talks in German and English, as at a Chaos Communication Congress.
    const p = talksProgramme([
      ["mind", "Bewusstsein und Maschinen", "Können Computer denken?"],
      ["maps", "A sense of place", "Maps and memory."],
      ["uni", "Die Universität von morgen", "Lehre und Forschung."],
    ]);
    p.conference.languages = ["de", "en"];
    for (const german of [p.sessions[0], p.sessions[2]])
      if (german) {
        german.title = { de: german.title.en as string };
        german.abstract = { de: german.abstract?.en as string };
      }
    const index = buildSearchIndex(p);
    // «сознание» → consciousness → Bewusstsein → consciousness: the German talk, though "sense" is said in English.
    expect(index.search("сознание").map((r) => r.id)).toContain("mind");
    // A German word of the English one that leads back elsewhere does not count: school → Universität (university).
    expect(index.search("школа")).toEqual([]);
  });

  it("translates a Russian form whose stem drops or gains a fleeting vowel", () => {
    expect(fleetingVowel("ошибок")).toEqual(["ошибк"]);
    expect(fleetingVowel("замк")).toEqual(["замок", "замек"]);
    expect(fleetingVowel("кофе")).toEqual([]);
    const errors = buildSearchIndex(
      talksProgramme([
        ["errors", "Error handling in Rust", "Results and panics."],
        ["locks", "Lock-free queues", "Atomics."],
      ]),
    );
    // Snowball stems «ошибок» ошибок-, «ошибка» ошибк-.
    expect(errors.search("ошибок")[0]?.id).toBe("errors");
  });

  it("translates a long Russian word with a slip of spelling, an unstressed vowel for another", () => {
    const quakes = buildSearchIndex(
      talksProgramme([
        ["quakes", "Detecting earthquakes with undersea cables", "Fibre as a sensor."],
        ["cables", "Cable management", "Racks."],
      ]),
    );
    // «землетрясения» written with я for е, and with и for е.
    expect(quakes.search("землятрясения")[0]?.id).toBe("quakes");
    expect(quakes.search("землитрясение")[0]?.id).toBe("quakes");
    // One slip only: two make another word.
    expect(quakes.search("зимлятрясения")).toEqual([]);
    // On a German programme, through the Russian–German list too.
    const german = buildSearchIndex(
      germanProgramme([["krit", "Kritische Infrastrukturen", "Strom und Wasser."]]),
    );
    expect(german.search("кретическая")[0]?.id).toBe("krit");
  });

  it("reads a Russian form by its dictionary form before a form the list also holds as a word", () => {
    // The list holds «сетью» (trammel, seine: of «ловить сетью») beside «сеть» (network).
    const v = buildVocabulary(
      talksProgramme([
        ["nets", "Network telemetry", "Packets."],
        ["fish", "Seine and trammel fishing", "Boats."],
      ]),
    );
    expect(translateQuery(v, ["сетях"])[0]?.alternatives[0]).toEqual(["network"]);
    // A participle's masculine is a dictionary form, though Snowball leaves its suffix (удаленный: удален-ный).
    const removed = buildVocabulary(
      talksProgramme([
        ["rm", "Removed features", "What was taken out."],
        ["abl", "Laser ablation", "Physics."],
      ]),
    );
    expect(translateQuery(removed, ["удаленные"])[0]?.alternatives[0]).toEqual(["removed"]);
  });

  it("finds German words for Russian ones through other languages' dictionaries on a German programme", () => {
    // The Russian–German list lacks these; French, Polish, Swedish… lists into Russian and German agree on them.
    const german = buildSearchIndex(
      germanProgramme([
        ["rain", "Regen messen", "Wetter."],
        ["master", "Meister des Lötens", "Handwerk."],
      ]),
    );
    expect(german.search("дождь")[0]?.id).toBe("rain");
    expect(german.search("дожди")[0]?.id).toBe("rain");
    expect(german.search("мастер")[0]?.id).toBe("master");
  });

  it("takes any list's answer for a word or its dictionary form before any list's guess by a shared stem", () => {
    const v = buildVocabulary(
      talksProgramme([
        ["train", "Train timetables", "Railways."],
        ["rattler", "Rattler", "An old word."],
        ["sour", "Sour beer and acid", "Brewing."],
        ["write", "Write better code", "Style."],
      ]),
    );
    // The usual modern sense, which other languages' dictionaries agree on, before Müller's older one.
    const train = translateQuery(v, ["поезд"]).flatMap((t) => t.alternatives.map((a) => a.join(" ")));
    expect(train.indexOf("train")).toBeLessThan(train.indexOf("rattler"));
    // A word one list holds as it is is not read by another list's lemma sharing its stem («кисель» is no «кислый»).
    expect(translateQuery(v, ["кисель"])).toEqual([]);
    // A form whose stem is not its lemma's reaches it by the morphological dictionary («пишет» → писать).
    expect(translateQuery(v, ["пишет"])[0]?.alternatives[0]).toEqual(["write"]);
  });

  it("finds nothing by a sense two loose steps away inside a longer programme word", () => {
    // «свадебное» → bridal → (WordNet) bride, which "hybridem" holds but does not mean.
    const hybrid = buildSearchIndex(talksProgramme([["hybrid", "Hybridem Lernen", "Online und vor Ort."]]));
    expect(hybrid.search("свадебное")).toEqual([]);
  });

  it("reads a word a dictionary lists as typed, though the programme lacks it, not as a jumble on the other layout", () => {
    // «шахматы» retyped on the Latin layout is "vfns", a slip away from the programme's "vfs".
    const vfs = buildSearchIndex(talksProgramme([["vfs", "VFS news", "The virtual file system."]]));
    expect(vfs.search("шахматы")).toEqual([]);
    expect(vfs.search("маы")[0]?.id).toBe("vfs");
  });
});

describe("compoundParts", () => {
  const v = buildVocabulary(germanProgramme());

  it("splits a German compound the programme lacks and no list translates whole", () => {
    expect(compoundParts(v, "gartengemuse")).toEqual(["garten", "gemuse"]);
    // Into the fewest parts: the programme writes "Solarzellen" as one word.
    expect(compoundParts(v, "solarzellenwirkungsgrad")).toEqual(["solarzellen", "wirkungsgrad"]);
  });

  it("leaves a word the programme holds, one a list translates whole, and a short or non-German word", () => {
    expect(compoundParts(v, "fahrkarten")).toEqual([]);
    expect(compoundParts(v, "fahrkartenautomat")).toEqual([]);
    expect(compoundParts(v, "garten")).toEqual([]);
    expect(compoundParts(v, "xqzvbnmwrt")).toEqual([]);
    // An English word is no compound of German words ("Mort", "Gage").
    expect(compoundParts(v, "mortgage")).toEqual([]);
  });
});

describe("a word's translations remembered across searches", () => {
  it("translates a word the same wherever it stands and however often it was met", () => {
    const v = buildVocabulary(talksProgramme(TALKS));
    const first = translateQuery(v, ["вулканы", "пылесос"]);
    // Met again, at another place in another query: the same translations, placed where the word stands now.
    const again = translateQuery(v, ["пылесос", "Fahrkartenautomat", "вулканы"]);
    const at = (ts: Translation[], start: number) =>
      ts.filter((t) => t.start === start && t.length === 1).map(({ start: _, ...t }) => t);
    expect(at(again, 2)).toEqual(at(first, 0));
    expect(at(again, 0)).toEqual(at(first, 1));
    expect(at(again, 2).length).toBeGreaterThan(0);
    // …and equal to what an index that remembers nothing yet translates.
    expect(
      translateQuery(buildVocabulary(talksProgramme(TALKS)), ["пылесос", "Fahrkartenautomat", "вулканы"]),
    ).toEqual(again);
  });

  it("keeps at most TRANSLATED_WORDS_KEPT words", () => {
    const v = buildVocabulary(talksProgramme(TALKS));
    for (let i = 0; i < TRANSLATED_WORDS_KEPT + 50; i++)
      translateQuery(v, [`вулкан${"ы".repeat(i % 3)}${i}`]);
    expect(rememberedTranslations(v).size).toBe(TRANSLATED_WORDS_KEPT);
  });
});

/** A French programme (languages fr and en, as JRES): French talks, one English. */
function frenchProgramme(): Programme {
  const p = talksProgramme([
    ["snow", "Un réseau sous la neige", "Des antennes en montagne."],
    ["bees", "Des abeilles sur le toit du campus", "Ruches connectées."],
    ["cheese", "Capteurs dans une fromagerie", "Température des caves."],
    ["deep", "Deep learning in one hour", "Neural networks for beginners."],
  ]);
  p.conference.languages = ["fr", "en"];
  for (const s of p.sessions.slice(0, 3)) {
    s.title = { fr: s.title.en as string };
    s.abstract = { fr: s.abstract?.en as string };
  }
  return p;
}

describe("cross-language search on a French programme", () => {
  const index = buildSearchIndex(frenchProgramme());

  it("finds a French talk by a Russian word for its topic, in any form", () => {
    expect(index.search("снег")[0]?.id).toBe("snow");
    expect(index.search("пчёлы")[0]?.id).toBe("bees");
    expect(index.search("пчелы на крыше")[0]?.id).toBe("bees");
  });

  it("finds the programme's English talk by French words for its topic", () => {
    expect(index.search("apprentissage profond")[0]?.id).toBe("deep");
  });

  it("does not read French into English on a programme without French", () => {
    const english = buildSearchIndex(
      talksProgramme([["deep", "Deep learning in one hour", "Neural networks."]]),
    );
    expect(english.search("apprentissage profond")).toEqual([]);
  });

  it("still finds nothing for nonsense or topics the programme lacks", () => {
    for (const q of ["квазибрындец", "гороскоп", "свадебное платье", "recette de gâteau", "qwxzv"])
      expect(index.search(q), q).toEqual([]);
  });
});

describe("a word typed alone translated once for every search", () => {
  it("gives a later search the translations an earlier one made, equal to an index's own anew", () => {
    const v = buildVocabulary(talksProgramme(TALKS));
    const first = translateQueryOnce(v, ["вулканы"], {});
    expect(translateQueryOnce(v, ["вулканы"], {})).toBe(first);
    expect(rememberedWords(v).size).toBe(1);
    // Several words are the query's own: not kept for other searches.
    translateQueryOnce(v, ["вулканы", "пылесос"], {});
    expect(rememberedWords(v).size).toBe(1);
    expect(translateQueryOnce(buildVocabulary(talksProgramme(TALKS)), ["вулканы"], {})).toEqual(first);
  });
});
