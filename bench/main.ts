/**
 * `npm run bench`: runs each benchmark module's default export, one after another. Add new modules to the list.
 */
const modules = ["./formats.bench.js", "./search.bench.js", "./reminders.bench.js", "./bot.bench.js"];

for (const path of modules) {
  const mod = (await import(path)) as { default: () => unknown };
  await mod.default();
}
