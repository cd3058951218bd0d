# syntax=docker/dockerfile:1
# One image for every Clipyard app. Build:  docker build -t clipyard:latest .
# Run an app by name (entry argument or APP env):
#   docker run clipyard:latest gateway            # or auth, billing, media-worker
#   docker run -e APP=media-worker clipyard:latest
#   docker run clipyard:latest migrate run        # migrations (compose `migrate`, k8s Job)
#   docker run -it clipyard:latest repl           # admin REPL (see README)
# Node.js 24 (active LTS); the code also runs on 22 and on the 20 of older development machines.
ARG NODE_VERSION=24

# ---- build: full toolchain (argon2 compiles from source when no prebuild fits) ----
FROM node:${NODE_VERSION}-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY scripts/openapi.js ./scripts/openapi.js
COPY libs ./libs
COPY apps ./apps
COPY scripts/build-web.js ./scripts/build-web.js
# builds the apps and the dashboard (apps/web → dist/web, served by the gateway at /)
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf dist/.tsbuildinfo* \
 && find dist -name '*.map' -delete

# ---- runtime: slim Debian with ffmpeg and fonts, no compiler, non-root ----
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg fonts-dejavu-core ca-certificates tini \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 clipyard \
 && useradd --system --uid 10001 --gid clipyard --home-dir /app --shell /usr/sbin/nologin clipyard
WORKDIR /app
ENV NODE_ENV=production \
    TMPDIR=/tmp
# Code is owned by root and read-only for the app user; only /tmp and /app/.data are writable.
COPY --from=build /src/package.json ./package.json
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY docker/entrypoint.sh /usr/local/bin/clipyard
RUN chmod 0755 /usr/local/bin/clipyard \
 && mkdir -p /app/.data && chown clipyard:clipyard /app/.data
USER 10001:10001
EXPOSE 3000 3001 3002 3003
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/clipyard"]
CMD []
