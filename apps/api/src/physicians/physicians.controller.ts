import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import {
  ApplicationStatusDto,
  ApplyForVerificationDto,
  DecisionDto,
  RejectDto,
  VerificationDto,
  VerificationListQueryDto,
  VerificationPageDto,
} from './dto/verification.dto';
import { PhysiciansService } from './physicians.service';

@ApiTags('physicians')
@ApiBearerAuth()
@Controller()
export class PhysiciansController {
  constructor(private readonly physicians: PhysiciansService) {}

  @Post('physicians/verification')
  apply(@CurrentActor() actor: Actor, @Body() body: ApplyForVerificationDto): Promise<ApplicationStatusDto> {
    return this.physicians.apply(actor, body);
  }

  @Get('moderation/verifications')
  list(@CurrentActor() actor: Actor, @Query() query: VerificationListQueryDto): Promise<VerificationPageDto> {
    return this.physicians.list(actor, query.status, query.limit, query.cursor);
  }

  @Post('moderation/verifications/:id/approve')
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecisionDto): Promise<VerificationDto> {
    return this.physicians.decide(actor, id, { kind: 'approve', reason: body.reason });
  }

  @Post('moderation/verifications/:id/reject')
  @HttpCode(200)
  reject(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RejectDto): Promise<VerificationDto> {
    return this.physicians.decide(actor, id, { kind: 'reject', reason: body.reason });
  }
}
