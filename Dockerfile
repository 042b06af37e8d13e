# confbot — `docker build -t confbot .`, then for example:
#   docker run -d -v confbot-data:/data -e BOT_TOKEN=… confbot                       (long polling)
#   docker run -d -v confbot-data:/data -p 8080:8080 -e BOT_TOKEN=… \
#     -e WEBHOOK_URL=https://bot.example.org/telegram -e WEBHOOK_SECRET=… confbot     (webhook)
#   add -e WEBAPP_URL=https://bot.example.org to serve the Mini App and calendar feeds on the same port

# ── Dependencies: better-sqlite3 is native; the build tools are there for when no prebuilt binary fits.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# ── The Mini App's front end: built with the dev dependencies (Vite), only its output goes into the image.
FROM node:20-bookworm-slim AS webapp
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY webapp ./webapp
COPY src/webapp/api-types.ts ./src/webapp/api-types.ts
RUN npx vite build webapp

# ── Runtime: the same slim base (same glibc as the build), no build tools, an unprivileged user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/data/confbot.sqlite \
    PROGRAMME_PATH=/data/programme.yaml \
    PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY locales ./locales
COPY data ./data
COPY --from=webapp /app/webapp/dist ./webapp/dist
# Compiled once here: the container runs plain JavaScript (dist/), no TypeScript loader at run time.
RUN node scripts/build.mjs
# The database and the programme organizers edit (/move, /cancel, /restore write it) live on a volume owned by
# the base image's "node" user (uid 1000); the image's own files stay read-only to it.
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
CMD ["sh", "-c", "[ -e \"$PROGRAMME_PATH\" ] || cp data/pycon-ru-2013.yaml \"$PROGRAMME_PATH\"; exec node --max-semi-space-size=1 dist/main.js"]
