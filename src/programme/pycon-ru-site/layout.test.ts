import { describe, expect, it } from "vitest";
import { parseLayout, parsePo } from "./layout.js";

const TEMPLATE = `
  {% set lch = _('Large conference hall') %}
  {% set sch = _('Small conference hall') %}
  {% set halls_day_1 = { 'b1': lch, 'b3b': sch, 'b9b': sch } %}
  <section class="day1">
    <h4>{{ lch }}</h4><h4 class="last">{{ sch }}</h4>
    {% for block in ['b0', 'b1', 'b2'] %}{{ render_block(day1, block, halls_day_1) }}{% endfor %}
    <div class="columns-wrapper">
      {% for block in ['b3a', 'b3b', 'b3c'] %}{{ render_block(day1, block, halls_day_1) }}{% endfor %}
    </div>
    {{ render_block(day1, 'b4', halls_day_1) }}
    {% for block in ['b8', 'b9a', 'b10'] %}  {# 'b9b', #}{% endfor %}
  </section>`;

describe("parseLayout", () => {
  it("lists a day's rendered blocks in page order with their halls: the map, else the column headings", () => {
    const layout = parseLayout(TEMPLATE);
    expect(layout.days.get(1)).toEqual([
      { id: "b0" },
      { id: "b1", hall: "Large conference hall", hallFrom: "map" },
      { id: "b2" },
      { id: "b3a", hall: "Large conference hall", hallFrom: "heading" },
      { id: "b3b", hall: "Small conference hall", hallFrom: "map" },
      // A third column under two headings spans every hall.
      { id: "b3c" },
      { id: "b4" },
      { id: "b8" },
      { id: "b9a" },
      { id: "b10" },
    ]);
    expect(layout.halls).toEqual(["Large conference hall", "Small conference hall"]);
  });

  it("reads the translations", () => {
    const po = parsePo(
      'msgid "Day"\nmsgstr "День"\n\nmsgid "Large conference hall"\nmsgstr "Большой конференц-зал"\n',
    );
    expect(po.get("Large conference hall")).toBe("Большой конференц-зал");
  });
});
