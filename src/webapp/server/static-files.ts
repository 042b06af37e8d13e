import { readdirSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { acceptsGzip } from "./http-util.js";

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  ico: "image/x-icon",
  webmanifest: "application/manifest+json",
  txt: "text/plain; charset=utf-8",
};

interface StaticFile {
  body: Buffer;
  gzip?: Buffer;
  type: string;
  /** Vite's hashed file names never change content: they may be cached for good. */
  immutable: boolean;
}

/**
 * The built front end, read into memory once: a request can only ever get one of these files (no path from
 * the URL touches the disk), and text files are gzipped ahead.
 */
export class StaticFiles {
  private files: Map<string, StaticFile> | undefined;

  constructor(private readonly dir: string) {}

  /** Whether the build is there (it is looked for again on each call until it is). */
  available(): boolean {
    this.files ??= this.load();
    return this.files !== undefined;
  }

  private load(): Map<string, StaticFile> | undefined {
    const files = new Map<string, StaticFile>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else {
          const rel = relative(this.dir, path).split(sep).join("/");
          const ext = name.slice(name.lastIndexOf(".") + 1);
          const body = readFileSync(path);
          const type = TYPES[ext] ?? "application/octet-stream";
          const text = /^(text|application\/(json|manifest)|image\/svg)/.test(type);
          files.set(rel, {
            body,
            type,
            gzip: text && body.length > 512 ? gzipSync(body) : undefined,
            immutable: rel.startsWith("assets/"),
          });
        }
      }
    };
    try {
      walk(this.dir);
    } catch {
      return undefined; // not built (yet)
    }
    return files.has("index.html") ? files : undefined;
  }

  /** Serves `rel` (a path under /app/; "" is index.html); false when there is no such file. */
  serve(req: IncomingMessage, res: ServerResponse, rel: string): boolean {
    if (!this.available()) {
      res
        .writeHead(503, { "content-type": "text/plain; charset=utf-8" })
        .end("The Mini App is not built: run `npm run build:webapp`.\n");
      return true;
    }
    const file = this.files?.get(rel || "index.html");
    if (!file) return false;
    const gzip = file.gzip && acceptsGzip(req);
    const body = gzip ? (file.gzip as Buffer) : file.body;
    res.writeHead(200, {
      "content-type": file.type,
      "content-length": String(body.length),
      "cache-control": file.immutable ? "public, max-age=31536000, immutable" : "no-cache",
      "x-content-type-options": "nosniff",
      vary: "Accept-Encoding",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }
}
