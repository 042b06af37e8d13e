import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

/**
 * The Mini App's front end (`vite build webapp`): built into webapp/dist, which the bot serves under /app/
 * (relative asset paths, so any prefix works).
 */
export default defineConfig({
  base: "./",
  plugins: [preact()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2020",
    reportCompressedSize: false,
  },
  logLevel: "warn",
});
