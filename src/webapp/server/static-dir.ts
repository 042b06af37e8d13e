import { fileURLToPath } from "node:url";

/** Where `npm run build:webapp` puts the built front end. */
export const WEBAPP_DIST = fileURLToPath(new URL("../../../webapp/dist/", import.meta.url));
