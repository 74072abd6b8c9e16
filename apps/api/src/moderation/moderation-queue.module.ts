import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ContentOriginalsController } from './content-originals.controller';
import { ContentOriginalsService } from './content-originals.service';
import { ModerationQueueController } from './moderation-queue.controller';
import { ModerationQueueService } from './moderation-queue.service';
import { RetentionService } from './retention.service';
import { SanctionsController } from './sanctions.controller';
import { SanctionsService } from './sanctions.service';

/** What moderators do: the review queue and its decisions, sanctions, and the originals' retention. */
@Module({
  imports: [ContentModule, NotificationsModule],
  controllers: [ModerationQueueController, ContentOriginalsController, SanctionsController],
  providers: [ModerationQueueService, ContentOriginalsService, SanctionsService, RetentionService],
  exports: [RetentionService],
})
export class ModerationQueueModule {}
