# One image for the gateway, the four subgraphs and the database jobs; the command picks one:
#   gateway:    node --import tsx gateway/index.ts
#   subgraph:   node --import tsx subgraphs/<name>/index.ts
#   migrations: node --import tsx scripts/migrate.ts
#   retention:  node --import tsx scripts/audit-retention.ts
# Node itself is the container's first process, so SIGTERM reaches the process's own handler,
# which drains the requests in flight (npx would pass the signal on and exit at once).
FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only; tsx runs the TypeScript as the rest of the product does.
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY common ./common
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY schema ./schema
COPY trusted-documents ./trusted-documents
COPY scripts/migrate.ts scripts/audit-retention.ts ./scripts/
USER node
EXPOSE 4000 4001 4002 4003 4004 9464
CMD ["node", "--import", "tsx", "gateway/index.ts"]
