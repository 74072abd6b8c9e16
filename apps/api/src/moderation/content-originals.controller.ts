import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ContentOriginalsService } from './content-originals.service';
import { QueueTextDto } from './dto/queue-item.dto';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('content')
export class ContentOriginalsController {
  constructor(private readonly originals: ContentOriginalsService) {}

  @Get(':id/original')
  read(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<QueueTextDto> {
    return this.originals.read(actor, id);
  }
}
