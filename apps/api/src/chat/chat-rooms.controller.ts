import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@asclepia/moderation';
import type { Actor } from '../access/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequestLocale } from '../common/http/locale.decorator';
import { PageQueryDto } from '../common/http/page-query.dto';
import { ChatRoomsService } from './chat-rooms.service';
import { MessagePageDto } from './dto/message.dto';
import { AddMemberDto, CreateRoomDto, MemberDto, MuteMemberDto, RoomDto, RoomPageDto, UpdateRoomDto } from './dto/room.dto';

const id = () => new ParseUUIDPipe();

@ApiTags('chat')
@ApiBearerAuth()
@Controller('chat/rooms')
export class ChatRoomsController {
  constructor(private readonly rooms: ChatRoomsService) {}

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateRoomDto, @RequestLocale() locale: Locale): Promise<RoomDto> {
    return this.rooms.create(actor, body, locale);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<RoomPageDto> {
    return this.rooms.list(actor, query.limit, query.cursor);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', id()) roomId: string, @Body() body: UpdateRoomDto): Promise<RoomDto> {
    return this.rooms.update(actor, roomId, body);
  }

  @Post(':id/members')
  addMember(@CurrentActor() actor: Actor, @Param('id', id()) roomId: string, @Body() body: AddMemberDto): Promise<MemberDto> {
    return this.rooms.addMember(actor, roomId, body);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  removeMember(@CurrentActor() actor: Actor, @Param('id', id()) roomId: string, @Param('userId', id()) userId: string): Promise<void> {
    return this.rooms.removeMember(actor, roomId, userId);
  }

  @Post(':id/mutes')
  mute(@CurrentActor() actor: Actor, @Param('id', id()) roomId: string, @Body() body: MuteMemberDto): Promise<MemberDto> {
    return this.rooms.mute(actor, roomId, body);
  }

  @Get(':id/messages')
  history(@CurrentActor() actor: Actor, @Param('id', id()) roomId: string, @Query() query: PageQueryDto): Promise<MessagePageDto> {
    return this.rooms.history(actor, roomId, query.limit, query.cursor);
  }
}
