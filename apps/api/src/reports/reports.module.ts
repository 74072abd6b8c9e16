import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Readers' reports: each one reaches the moderation queue; enough of them hold the content. */
@Module({
  imports: [ContentModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
