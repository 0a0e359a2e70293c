# syntax=docker/dockerfile:1
# Interakt Admin: one image with the API (dist/apps/api) and the admin app it serves at `/`
# (dist/apps/admin/browser). Build from the repository root:
#   docker build -f docker/api.Dockerfile -t interakt-admin-api:0.1.0 .
# The same image runs the server (default command), the migrations
# (`node dist/apps/api/migrate.js`) and the recovery CLI (`node dist/apps/api/cli.js --help`).
# docker/test/runtime-image.spec.ts repeats the runtime stages below without a Docker engine.

# All three stages use the same base image: the production dependencies (bcrypt's prebuilt binding)
# must match the runtime's Node and glibc. The tag is not pinned: it follows Node 24 and Debian 12
# updates. For a reproducible build, pin all three FROM lines to one digest, for example
#   docker buildx imagetools inspect node:24-bookworm-slim     # prints "Digest: sha256:…"
#   FROM node:24-bookworm-slim@sha256:<that digest> AS build   # the same in prod-deps and runtime

# ---- build: the whole workspace, then the two production builds -------------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /src
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
COPY package.json package-lock.json ./
# --ignore-scripts: the image's Node 24 runs the build, so the `node` devDependency need not fetch
# its own binary; no other build tool needs an install script (package.json allowScripts).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# The API build also writes dist/apps/api/package.json and package-lock.json (target `api:prune`):
# the API's production dependencies only, pinned to the versions of the workspace lockfile.
RUN npx nx run-many -t build -p api admin --output-style=static

# ---- prod-deps: production dependencies of the built API, from its pruned lockfile -------------
FROM node:24-bookworm-slim AS prod-deps
WORKDIR /app/dist/apps/api
COPY --from=build /src/dist/apps/api/package.json /src/dist/apps/api/package-lock.json ./
# --omit=optional leaves out the embedded PostgreSQL binaries (about 60 MB; production refuses the
# embedded database). --ignore-scripts: bcrypt loads its shipped prebuilds and nothing else needs one.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund

# ---- runtime ------------------------------------------------------------------------------------
FROM node:24-bookworm-slim AS runtime
# tini as PID 1 forwards SIGTERM to node (the API then drains requests, closes the pool, exits 0)
# and reaps zombies.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
# NODE_OPTIONS: V8 sizes its young generation from the host's memory and lets it grow to 32 MB
# semi-spaces; 8 MB keeps the API's peak RSS under load at ~170 MB instead of ~300 MB for no
# measurable CPU (docs/benchmarks.md, Memory). `npm run bench` runs the API with this value.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 NODE_OPTIONS="--max-semi-space-size=8"
WORKDIR /app
# Owned by root and read-only for the app user: the process cannot change its own code.
COPY --from=prod-deps /app/dist/apps/api/node_modules dist/apps/api/node_modules
COPY --from=build /src/dist/apps/api dist/apps/api
COPY --from=build /src/dist/apps/admin/browser dist/apps/admin/browser
# The `node` user of the base image, by number so that Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 3000
# No --start-period: dockerfilelint 1.8 misreads it. Six misses 10 s apart leave a minute to start,
# and the API is up in seconds, migrations at start included (compose.yml adds a start period).
HEALTHCHECK --interval=10s --timeout=5s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/apps/api/main.js"]
