import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Actor } from '../access/access-policy';
import { PageQueryDto } from '../common/http/page-query.dto';
import { AuditService } from './audit.service';
import { AuditPageDto } from './dto/audit-entry.dto';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<AuditPageDto> {
    return this.audit.list(actor, query.limit, query.cursor);
  }
}
