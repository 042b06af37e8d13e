/**
 * `npm run bench`: runs each benchmark module's default export, one after another. Add new modules to the list.
 * `BENCH=burst,reminders npm run bench` runs only the modules named.
 */
const modules = [
  "./formats.bench.js",
  "./search.bench.js",
  "./lexicon.bench.js",
  "./reminders.bench.js",
  "./burst.bench.js",
  "./burst-series.bench.js",
  "./sync.bench.js",
  "./bot.bench.js",
  "./webapp.bench.js",
  "./startup.bench.js",
  "./webhook.bench.js",
  "./questions.bench.js",
  "./prompts.bench.js",
];
const only = process.env.BENCH?.split(",").map((s) => `./${s.trim()}.bench.js`);

for (const path of modules.filter((m) => !only || only.includes(m))) {
  const mod = (await import(path)) as { default: () => unknown };
  await mod.default();
}
