import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContentEntity } from '@asclepia/database';
import type { Locale } from '@asclepia/moderation';
import { DataSource } from 'typeorm';
import { assertCan, type Actor } from '../access/access-policy';
import { AuditService } from '../audit/audit.service';
import { ContentService, isVisible } from '../content/content.service';
import { ThreadMapper, type EditThreadDto, type LoadedThread, type ThreadDetailDto, type ThreadDto } from './dto/thread.dto';
import { PostsService } from './posts.service';
import { ThreadReader } from './thread-reader';

/** Enough posts to read a thread in one request; the rest come from GET /threads/:id/posts. */
const FIRST_POSTS = 100;

@Injectable()
export class ThreadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly audit: AuditService,
    private readonly reader: ThreadReader,
    private readonly posts: PostsService,
  ) {}

  /** A held, rejected or removed thread is "not found" to all but its author and moderators. */
  async detail(id: string, viewer: Actor | null): Promise<ThreadDetailDto> {
    const thread = await this.visible(id, viewer);
    const posts = await this.posts.page(thread.id, viewer, FIRST_POSTS);
    return Object.assign(ThreadMapper.toDto(thread, viewer), { posts: posts.items, postsNextCursor: posts.nextCursor });
  }

  /** The content service checks the actor may edit; this only insists there is something to edit. */
  async edit(actor: Actor, id: string, dto: EditThreadDto, locale: Locale): Promise<ThreadDto> {
    if (dto.title === undefined && dto.body === undefined) throw new BadRequestException('Send a title, a body or both');
    await this.content.edit(actor, id, ['thread'], { title: dto.title, body: dto.body, locale });
    return ThreadMapper.toDto(await this.visible(id, actor), actor);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.content.remove(actor, id, ['thread']);
  }

  /**
   * Pinning puts physician education posts and moderators' notices at the top of a forum (DESIGN.md
   * use 5). Only a published thread can be pinned: a pin must not promote what readers cannot see.
   */
  async setPinned(actor: Actor, id: string, pinned: boolean): Promise<ThreadDto> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.content.lockVisible(m, actor, id, ['thread']);
      assertCan(actor, 'thread.pin', row);
      if (row.status !== 'published') throw new ConflictException('Only a published thread can be pinned');
      if (row.pinned === pinned) return;
      await m.update(ContentEntity, { id: row.id }, { pinned });
      if (row.authorId !== actor.id) {
        await this.audit.record({ actorId: actor.id, action: pinned ? 'thread.pinned' : 'thread.unpinned', targetType: 'thread', targetId: row.id }, m);
      }
    });
    return ThreadMapper.toDto(await this.visible(id, actor), actor);
  }

  private async visible(id: string, viewer: Actor | null): Promise<LoadedThread> {
    const thread = await this.reader.thread(id);
    if (!thread || !isVisible(thread, viewer)) throw new NotFoundException('Thread not found');
    return thread;
  }
}
