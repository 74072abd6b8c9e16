import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationEntity } from '@asclepia/database';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { CURSOR_TIMESTAMP_SQL, TimeCursor } from '../common/http/time-cursor';
import { NotificationMapper, type NotificationPageDto } from './dto/notification.dto';

export interface NewNotification {
  userId: string;
  type: string;
  /** Ids, outcomes and reasons only: a notification may be shown anywhere, so never content text. */
  data: Record<string, unknown>;
}

/**
 * A user's own notifications. Every signed-in user may read and mark their own, and nobody else's,
 * so there is no policy check beyond the caller's identity: the queries are scoped to `actor.id`.
 */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Written in the caller's transaction, so the notice exists exactly when the change it reports does. */
  async notify(manager: EntityManager, notification: NewNotification): Promise<void> {
    await manager.insert(NotificationEntity, { userId: notification.userId, type: notification.type, data: notification.data as NotificationEntity['data'] & object });
  }

  /** Newest first, keyset on (created_at, id), which ix_notifications_user serves backwards. */
  async list(actor: Actor, limit: number, cursor?: string): Promise<NotificationPageDto> {
    const before = cursor ? TimeCursor.decode(cursor) : undefined;
    const query = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .addSelect(CURSOR_TIMESTAMP_SQL('n.created_at'), 'cursor_created_at')
      .where('n.user_id = :userId', { userId: actor.id })
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1);
    if (before) {
      query.andWhere('(n.created_at, n.id) < (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', before);
    }
    const { entities, raw } = await query.getRawAndEntities<{ n_id: string; cursor_created_at: string }>();
    const page = entities.slice(0, limit);
    const last = page[page.length - 1];
    const lastKey = last && raw.find((r) => r.n_id === last.id);
    return {
      items: page.map((row) => NotificationMapper.toDto(row)),
      nextCursor: entities.length > limit && lastKey ? TimeCursor.encode({ createdAt: lastKey.cursor_created_at, id: last.id }) : null,
    };
  }

  /** Marks the given notifications (all when none are named) read; ids of other users' notifications change nothing. */
  async markRead(actor: Actor, ids?: string[]): Promise<void> {
    const query = this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: () => 'now()' })
      .where('user_id = :userId AND read_at IS NULL', { userId: actor.id });
    if (ids) {
      if (ids.length === 0) return;
      query.andWhere('id IN (:...ids)', { ids });
    }
    await query.execute();
  }
}
