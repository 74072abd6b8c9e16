import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContentEntity, UserEntity } from '@asclepia/database';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { CURSOR_TIMESTAMP_SQL, TimeCursor } from '../common/http/time-cursor';
import { toPage } from '../common/http/keyset-page';
import { ACTIVITY_KINDS, ActivityMapper, type ActivityKind, type ActivityPageDto } from './dto/activity.dto';

type ActivityRow = ContentEntity & { kind: ActivityKind };

/**
 * A user's content, newest first on the (author_id, created_at, id) index. The public list must not
 * leak: published only, never anonymous content (listing it under a name would undo the anonymity),
 * and never a child of a parent that is not published.
 */
@Injectable()
export class ActivityService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofUser(userId: string, viewer: Actor | null, limit: number, cursor?: string): Promise<ActivityPageDto> {
    const after = cursor ? TimeCursor.decode(cursor) : undefined;
    const author = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!author) throw new NotFoundException('User not found');
    const query = this.byAuthor(author.id, limit, after)
      .andWhere("c.status = 'published'")
      .andWhere('c.anonymous = false')
      .andWhere(`(c.parent_id IS NULL OR EXISTS (SELECT 1 FROM "content" parent WHERE parent.id = c.parent_id AND parent.status = 'published'))`);
    return this.page(query, author, viewer, limit);
  }

  /** Everything the signed-in user wrote, in every status, with the moderation outcome and the moderator's reason. */
  async mine(actor: Actor, limit: number, cursor?: string): Promise<ActivityPageDto> {
    const after = cursor ? TimeCursor.decode(cursor) : undefined;
    const author = await this.dataSource.getRepository(UserEntity).findOneBy({ id: actor.id });
    if (!author) throw new NotFoundException('User not found');
    return this.page(this.byAuthor(author.id, limit, after), author, actor, limit);
  }

  private byAuthor(authorId: string, limit: number, after?: { createdAt: string; id: string }): SelectQueryBuilder<ContentEntity> {
    const query = this.dataSource
      .getRepository(ContentEntity)
      .createQueryBuilder('c')
      .addSelect(CURSOR_TIMESTAMP_SQL('c.created_at'), 'cursor_created_at')
      .where('c.author_id = :authorId', { authorId })
      .andWhere('c.kind IN (:...kinds)', { kinds: ACTIVITY_KINDS })
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1);
    if (after) query.andWhere('(c.created_at, c.id) < (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', after);
    return query;
  }

  private async page(query: SelectQueryBuilder<ContentEntity>, author: UserEntity, viewer: Actor | null, limit: number): Promise<ActivityPageDto> {
    const { entities, raw } = await query.getRawAndEntities<{ c_id: string; cursor_created_at: string }>();
    const keyOf = (row: ContentEntity) => raw.find((r) => r.c_id === row.id)?.cursor_created_at ?? '';
    return toPage(
      entities as ActivityRow[],
      limit,
      (row) => ActivityMapper.toItem(row, author, viewer),
      (last) => TimeCursor.encode({ createdAt: keyOf(last), id: last.id }),
    );
  }
}
