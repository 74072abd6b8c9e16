import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@asclepia/moderation';
import type { Actor } from '../access/access-policy';
import { CurrentActor, OptionalActor } from '../auth/current-actor.decorator';
import { OptionalAuth, Public } from '../auth/public.decorator';
import { RequestLocale } from '../common/http/locale.decorator';
import { PageQueryDto } from '../common/http/page-query.dto';
import { ForumListDto } from './dto/forum.dto';
import { CreateThreadDto, ThreadDto, ThreadPageDto } from './dto/thread.dto';
import { ForumsService } from './forums.service';

@ApiTags('forums')
@ApiBearerAuth()
@Controller('forums')
export class ForumsController {
  constructor(private readonly forums: ForumsService) {}

  @Public()
  @Get()
  list(): Promise<ForumListDto> {
    return this.forums.forums();
  }

  @OptionalAuth()
  @Get(':slug/threads')
  threads(@OptionalActor() viewer: Actor | null, @Param('slug') slug: string, @Query() query: PageQueryDto): Promise<ThreadPageDto> {
    return this.forums.threads(slug, viewer, query.limit, query.cursor);
  }

  @Post(':slug/threads')
  create(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Body() body: CreateThreadDto,
    @RequestLocale() locale: Locale,
  ): Promise<ThreadDto> {
    return this.forums.createThread(actor, slug, body, locale);
  }
}
