import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { PageQueryDto } from '../common/http/page-query.dto';
import { MarkReadDto, NotificationPageDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<NotificationPageDto> {
    return this.notifications.list(actor, query.limit, query.cursor);
  }

  @Post('read')
  @HttpCode(204)
  async markRead(@CurrentActor() actor: Actor, @Body() body: MarkReadDto): Promise<void> {
    await this.notifications.markRead(actor, body.ids);
  }
}
