// The web app on its own, against an API elsewhere: API_URL=https://api.example WEB_PORT=3001 node dist/apps/web/src/server.js
import { createWebApp } from './app.js';
import { webConfigFromEnv, WebConfigError } from './config.js';

let config;
try {
  config = webConfigFromEnv();
} catch (error) {
  if (error instanceof WebConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const port = Number(process.env.WEB_PORT ?? '3001');
const host = process.env.HOST ?? '127.0.0.1';
const server = createWebApp(config).listen(port, host, () => {
  console.log(`Pathways web app at http://${host}:${port}/ (API ${config.apiUrl()})`);
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
