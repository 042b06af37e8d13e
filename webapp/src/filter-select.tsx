/** One filter of the grid: a select of values with "all" first, bound to one field of the filters. */
import type { Filters } from "./grid.js";

/** A choice of a {@link FilterSelect}: the value stored in the filters and what the list shows. */
export interface FilterOption {
  value: string;
  label: string;
}

/** What a {@link FilterSelect} shows: the field it sets, the label of "all", the choices. */
export interface FilterSelectProps {
  field: keyof Filters;
  all: string;
  options: readonly FilterOption[];
}

/**
 * The select for `filters[field]` (`data-testid="filter-<field>"`): `all` (the empty value) first, then
 * `options`; a choice calls `onChange` with the filters changed in that field only.
 */
export function FilterSelect({
  field,
  all,
  options,
  filters,
  onChange,
}: FilterSelectProps & {
  filters: Filters;
  onChange: (next: Filters) => void;
}) {
  return (
    <select
      data-testid={`filter-${field}`}
      value={filters[field]}
      onChange={(e) => onChange({ ...filters, [field]: (e.target as HTMLSelectElement).value })}
    >
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
