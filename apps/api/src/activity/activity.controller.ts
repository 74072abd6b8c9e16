import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/access-policy';
import { CurrentActor, OptionalActor } from '../auth/current-actor.decorator';
import { OptionalAuth } from '../auth/public.decorator';
import { PageQueryDto } from '../common/http/page-query.dto';
import { ActivityService } from './activity.service';
import { ActivityPageDto } from './dto/activity.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @OptionalAuth()
  @Get('users/:id/content')
  ofUser(@OptionalActor() viewer: Actor | null, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQueryDto): Promise<ActivityPageDto> {
    return this.activity.ofUser(id, viewer, query.limit, query.cursor);
  }

  @Get('me/content')
  mine(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<ActivityPageDto> {
    return this.activity.mine(actor, query.limit, query.cursor);
  }
}
