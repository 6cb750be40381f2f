import { Router } from 'express';
import session from 'express-session';
import createMemoryStore from 'memorystore';
import type { WebConfig } from '../config.js';

/**
 * The session cookie holds only a signed id (httpOnly, SameSite=Lax, Secure in production); the API
 * tokens stay in the store on this server. The store is in memory, pruned of expired sessions every
 * ten minutes: one web instance needs no more, and a restart only asks people to sign in again.
 * A second instance would need a shared store (connect-pg-simple on the API's PostgreSQL).
 */
export function setUpWebSession(config: WebConfig): Router {
  const MemoryStore = createMemoryStore(session);
  const router = Router();
  router.use(
    session({
      name: 'pathways.sid',
      secret: config.sessionSecret,
      store: new MemoryStore({ checkPeriod: 10 * 60 * 1000, ttl: config.sessionIdleSeconds * 1000 }),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      proxy: config.production,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.production,
        maxAge: config.sessionIdleSeconds * 1000,
      },
    }),
  );
  return router;
}
