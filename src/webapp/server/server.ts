import { createServer, type Server } from "node:http";
import type { WebappHandler } from "./routes.js";

/** A running HTTP server for the Mini App (polling and console modes; webhook mode shares its server). */
export interface WebappServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the Mini App's routes and `GET /healthz` on its own node:http server. With `fallbackToAnyPort`
 * a taken port is no failure: another one is picked (the console prints whichever it got).
 */
export async function startWebappServer(
  handler: WebappHandler,
  options: { port: number; host?: string; fallbackToAnyPort?: boolean },
): Promise<WebappServer> {
  const server = createServer((req, res) => {
    if (handler(req, res)) return;
    if (req.method === "GET" && (req.url ?? "").split("?")[0] === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      return;
    }
    res.writeHead(404).end();
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, options.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  try {
    await listen(options.port);
  } catch (e) {
    if (!options.fallbackToAnyPort || (e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
    await listen(0);
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
