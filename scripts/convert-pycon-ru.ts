/**
 * Converts the PyCon Russia website's programmes (../shared/eval/real/pycon-ru/<year>) into
 * data/pycon-ru-<year>.yaml. Run: `npx tsx scripts/convert-pycon-ru.ts [SOURCE_DIR] [YEAR…]`.
 * Each file is validated as `programme check` does before it is written; the source's quirks are printed.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { canonicalProgramme } from "../src/programme/canonical.js";
import { convertEdition, SESSION_IDS_2013 } from "../src/programme/pycon-ru-site/convert.js";
import { parseProgramme } from "../src/programme/read.js";

const [source = "../shared/eval/real/pycon-ru", ...only] = process.argv.slice(2);
if (!existsSync(source)) {
  console.error(`${source}: no such folder (the site's source, one folder per year)`);
  process.exit(1);
}
const years = readdirSync(source)
  .filter((y) => /^\d{4}$/.test(y))
  .filter((y) => !only.length || only.includes(y))
  .sort();

for (const year of years) {
  const { programme, warnings } = convertEdition(join(source, year), {
    ...(year === "2013" ? { sessionIds: SESSION_IDS_2013 } : {}),
  });
  const file = `data/pycon-ru-${year}.yaml`;
  const text =
    `# PyCon Russia ${year}, converted from the organizers' own website (pycon.ru, the site's source in\n` +
    `# ../shared/eval/real/pycon-ru/${year}) by scripts/convert-pycon-ru.ts. Do not edit by hand: change the\n` +
    `# converter and run it again. What it inferred (ends, halls, time zone) is in conference.note.\n` +
    stringify(canonicalProgramme(programme), { lineWidth: 0, aliasDuplicateObjects: false });
  parseProgramme(text, file); // throws, naming every problem, before anything is written
  writeFileSync(file, text);
  const { sessions, speakers, conference } = programme;
  console.log(
    `${file}: ${sessions.length} sessions, ${speakers.length} speakers, ${conference.rooms.length} halls, ${conference.days.length} days`,
  );
  for (const w of warnings) console.log(`  ${w}`);
}
