import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContentEntity, ForumEntity, UserEntity } from '@asclepia/database';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { ContentService } from '../content/content.service';
import { DEMO_CONTENT, type DemoItem } from './demo-content';

/** Any fixed number: two instances seeding at once take turns on this lock. */
const DEMO_CONTENT_LOCK = 0x61736364;

@Injectable()
export class DemoContentService {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
  ) {}

  /** Idempotent: writes the demo content once, when none of the demo authors has written anything. */
  async ensure(): Promise<void> {
    const created = await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [DEMO_CONTENT_LOCK]);
      const handles = [...new Set(DEMO_CONTENT.map((item) => item.author))];
      const authors = await m.find(UserEntity, { where: { handleKey: In(handles) } });
      if (authors.length < handles.length) return 0;
      if (await m.exists(ContentEntity, { where: { authorId: In(authors.map((a) => a.id)) } })) return 0;
      const byHandle = new Map(authors.map((a) => [a.handleKey, a]));
      const ids = new Map<string, string>();
      for (const item of DEMO_CONTENT) {
        const author = byHandle.get(item.author) as UserEntity;
        const row = await this.write(m, item, author, ids);
        ids.set(item.key, row.id);
      }
      return ids.size;
    });
    if (created > 0) this.logger.log(`demo content created (${created} items)`);
  }

  private async write(m: EntityManager, item: DemoItem, author: UserEntity, ids: Map<string, string>): Promise<ContentEntity> {
    const actor: Actor = { id: author.id, role: author.role, verified: author.verifiedAt !== null, mutedUntil: null };
    const forum = item.forum ? await m.findOneByOrFail(ForumEntity, { slug: item.forum }) : null;
    return this.content.submit(
      actor,
      {
        kind: item.kind,
        title: item.title ?? null,
        body: item.body,
        tags: item.tags,
        anonymous: item.anonymous,
        parentId: item.parent ? ids.get(item.parent) : null,
        forumId: forum?.id ?? null,
        locale: 'en-IN',
      },
      m,
    );
  }
}
