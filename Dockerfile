# confbot — `docker build -t confbot .`, then for example:
#   docker run -d -v confbot-data:/data -e BOT_TOKEN=… confbot                       (long polling)
#   docker run -d -v confbot-data:/data -p 8080:8080 -e BOT_TOKEN=… \
#     -e WEBHOOK_URL=https://bot.example.org/telegram -e WEBHOOK_SECRET=… confbot     (webhook)
#   add -e WEBAPP_URL=https://bot.example.org to serve the Mini App and calendar feeds on the same port

# ── Build: every dependency (Vite, esbuild), then the Mini App and the bundle. better-sqlite3 is native: the
# build tools are there for when no prebuilt binary fits. Nothing of this stage but its outputs is shipped.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY webapp ./webapp
# The pinned Vite from node_modules (npx could fetch another one if the install had failed).
RUN node node_modules/vite/bin/vite.js build webapp && node scripts/build.mjs

# ── Runtime: the same slim base (same glibc as the build), no build tools, an unprivileged user. Only the
# bundle (no source map; its loader and V8 code cache, recorded by the same node with the CMD's flags) and the one module it leaves outside, better-sqlite3, with what it requires at run
# time — test/e2e/image.test.ts runs the bot from exactly these files.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/data/confbot.sqlite \
    PROGRAMME_PATH=/data/programme.yaml \
    PORT=8080
WORKDIR /app
COPY package.json ./
COPY --from=build /app/dist/main.js ./dist/main.js
COPY --from=build /app/dist/bot.cjs ./dist/bot.cjs
COPY --from=build /app/dist/bot.cjs.cache ./dist/bot.cjs.cache
COPY --from=build /app/dist/cli/main.js ./dist/cli/main.js
COPY --from=build /app/node_modules/better-sqlite3/package.json ./node_modules/better-sqlite3/package.json
COPY --from=build /app/node_modules/better-sqlite3/lib ./node_modules/better-sqlite3/lib
COPY --from=build /app/node_modules/better-sqlite3/build/Release/better_sqlite3.node ./node_modules/better-sqlite3/build/Release/better_sqlite3.node
COPY --from=build /app/node_modules/bindings ./node_modules/bindings
COPY --from=build /app/node_modules/file-uri-to-path ./node_modules/file-uri-to-path
COPY --from=build /app/webapp/dist ./webapp/dist
COPY locales ./locales
COPY data ./data
# The database and the programme organizers edit (/move, /cancel, /restore write it) live on a volume owned by
# the base image's "node" user (uid 1000); the image's own files stay read-only to it. A bind-mounted host
# folder must be writable by uid 1000: `sudo chown 1000:1000 ./data` (or run with --user of its owner).
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8080
# Webhook mode (and the Mini App, WEBAPP_URL) serves /healthz on PORT. Long polling alone has no server.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "if (!process.env.WEBHOOK_URL && !process.env.WEBAPP_URL) process.exit(0); fetch(`http://127.0.0.1:${process.env.PORT || 8080}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The first start puts the bundled programme on the volume as the editable PROGRAMME_PATH (unless one is there
# or PROGRAMME_PATH points elsewhere). Then node itself, not `npm start`: exec makes it PID 1, so it gets docker
# stop's SIGTERM and the bot stops gracefully.
CMD ["sh", "-c", "[ -e \"$PROGRAMME_PATH\" ] || cp data/pycon-ru-2013.yaml \"$PROGRAMME_PATH\"; exec node --max-semi-space-size=1 --heap-growing-percent=30 dist/main.js"]
