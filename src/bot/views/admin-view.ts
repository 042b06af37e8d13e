import type { TFunction } from "i18next";
import type { Catalog } from "../../catalog.js";
import type { Lang } from "../../programme/model.js";

/** What the organizer views need: a translation fixed to the organizer's language, and the programme. */
export interface AdminViewCtx {
  t: TFunction;
  lang: Lang;
  catalog: Catalog;
  /** The clock's time: dates get their year when it is another year's. */
  now?: number;
}
