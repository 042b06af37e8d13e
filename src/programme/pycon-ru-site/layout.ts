/**
 * The PyCon Russia site's schedule layout (`layouts/schedule.html`, a Jinja template) read as data: per day,
 * the blocks in the order the page renders them, whether each sits in a column (a `columns-wrapper`), and
 * its hall — from the `halls_day_N` map, else from the column headings (`<h4>`) above its row.
 */

/** One rendered block of a day's grid. */
export interface LayoutBlock {
  id: string;
  /** gettext msgid of the hall ("Large conference hall"); undefined: the block spans every hall. */
  hall?: string;
  /** Where the hall came from: the template's map, or the position under the column headings. */
  hallFrom?: "map" | "heading";
}

/** The schedule layout: day number (1, 2) → blocks in page order; the halls used, in the template's order. */
export interface Layout {
  days: Map<number, LayoutBlock[]>;
  halls: string[];
}

/** Hall variables (`{% set lch = _('Large conference hall') %}`) → msgid. */
function hallVariables(html: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const m of html.matchAll(/\{%\s*set\s+(\w+)\s*=\s*_\(\s*'([^']+)'\s*\)\s*%\}/g))
    vars.set(m[1] as string, m[2] as string);
  return vars;
}

/** `{% set halls_day_N = { 'b1': lch, … } %}` → day → block → msgid. */
function hallMaps(html: string, vars: Map<string, string>): Map<number, Map<string, string>> {
  const maps = new Map<number, Map<string, string>>();
  for (const m of html.matchAll(/\{%\s*set\s+halls_day_(\d+)\s*=\s*\{([^}]*)\}\s*%\}/g)) {
    const map = new Map<string, string>();
    for (const e of (m[2] as string).matchAll(/'([\w-]+)'\s*:\s*(\w+)/g)) {
      const hall = vars.get(e[2] as string);
      if (hall) map.set(e[1] as string, hall);
    }
    maps.set(Number(m[1]), map);
  }
  return maps;
}

/** Parses the template. Jinja comments (`{# … #}`) are dropped first: commented-out blocks are not rendered. */
export function parseLayout(template: string): Layout {
  const html = template.replace(/\{#[\s\S]*?#\}/g, "");
  const vars = hallVariables(html);
  const maps = hallMaps(html, vars);
  const days = new Map<number, LayoutBlock[]>();
  const used: string[] = [];
  for (const section of html.matchAll(/<section class="day(\d+)">([\s\S]*?)<\/section>/g)) {
    const day = Number(section[1]);
    const map = maps.get(day) ?? new Map<string, string>();
    const blocks: LayoutBlock[] = [];
    let headings: string[] = [];
    let headingRowOpen = false;
    let inColumns = false;
    let column = 0;
    // Tokens in page order: headings, column wrappers and their ends, block lists, single blocks.
    const token =
      /<h4[^>]*>\{\{\s*(\w+)\s*\}\}<\/h4>|<div class="columns-wrapper"[^>]*>|<\/div>|\{%\s*for\s+block\s+in\s+\[([^\]]*)\]\s*%\}|render_block\(\s*day\d+\s*,\s*'([\w-]+)'/g;
    for (const t of (section[2] as string).matchAll(token)) {
      if (t[1] !== undefined) {
        if (!headingRowOpen) headings = [];
        headingRowOpen = true;
        const hall = vars.get(t[1]);
        if (hall) headings.push(hall);
        continue;
      }
      headingRowOpen = false;
      if (t[0].startsWith("<div")) {
        inColumns = true;
        column = 0;
        continue;
      }
      if (t[0] === "</div>") {
        inColumns = false;
        continue;
      }
      const ids = t[2] !== undefined ? [...t[2].matchAll(/'([\w-]+)'/g)].map((m) => m[1] as string) : [t[3]];
      for (const id of ids) {
        if (!id) continue;
        const mapped = map.get(id);
        const heading = inColumns ? headings[column] : undefined;
        if (inColumns) column++;
        const hall = mapped ?? heading;
        blocks.push(hall ? { id, hall, hallFrom: mapped ? "map" : "heading" } : { id });
        if (hall && !used.includes(hall)) used.push(hall);
      }
    }
    days.set(day, blocks);
  }
  // Halls in the template's own order (large, small, third building), those in use only.
  const order = [...vars.values()];
  return { days, halls: used.sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
}

/** `translations/ru.po` → msgid → msgstr (single-line entries, which is all the layout uses). */
export function parsePo(po: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of po.matchAll(/^msgid "((?:[^"\\]|\\.)*)"\s*\nmsgstr "((?:[^"\\]|\\.)*)"/gm))
    if (m[1] && m[2]) out.set(m[1], m[2]);
  return out;
}
