import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { PageQueryDto } from '../common/http/page-query.dto';
import { CreateSanctionDto, SanctionDto, SanctionPageDto } from './dto/sanction.dto';
import { SanctionsService } from './sanctions.service';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation')
export class SanctionsController {
  constructor(private readonly sanctions: SanctionsService) {}

  @Post('users/:id/sanctions')
  create(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateSanctionDto): Promise<SanctionDto> {
    return this.sanctions.create(actor, id, body);
  }

  @Get('users/:id/sanctions')
  list(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQueryDto): Promise<SanctionPageDto> {
    return this.sanctions.list(actor, id, query.limit, query.cursor);
  }

  @Post('sanctions/:id/revoke')
  @HttpCode(200)
  revoke(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<SanctionDto> {
    return this.sanctions.revoke(actor, id);
  }
}
