# Production image: build with swc, then run the compiled API on Node 22 LTS as the non-root user.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 \
    ATTACHMENTS_DIR=/var/lib/pathways/attachments EXPORTS_DIR=/var/lib/pathways/exports
WORKDIR /app
# Files people upload and subject access archives: owned by the user the API runs as, so the
# volumes mounted here (which start as a copy of these folders) are writable by it.
RUN mkdir -p /var/lib/pathways/attachments /var/lib/pathways/exports \
    && chown -R node:node /var/lib/pathways
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
USER node
VOLUME ["/var/lib/pathways/attachments", "/var/lib/pathways/exports"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/apps/api/src/main.js"]
