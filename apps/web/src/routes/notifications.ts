import { Router } from 'express';
import { MarkNotificationsReadDocument, MyNotificationsDocument } from '../data/generated/graphql.js';
import type { Services } from '../services/index.js';
import { pageLinks, pageRequest } from '../presenters/paging.js';

const NOTIFICATIONS_PER_PAGE = 20;

export function notificationsRoutes(_services: Services): Router {
  const router = Router();

  router.get('/notifications', async (req, res, next) => {
    try {
      const unreadOnly = req.query.show === 'unread';
      const page = pageRequest(req.query, NOTIFICATIONS_PER_PAGE);
      const { notifications } = await req.api(MyNotificationsDocument, { unreadOnly, ...page });
      res.render('pages/notifications/index', {
        notifications: notifications.nodes,
        unread: notifications.nodes.filter((n) => !n.readAt).map((n) => n.id),
        pages: pageLinks(
          notifications.pageInfo,
          page,
          (cursor) =>
            `/notifications?${new URLSearchParams({ ...(unreadOnly ? { show: 'unread' } : {}), ...cursor })}`,
        ),
        unreadOnly,
      });
    } catch (error) {
      next(error);
    }
  });

  /** Marks one notification read (a button on each), or every one shown ("Mark all as read"). */
  router.post('/notifications/read', async (req, res, next) => {
    try {
      const raw: unknown = req.body.ids;
      const ids = (Array.isArray(raw) ? raw : [raw]).filter(
        (id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id),
      );
      if (ids.length) {
        const { markNotificationsRead } = await req.api(MarkNotificationsReadDocument, {
          input: { ids: ids.slice(0, 100) },
        });
        req.session.flash =
          markNotificationsRead.ids.length === 1
            ? 'Notification marked as read'
            : `${markNotificationsRead.ids.length} notifications marked as read`;
      }
      res.redirect(303, req.body.show === 'unread' ? '/notifications?show=unread' : '/notifications');
    } catch (error) {
      next(error);
    }
  });

  return router;
}
