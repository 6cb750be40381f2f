// The peer in the bench: PostGraphile 5 serving the portfolio views on a loopback port. PostGraphile
// needs Node 22 or later, so this runs on the Node this package installs, as its own process started
// by the bench (scripts/bench.ts). The views and their schema are created by the bench beforehand.
import { createServer } from 'node:http';
import { jwtVerify } from 'jose';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const port = Number(process.argv[2]);
const connectionString = process.env.BENCH_DATABASE_URL;
const schema = process.env.BENCH_SCHEMA;
const secret = new TextEncoder().encode(process.env.BENCH_JWT_SECRET);
const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 10);
if (!port || !connectionString || !schema || !process.env.BENCH_JWT_SECRET) {
  console.error('usage: BENCH_DATABASE_URL=… BENCH_SCHEMA=… BENCH_JWT_SECRET=… node server.mjs <port>');
  process.exit(2);
}

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString, schemas: [schema], poolConfig: { max: poolSize } })],
  grafserv: { port, host: '127.0.0.1', graphqlPath: '/graphql', watch: false, graphiql: false },
  grafast: {
    // The same access token our API accepts: its subject and organisation choose the visible rows.
    async context(ctx) {
      const header = ctx.node?.req.headers.authorization ?? '';
      const token = /^Bearer (.+)$/.exec(header)?.[1];
      if (!token) return { pgSettings: {} };
      const { payload } = await jwtVerify(token, secret, {
        issuer: 'pathways',
        audience: 'pathways-api',
        algorithms: ['HS256'],
      });
      return {
        pgSettings: {
          'pathways.user_id': String(payload.sub),
          'pathways.organisation_id': String(payload.org),
        },
      };
    },
  },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server).catch((error) => {
  console.error(error);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => console.log(`PostGraphile ready on ${port}`));
process.once('SIGTERM', () => {
  server.close();
  void Promise.resolve(pgl.release()).finally(() => process.exit(0));
});
