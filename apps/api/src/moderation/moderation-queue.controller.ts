import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@asclepia/moderation';
import type { Actor } from '../access/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequestLocale } from '../common/http/locale.decorator';
import { DecisionDto, QueueListQueryDto, toContentDecision } from './dto/decision.dto';
import { ClaimDto, DecisionResultDto, QueuePageDto } from './dto/queue-item.dto';
import { ModerationQueueService } from './moderation-queue.service';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation/queue')
export class ModerationQueueController {
  constructor(private readonly queue: ModerationQueueService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: QueueListQueryDto): Promise<QueuePageDto> {
    return this.queue.list(actor, query.status, query.limit, query.cursor);
  }

  @Post(':id/claim')
  @HttpCode(200)
  claim(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<ClaimDto> {
    return this.queue.claim(actor, id);
  }

  @Post(':id/release')
  @HttpCode(200)
  release(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<ClaimDto> {
    return this.queue.release(actor, id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DecisionDto,
    @RequestLocale() locale: Locale,
  ): Promise<DecisionResultDto> {
    return this.queue.decide(actor, id, toContentDecision(body), locale);
  }
}
