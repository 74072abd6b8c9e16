import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContentEntity } from '@asclepia/database';
import type { Locale } from '@asclepia/moderation';
import { DataSource } from 'typeorm';
import { assertCan, type Actor } from '../access/access-policy';
import { TimeCursor, type TimeKey } from '../common/http/time-cursor';
import { ContentService, isVisible } from '../content/content.service';
import { PostMapper, type CreatePostDto, type EditPostDto, type PostDto, type PostPageDto } from './dto/post.dto';
import { toPage } from '../common/http/keyset-page';
import { ThreadReader } from './thread-reader';

@Injectable()
export class PostsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly reader: ThreadReader,
  ) {}

  /** Published posts, oldest first, of a thread the viewer can see. */
  async list(threadId: string, viewer: Actor | null, limit: number, cursor?: string): Promise<PostPageDto> {
    const after = cursor ? TimeCursor.decode(cursor) : undefined;
    const thread = await this.reader.thread(threadId);
    if (!thread || !isVisible(thread, viewer)) throw new NotFoundException('Thread not found');
    return this.page(threadId, viewer, limit, after);
  }

  async page(threadId: string, viewer: Actor | null, limit: number, after?: TimeKey): Promise<PostPageDto> {
    const rows = await this.reader.threadPosts(threadId, limit, after);
    return toPage(rows, limit, ({ row }) => PostMapper.toDto(row, viewer), ({ key }) => TimeCursor.encode(key));
  }

  /**
   * Replies go only to a published thread. The thread row is share-locked so that a moderator's
   * hold or the author's removal cannot slip in between the check and the write.
   */
  async create(actor: Actor, threadId: string, dto: CreatePostDto, locale: Locale): Promise<PostDto> {
    assertCan(actor, 'content.create');
    const row = await this.dataSource.transaction(async (m) => {
      const thread = await m.findOne(ContentEntity, { where: { id: threadId, kind: 'thread' }, lock: { mode: 'pessimistic_read' } });
      if (!thread || thread.status !== 'published') throw new NotFoundException('Thread not found');
      return this.content.submit(actor, { kind: 'post', body: dto.body, anonymous: dto.anonymous, parentId: thread.id, locale }, m);
    });
    return this.own(row.id, actor);
  }

  /** The content service checks the actor may edit and re-runs the pipeline. */
  async edit(actor: Actor, id: string, dto: EditPostDto, locale: Locale): Promise<PostDto> {
    await this.content.edit(actor, id, ['post'], { body: dto.body, locale });
    return this.own(id, actor);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.content.remove(actor, id, ['post']);
  }

  private async own(id: string, actor: Actor): Promise<PostDto> {
    const post = await this.reader.post(id);
    if (!post || !isVisible(post, actor)) throw new NotFoundException('Post not found');
    return PostMapper.toDto(post, actor);
  }
}
