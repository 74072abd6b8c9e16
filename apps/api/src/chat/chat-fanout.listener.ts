import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContentEntity, type UserEntity } from '@asclepia/database';
import { DataSource } from 'typeorm';
import { USER_ACCESS_CHANGED, type UserAccessChangedEvent } from '../auth/session-events';
import { CONTENT_CHANGED, type ContentChangedEvent } from '../content/content.service';
import { CHAT_MEMBER_REMOVED, CHAT_MESSAGE_STORED, type ChatMemberRemovedEvent, type ChatMessageStoredEvent } from './chat.events';
import { ChatSockets } from './chat-sockets';
import { ChatMessageMapper } from './dto/message.dto';

/**
 * Domain events → sockets (STYLE.md rule 6). Only published, redacted messages are ever emitted to a
 * room, mapped for an anonymous viewer (no moderation outcome, no client key).
 */
@Injectable()
export class ChatFanoutListener {
  private readonly logger = new Logger(ChatFanoutListener.name);

  constructor(
    private readonly sockets: ChatSockets,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @OnEvent(CHAT_MESSAGE_STORED)
  onStored(event: ChatMessageStoredEvent): void {
    if (event.message.status === 'published') this.sockets.toRoom(event.roomId, 'message:new', event.message);
    if (event.crisis) this.sockets.toModerators('alert', { type: 'crisis', roomId: event.roomId, message: event.message });
  }

  /** Edits, removals and moderators' decisions on chat messages. */
  @OnEvent(CONTENT_CHANGED)
  async onContentChanged(event: ContentChangedEvent): Promise<void> {
    if (event.kind !== 'message') return;
    try {
      const row = await this.dataSource.getRepository(ContentEntity).findOne({ where: { id: event.id }, relations: { author: true } });
      if (!row?.roomId) return;
      const wasShown = event.from === 'published';
      const isShown = row.status === 'published';
      if (isShown && !wasShown) this.sockets.toRoom(row.roomId, 'message:new', ChatMessageMapper.toDto(row, row.author as UserEntity, null));
      else if (isShown && event.edited) this.sockets.toRoom(row.roomId, 'message:updated', ChatMessageMapper.toDto(row, row.author as UserEntity, null));
      else if (!isShown && wasShown) this.sockets.toRoom(row.roomId, 'message:removed', { id: row.id, roomId: row.roomId });
    } catch (error) {
      this.logger.error(`chat fan-out of ${event.id} failed: ${(error as Error).message}`);
    }
  }

  @OnEvent(CHAT_MEMBER_REMOVED)
  onMemberRemoved(event: ChatMemberRemovedEvent): void {
    this.sockets.leave(event.userId, event.roomId);
    void this.sockets.announcePresence(event.roomId);
  }

  @OnEvent(USER_ACCESS_CHANGED)
  onAccessChanged(event: UserAccessChangedEvent): void {
    this.sockets.disconnectUser(event.userId);
  }
}
