import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@asclepia/moderation';
import type { Actor } from '../access/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequestLocale } from '../common/http/locale.decorator';
import { ChatMessagesService } from './chat-messages.service';
import { ChatMessageDto, EditMessageDto } from './dto/message.dto';

@ApiTags('chat')
@ApiBearerAuth()
@Controller('chat/messages')
export class ChatMessagesController {
  constructor(private readonly messages: ChatMessagesService) {}

  @Patch(':id')
  edit(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: EditMessageDto, @RequestLocale() locale: Locale): Promise<ChatMessageDto> {
    return this.messages.edit(actor, id, body, locale);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.messages.remove(actor, id);
  }
}
