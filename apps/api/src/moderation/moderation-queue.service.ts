import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ContentEntity,
  ContentOriginalEntity,
  ModerationItemEntity,
  UserEntity,
  type QueueStatus,
} from '@asclepia/database';
import type { Locale } from '@asclepia/moderation';
import { DataSource, EntityManager, In } from 'typeorm';
import { assertCan, type Actor } from '../access/access-policy';
import { AuditService } from '../audit/audit.service';
import { CURSOR_TIMESTAMP_SQL } from '../common/http/time-cursor';
import { AppConfig } from '../config/app-config';
import { ContentService, type ContentChangedEvent, type ContentDecision } from '../content/content.service';
import { NotificationsService } from '../notifications/notifications.service';
import { claimedByOther, claimExpiresAt } from './claim';
import { QueueMapper, type ClaimDto, type DecisionResultDto, type QueuePageDto, type QueueRow } from './dto/queue-item.dto';
import { QueueCursor, queueLevels, type QueueKey } from './queue-cursor';

const AUDIT_ACTION: Record<ContentDecision['action'], string> = {
  approve: 'moderation.approved',
  reject: 'moderation.rejected',
  edit: 'moderation.edited',
};

type Keyed = { item: ModerationItemEntity; createdAt: string };

@Injectable()
export class ModerationQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Crisis first, then held, then reported; oldest first within each (`decided` lists in the same
   * order). Every original returned is audit-logged in the same transaction as the read, so no
   * original leaves without its record.
   */
  async list(actor: Actor, status: QueueStatus, limit: number, cursor?: string): Promise<QueuePageDto> {
    assertCan(actor, 'queue.read');
    const after = cursor ? QueueCursor.decode(cursor) : undefined;
    return this.dataSource.transaction(async (m) => {
      const keyed = await this.page(m, status, limit + 1, after);
      const page = keyed.slice(0, limit);
      const rows = await this.withContent(m, page.map((k) => k.item));
      const items = rows.map((row) => QueueMapper.toItem(row));
      const reads = rows
        .filter((row) => row.original !== null)
        .map((row) => ({
          actorId: actor.id,
          action: 'content.original_read',
          targetType: row.content.kind,
          targetId: row.content.id,
          details: { via: 'moderation.queue', itemId: row.item.id },
        }));
      await this.audit.recordMany(reads, m);
      const last = page[page.length - 1];
      return {
        items,
        nextCursor: keyed.length > limit && last ? QueueCursor.encode({ priority: last.item.priority, createdAt: last.createdAt, id: last.item.id }) : null,
      };
    });
  }

  /** Takes the item for CLAIM_MINUTES; a moderator may renew their own claim or take over a lapsed one. */
  claim(actor: Actor, id: string): Promise<ClaimDto> {
    assertCan(actor, 'queue.decide');
    return this.dataSource.transaction(async (m) => {
      const item = await this.lockItem(m, id);
      this.assertOpenTo(item, actor);
      item.claimedBy = actor.id;
      item.claimedAt = new Date();
      await m.save(item);
      return QueueMapper.toClaim(item);
    });
  }

  release(actor: Actor, id: string): Promise<ClaimDto> {
    assertCan(actor, 'queue.decide');
    return this.dataSource.transaction(async (m) => {
      const item = await this.lockItem(m, id);
      this.assertOpenTo(item, actor);
      item.claimedBy = null;
      item.claimedAt = null;
      await m.save(item);
      return QueueMapper.toClaim(item);
    });
  }

  /**
   * One transaction: content, item, audit entry and the author's notification commit together.
   * The content row is locked before the item, the order the content path itself uses, so a
   * decision and an author's concurrent edit cannot deadlock.
   */
  async decide(actor: Actor, id: string, decision: ContentDecision, locale: Locale): Promise<DecisionResultDto> {
    assertCan(actor, 'queue.decide');
    let changed: ContentChangedEvent | undefined;
    const result = await this.dataSource.transaction(async (m) => {
      const peek = await m.findOne(ModerationItemEntity, { where: { id } });
      if (!peek) throw new NotFoundException('Queue item not found');
      const content = await m.findOneOrFail(ContentEntity, { where: { id: peek.contentId }, lock: { mode: 'pessimistic_write' } });
      const item = await this.lockItem(m, id);
      this.assertOpenTo(item, actor);
      const from = content.status;

      await this.content.applyDecision(m, content, decision, actor, { locale, retentionDays: this.config.ORIGINAL_RETENTION_DAYS });
      item.status = 'decided';
      item.decision = decision.action;
      item.decisionReason = decision.reason;
      item.decidedBy = actor.id;
      item.decidedAt = new Date();
      await m.save(item);

      await this.audit.record(
        {
          actorId: actor.id,
          action: AUDIT_ACTION[decision.action],
          targetType: content.kind,
          targetId: content.id,
          details: { itemId: item.id, reason: decision.reason, status: content.status },
        },
        m,
      );
      await this.notifications.notify(m, {
        userId: content.authorId,
        type: 'moderation.decision',
        data: { targetType: content.kind, targetId: content.id, action: decision.action, reason: decision.reason },
      });
      changed = { id: content.id, kind: content.kind, from, to: content.status, edited: decision.action === 'edit' };
      return QueueMapper.toDecision(item, content);
    });
    // After the commit: the chat fan-out must not broadcast a decision that rolled back.
    if (changed) this.content.announce(changed);
    return result;
  }

  private async lockItem(m: EntityManager, id: string): Promise<ModerationItemEntity> {
    const item = await m.findOne(ModerationItemEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!item) throw new NotFoundException('Queue item not found');
    return item;
  }

  private assertOpenTo(item: ModerationItemEntity, actor: Actor): void {
    if (item.status === 'decided') throw new ConflictException('This item has already been decided');
    if (claimedByOther(item, actor.id)) {
      throw new ConflictException(`Another moderator has claimed this item until ${claimExpiresAt(item)?.toISOString()}`);
    }
  }

  /** Up to `take` items in queue order, one index range scan per priority (see queueLevels). */
  private async page(m: EntityManager, status: QueueStatus, take: number, after?: QueueKey): Promise<Keyed[]> {
    const found: Keyed[] = [];
    for (const level of queueLevels(after)) {
      if (found.length >= take) break;
      const query = m
        .getRepository(ModerationItemEntity)
        .createQueryBuilder('i')
        .addSelect(CURSOR_TIMESTAMP_SQL('i.created_at'), 'cursor_created_at')
        .where('i.status = :status AND i.priority = :priority', { status, priority: level.priority })
        .orderBy('i.createdAt', 'ASC')
        .addOrderBy('i.id', 'ASC')
        .limit(take - found.length);
      if (level.after) {
        query.andWhere('(i.created_at, i.id) > (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', level.after);
      }
      const { entities, raw } = await query.getRawAndEntities<{ i_id: string; cursor_created_at: string }>();
      const keys = new Map(raw.map((r) => [r.i_id, r.cursor_created_at]));
      for (const item of entities) found.push({ item, createdAt: keys.get(item.id) as string });
    }
    return found;
  }

  private async withContent(m: EntityManager, items: ModerationItemEntity[]): Promise<QueueRow[]> {
    const contentIds = items.map((item) => item.contentId);
    if (contentIds.length === 0) return [];
    const contents = await m.find(ContentEntity, { where: { id: In(contentIds) }, relations: { author: true } });
    const originals = await m.find(ContentOriginalEntity, { where: { contentId: In(contentIds) } });
    const contentById = new Map(contents.map((c) => [c.id, c as ContentEntity & { author: UserEntity }]));
    const originalById = new Map(originals.map((o) => [o.contentId, o]));
    return items.map((item) => ({
      item,
      content: contentById.get(item.contentId) as ContentEntity & { author: UserEntity },
      original: originalById.get(item.contentId) ?? null,
    }));
  }
}
