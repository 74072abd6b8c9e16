import { Module } from '@nestjs/common';
import { ModerationModule } from '@asclepia/moderation';
import { AuditModule } from '../audit/audit.module';
import { ContentService } from './content.service';

/** The one content path, shared by questions, forums, moderation and chat. */
@Module({
  imports: [ModerationModule, AuditModule],
  providers: [ContentService],
  exports: [ContentService],
})
export class ContentModule {}
