import { Router } from 'express';
import type { Services } from '../services/index.js';
import { adminInvitationAcceptanceRoutes } from './adminInvitationAcceptance.js';
import { adminMembersRoutes } from './adminMembers.js';
import { adminStructureRoutes } from './adminStructure.js';

/** Administration: members and invitations, teams and relationships, and the invitee's page to accept. */
export function adminRoutes(services: Services): Router {
  const router = Router();
  router.use(adminInvitationAcceptanceRoutes(services));
  router.use(adminMembersRoutes());
  router.use(adminStructureRoutes());
  return router;
}
