import { join, sep } from "node:path";
import { APP_ROOT } from "../../app-root.js";

/** Where `npm run build:webapp` puts the built front end. */
export const WEBAPP_DIST = join(APP_ROOT, "webapp", "dist") + sep;
