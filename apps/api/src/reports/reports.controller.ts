import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CreateReportDto, ReportDto } from './dto/report.dto';
import { ReportsService } from './reports.service';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateReportDto): Promise<ReportDto> {
    return this.reports.report(actor, body);
  }
}
