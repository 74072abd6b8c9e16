import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChatRoomEntity, ChatRoomMemberEntity, ContentEntity, UserEntity } from '@asclepia/database';
import type { Locale } from '@asclepia/moderation';
import { DataSource, QueryFailedError } from 'typeorm';
import { assertCan, isStaff, type Actor } from '../access/access-policy';
import { AppConfig } from '../config/app-config';
import { ContentService } from '../content/content.service';
import { CHAT_MESSAGE_STORED, type ChatMessageStoredEvent } from './chat.events';
import { ChatRoomsService } from './chat-rooms.service';
import { ChatSessionsService, type ChatSocketData } from './chat-sessions.service';
import { ChatMessageMapper, type ChatMessageDto, type EditMessageDto, type SendMessageDto } from './dto/message.dto';
import { SlidingWindowLimiter } from './rate-limiter';
import { ChatError } from './ws-ack';

const PG_UNIQUE_VIOLATION = '23505';
/** Findings that make the pipeline raise a message's priority: moderators hear of them at once. */
const CRISIS_KINDS = new Set(['safety.self_harm', 'safety.emergency']);

/** Per user: 5 messages in any 5 seconds (off with RATE_LIMIT=off, e.g. for benchmarks). */
export const CHAT_RATE = { limit: 5, windowMs: 5000 } as const;

interface SendContext {
  user: UserEntity;
  room: ChatRoomEntity | null;
  member: ChatRoomMemberEntity | null;
  earlier: ContentEntity | null;
}

/**
 * Chat messages are content: every one goes through ContentService.submit, the same path as posts,
 * so it is redacted (and possibly held) before anything is emitted.
 */
@Injectable()
export class ChatMessagesService {
  private readonly limiter = new SlidingWindowLimiter(CHAT_RATE.limit, CHAT_RATE.windowMs);
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly events: EventEmitter2,
    private readonly config: AppConfig,
  ) {
    this.sweeper = setInterval(() => this.limiter.sweep(), 60_000).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /**
   * Stores the message and answers with it as its author sees it (with the moderation outcome).
   * A retry with the same clientMsgId answers the first result and stores nothing.
   *
   * The user (re-read for every message, so a mute or suspension counts at once), the room, the
   * membership and an earlier message with this clientMsgId come from ONE query: under load each
   * round trip to PostgreSQL costs far more than the query itself (docs/benchmarks-chat.md).
   */
  async send(session: ChatSocketData, dto: SendMessageDto): Promise<ChatMessageDto> {
    const found = await this.sendContext(session.userId, dto.roomId, dto.clientMsgId);
    const { actor, user: author } = ChatSessionsService.check(session, found?.user ?? null);
    if (found?.earlier) return ChatMessageMapper.toDto(found.earlier, author, actor);
    if (this.config.RATE_LIMIT === 'on' && !this.limiter.take(actor.id)) {
      throw new ChatError('rate_limited', `At most ${CHAT_RATE.limit} messages in ${CHAT_RATE.windowMs / 1000} seconds`);
    }

    const { room, member, resource } = ChatRoomsService.accessOf(actor, found?.room ?? null, found?.member ?? null);
    assertCan(actor, 'room.post', resource);
    if (member?.mutedUntil && member.mutedUntil > new Date()) throw new ChatError('muted', `You are muted in this room until ${member.mutedUntil.toISOString()}`);
    if (room.slowModeSeconds > 0 && room.ownerId !== actor.id && !isStaff(actor)) await this.assertSlowMode(actor.id, room.id, room.slowModeSeconds);
    const locale = session.locale;

    let row: ContentEntity;
    try {
      row = await this.content.submit(actor, { kind: 'message', body: dto.body, locale, roomId: room.id, clientMsgId: dto.clientMsgId });
    } catch (error) {
      // Two sends with one key raced: the other committed first, and its result is the answer.
      const winner = isUniqueViolation(error) ? await this.byClientKey(actor.id, dto.clientMsgId) : null;
      if (!winner) throw error;
      return ChatMessageMapper.toDto(winner, author, actor);
    }

    const event: ChatMessageStoredEvent = {
      roomId: room.id,
      message: ChatMessageMapper.toDto(row, author, null),
      crisis: row.moderation.reasons.some((r) => CRISIS_KINDS.has(r.kind)),
    };
    this.events.emit(CHAT_MESSAGE_STORED, event);
    return ChatMessageMapper.toDto(row, author, actor);
  }

  /** An author's edit, through the pipeline again; the room hears of it through `content.changed`. */
  async edit(actor: Actor, id: string, dto: EditMessageDto, locale: Locale): Promise<ChatMessageDto> {
    const row = await this.content.edit(actor, id, ['message'], { body: dto.body, locale });
    return ChatMessageMapper.toDto(row, await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: row.authorId }), actor);
  }

  /** The author withdraws a message, or a moderator removes any; the room hears `message:removed`. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.content.remove(actor, id, ['message']);
  }

  /** The user, the room, the user's membership of it and their earlier message with this key: one round trip. */
  private async sendContext(userId: string, roomId: string, clientMsgId: string): Promise<SendContext | null> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoinAndMapOne('u.__chatRoom', ChatRoomEntity, 'r', 'r.id = :roomId', { roomId })
      .leftJoinAndMapOne('u.__chatMember', ChatRoomMemberEntity, 'm', 'm.roomId = :roomId AND m.userId = u.id', { roomId })
      .leftJoinAndMapOne('u.__chatEarlier', ContentEntity, 'c', `c.authorId = u.id AND c.clientMsgId = :clientMsgId AND c.kind = 'message'`, { clientMsgId })
      .where('u.id = :userId', { userId })
      .getOne();
    if (!user) return null;
    const joined = user as UserEntity & { __chatRoom?: ChatRoomEntity; __chatMember?: ChatRoomMemberEntity; __chatEarlier?: ContentEntity };
    const context: SendContext = { user, room: joined.__chatRoom ?? null, member: joined.__chatMember ?? null, earlier: joined.__chatEarlier ?? null };
    delete joined.__chatRoom;
    delete joined.__chatMember;
    delete joined.__chatEarlier;
    return context;
  }

  private byClientKey(authorId: string, clientMsgId: string): Promise<ContentEntity | null> {
    return this.dataSource.getRepository(ContentEntity).findOne({ where: { authorId, clientMsgId, kind: 'message' } });
  }

  /** In the database, not in memory, so it holds however many processes the member's sockets reach. */
  private async assertSlowMode(authorId: string, roomId: string, seconds: number): Promise<void> {
    const [last] = await this.dataSource.query<Array<{ wait: number }>>(
      `SELECT ceil(extract(epoch FROM (created_at + make_interval(secs => $3)) - now()))::int AS wait
         FROM content WHERE room_id = $1 AND author_id = $2 ORDER BY created_at DESC LIMIT 1`,
      [roomId, authorId, seconds],
    );
    if (last && last.wait > 0) throw new ChatError('slow_mode', `Slow mode: wait ${last.wait} s before your next message`);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code === PG_UNIQUE_VIOLATION;
}
