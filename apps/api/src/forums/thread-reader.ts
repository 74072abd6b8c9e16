import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContentEntity, type ForumEntity, type UserEntity } from '@asclepia/database';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { CURSOR_TIMESTAMP_SQL, type TimeKey } from '../common/http/time-cursor';
import type { LoadedPost } from './dto/post.dto';
import type { LoadedThread } from './dto/thread.dto';
import type { ThreadKey } from './thread-cursor';

/** A loaded row with the key the next page starts after. */
export interface Keyed<T> {
  row: T;
  key: TimeKey & { pinned: boolean };
}

interface KeyRaw {
  id: string;
  cursor_created_at: string;
  post_count?: number;
}

/** Counts published posts only: held or removed replies must not show even as a number. */
const POST_COUNT_SQL = `(SELECT count(*)::int FROM "content" "p" WHERE "p"."parent_id" = "t"."id" AND "p"."kind" = 'post' AND "p"."status" = 'published')`;

/**
 * The forum read queries, shared by the thread and post services. Visibility (published only, or
 * the author's own) is the callers' decision; this loads rows with what the mappers need.
 */
@Injectable()
export class ThreadReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A thread in any status; callers check it is visible to the viewer. */
  async thread(id: string): Promise<LoadedThread | null> {
    const [found] = await this.loadThreads(this.threads().andWhere('t.id = :id', { id }).limit(1));
    return found?.row ?? null;
  }

  /** Published threads of a forum, pinned first then newest, served by ix_content_forum_threads. */
  async forumThreads(forumId: string, limit: number, after?: ThreadKey): Promise<Array<Keyed<LoadedThread>>> {
    const query = this.threads()
      .andWhere('t.forum_id = :forumId', { forumId })
      .andWhere("t.status = 'published'")
      .orderBy('t.pinned', 'DESC')
      .addOrderBy('t.createdAt', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(limit + 1);
    if (after) {
      query.andWhere('(t.pinned, t.created_at, t.id) < (CAST(:pinned AS boolean), CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', after);
    }
    return this.loadThreads(query);
  }

  async post(id: string): Promise<LoadedPost | null> {
    return this.dataSource
      .getRepository(ContentEntity)
      .findOne({ where: { id, kind: 'post' }, relations: { author: true } }) as Promise<LoadedPost | null>;
  }

  /** Published posts of a thread, oldest first (a conversation reads top-down), served by ix_content_children. */
  async threadPosts(threadId: string, limit: number, after?: TimeKey): Promise<Array<Keyed<LoadedPost>>> {
    const query = this.dataSource
      .getRepository(ContentEntity)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.author', 'u')
      .addSelect(CURSOR_TIMESTAMP_SQL('p.created_at'), 'cursor_created_at')
      .where('p.parent_id = :threadId', { threadId })
      .andWhere("p.kind = 'post' AND p.status = 'published'")
      .orderBy('p.createdAt', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(limit + 1);
    if (after) query.andWhere('(p.created_at, p.id) > (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', after);
    const { entities, raw } = await query.getRawAndEntities<{ p_id: string; cursor_created_at: string }>();
    return withKeys(entities as LoadedPost[], raw.map((r) => ({ id: r.p_id, cursor_created_at: r.cursor_created_at })));
  }

  private threads(): SelectQueryBuilder<ContentEntity> {
    return this.dataSource
      .getRepository(ContentEntity)
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.author', 'u')
      .innerJoinAndSelect('t.forum', 'f')
      .addSelect(POST_COUNT_SQL, 'post_count')
      .addSelect(CURSOR_TIMESTAMP_SQL('t.created_at'), 'cursor_created_at')
      .where("t.kind = 'thread'");
  }

  private async loadThreads(query: SelectQueryBuilder<ContentEntity>): Promise<Array<Keyed<LoadedThread>>> {
    const { entities, raw } = await query.getRawAndEntities<{ t_id: string; cursor_created_at: string; post_count: number }>();
    const keys = raw.map((r) => ({ id: r.t_id, cursor_created_at: r.cursor_created_at, post_count: r.post_count }));
    const rows = entities as Array<ContentEntity & { author: UserEntity; forum: ForumEntity }>;
    return withKeys(
      rows.map((row) => Object.assign(row, { postCount: keys.find((k) => k.id === row.id)?.post_count ?? 0 })),
      keys,
    );
  }
}

function withKeys<T extends ContentEntity>(rows: T[], raw: KeyRaw[]): Array<Keyed<T>> {
  return rows.map((row) => {
    const createdAt = raw.find((r) => r.id === row.id)?.cursor_created_at ?? row.createdAt.toISOString().replace('Z', '000Z');
    return { row, key: { pinned: row.pinned, createdAt, id: row.id } };
  });
}
