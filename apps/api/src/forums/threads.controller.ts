import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@asclepia/moderation';
import type { Actor } from '../access/access-policy';
import { CurrentActor, OptionalActor } from '../auth/current-actor.decorator';
import { OptionalAuth } from '../auth/public.decorator';
import { RequestLocale } from '../common/http/locale.decorator';
import { PageQueryDto } from '../common/http/page-query.dto';
import { CreatePostDto, PostDto, PostPageDto } from './dto/post.dto';
import { EditThreadDto, ThreadDetailDto, ThreadDto } from './dto/thread.dto';
import { PostsService } from './posts.service';
import { ThreadsService } from './threads.service';

@ApiTags('forums')
@ApiBearerAuth()
@Controller('threads')
export class ThreadsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
  ) {}

  @OptionalAuth()
  @Get(':id')
  detail(@OptionalActor() viewer: Actor | null, @Param('id', new ParseUUIDPipe()) id: string): Promise<ThreadDetailDto> {
    return this.threads.detail(id, viewer);
  }

  @Patch(':id')
  edit(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: EditThreadDto,
    @RequestLocale() locale: Locale,
  ): Promise<ThreadDto> {
    return this.threads.edit(actor, id, body, locale);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.threads.remove(actor, id);
  }

  @Post(':id/pin')
  @HttpCode(200)
  pin(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<ThreadDto> {
    return this.threads.setPinned(actor, id, true);
  }

  @Post(':id/unpin')
  @HttpCode(200)
  unpin(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<ThreadDto> {
    return this.threads.setPinned(actor, id, false);
  }

  @OptionalAuth()
  @Get(':id/posts')
  listPosts(@OptionalActor() viewer: Actor | null, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQueryDto): Promise<PostPageDto> {
    return this.posts.list(id, viewer, query.limit, query.cursor);
  }

  @Post(':id/posts')
  reply(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CreatePostDto,
    @RequestLocale() locale: Locale,
  ): Promise<PostDto> {
    return this.posts.create(actor, id, body, locale);
  }
}
