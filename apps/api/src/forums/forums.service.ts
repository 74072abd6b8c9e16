import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ForumEntity } from '@asclepia/database';
import type { Locale } from '@asclepia/moderation';
import { DataSource } from 'typeorm';
import { assertCan, type Actor } from '../access/access-policy';
import { ContentService } from '../content/content.service';
import { ForumMapper, type ForumListDto } from './dto/forum.dto';
import { ThreadMapper, type CreateThreadDto, type ThreadDto, type ThreadPageDto } from './dto/thread.dto';
import { toPage } from '../common/http/keyset-page';
import { ThreadCursor } from './thread-cursor';
import { ThreadReader } from './thread-reader';

@Injectable()
export class ForumsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly reader: ThreadReader,
  ) {}

  async forums(): Promise<ForumListDto> {
    const rows = await this.dataSource.getRepository(ForumEntity).find({ order: { position: 'ASC', slug: 'ASC' } });
    return { items: rows.map((row) => ForumMapper.toDto(row)), nextCursor: null };
  }

  async threads(slug: string, viewer: Actor | null, limit: number, cursor?: string): Promise<ThreadPageDto> {
    const after = cursor ? ThreadCursor.decode(cursor) : undefined;
    const forum = await this.forum(slug);
    const rows = await this.reader.forumThreads(forum.id, limit, after);
    return toPage(rows, limit, ({ row }) => ThreadMapper.toDto(row, viewer), ({ key }) => ThreadCursor.encode(key));
  }

  /** Through the content pipeline: the answer may be a held or rejected thread, which only its author sees. */
  async createThread(actor: Actor, slug: string, dto: CreateThreadDto, locale: Locale): Promise<ThreadDto> {
    assertCan(actor, 'content.create');
    const forum = await this.forum(slug);
    const row = await this.content.submit(actor, { kind: 'thread', title: dto.title, body: dto.body, anonymous: dto.anonymous, forumId: forum.id, locale });
    const thread = await this.reader.thread(row.id);
    if (!thread) throw new NotFoundException('Thread not found');
    return ThreadMapper.toDto(thread, actor);
  }

  private async forum(slug: string): Promise<ForumEntity> {
    const forum = await this.dataSource.getRepository(ForumEntity).findOneBy({ slug });
    if (!forum) throw new NotFoundException('Forum not found');
    return forum;
  }
}
