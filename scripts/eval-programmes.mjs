// The evaluation sets' programmes by name: the file each set's queries search and its timezone. Shared by
// eval-search.mjs and explain-search.ts.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const REAL = join(ROOT, "..", "shared", "eval", "real");

/** name → programme file and the timezone its clock times are in (as PROGRAMME_TIMEZONE). */
export const PROGRAMMES = {
  "36c3": [join(REAL, "36c3-merged.voc.frab.xml"), "Europe/Berlin"],
  "39c3": [join(REAL, "39c3-prelim-20251206.hub.frab.xml"), "Europe/Berlin"],
  denog16: [join(REAL, "denog16.pretalx.frab.xml"), "Europe/Berlin"],
  rc3: [join(REAL, "rc3-channels-2020.pretalx.c3voc.json"), "Europe/Berlin"],
  divoc: [join(REAL, "divoc-r2r-2021.pretalx.frab.xml"), "Europe/Berlin"],
  jres2022: [join(REAL, "jres2022.ics"), "Europe/Paris"],
  "38c3": [join(REAL, "38c3.hub.frab.xml"), "Europe/Berlin"],
  fosdem2026: [join(REAL, "fosdem-2026-prelim.pretalx-fosdem.xml"), "Europe/Brussels"],
  fosdem2020: [join(REAL, "fosdem-2020.pentabarf.xml"), "Europe/Brussels"],
  debconf23: [join(REAL, "debconf23.wafer.frab.xml"), "Asia/Kolkata"],
  lca2020: [join(REAL, "lca2020.ics"), "Australia/Brisbane"],
  jev22: [join(REAL, "jev22-everything.c3voc.json"), "Europe/Berlin"],
  ...Object.fromEntries(
    [2013, 2014, 2015, 2016, 2017, 2018, 2019].map((y) => [
      `pycon-ru-${y}`,
      [join(ROOT, "data", `pycon-ru-${y}.yaml`), y <= 2015 ? "Asia/Yekaterinburg" : "Europe/Moscow"],
    ]),
  ),
};
// Set files are named by programme; a few programmes go by a second spelling of their name.
for (const [alias, name] of [
  ["fosdem-2026", "fosdem2026"],
  ["debconf-23", "debconf23"],
])
  PROGRAMMES[alias] = PROGRAMMES[name];
