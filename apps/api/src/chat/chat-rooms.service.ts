import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChatRoomEntity, ChatRoomMemberEntity, ContentEntity, UserEntity } from '@asclepia/database';
import type { Locale } from '@asclepia/moderation';
import { DataSource, EntityManager } from 'typeorm';
import { assertCan, can, isStaff, type Actor, type RoomResource } from '../access/access-policy';
import { CURSOR_TIMESTAMP_SQL, TimeCursor } from '../common/http/time-cursor';
import { ContentService } from '../content/content.service';
import { CHAT_MEMBER_REMOVED, type ChatMemberRemovedEvent } from './chat.events';
import { ChatMessageMapper, type MessagePageDto } from './dto/message.dto';
import { RoomMapper, type AddMemberDto, type CreateRoomDto, type MemberDto, type MuteMemberDto, type RoomDto, type RoomPageDto, type UpdateRoomDto } from './dto/room.dto';

/** A room with the actor's membership, as the policy and the chat services need it. */
export interface RoomAccess {
  room: ChatRoomEntity;
  member: ChatRoomMemberEntity | null;
  resource: RoomResource;
}

/** Rooms, their members, mutes and slow mode, and their history. */
@Injectable()
export class ChatRoomsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * The creator owns the room. The name is user text others read, so it goes through the pipeline's
   * privacy redaction too; a name the pipeline would hold or reject is refused (there is no queue for names).
   */
  async create(actor: Actor, dto: CreateRoomDto, locale: Locale): Promise<RoomDto> {
    assertCan(actor, 'room.create');
    if (dto.hosted) {
      assertCan(actor, 'room.host');
      if (dto.visibility !== 'public') throw new BadRequestException('A hosted room is public');
    }
    const review = this.content.review(actor, 'message', { body: dto.name }, locale);
    if (review.action !== 'publish') {
      throw new BadRequestException(`This room name cannot be used: ${review.reasons.map((r) => r.message).join('; ')}`);
    }
    return this.dataSource.transaction(async (m) => {
      const rooms = m.getRepository(ChatRoomEntity);
      const room = await rooms.save(rooms.create({ name: review.body, visibility: dto.visibility, hosted: dto.hosted ?? false, ownerId: actor.id, slowModeSeconds: 0 }));
      await m.insert(ChatRoomMemberEntity, { roomId: room.id, userId: actor.id, role: 'owner', mutedUntil: null });
      return RoomMapper.toDto(room, await m.findOneByOrFail(UserEntity, { id: actor.id }));
    });
  }

  /** Public rooms, the rooms the actor belongs to, and for moderators every room; newest first. */
  async list(actor: Actor, limit: number, cursor?: string): Promise<RoomPageDto> {
    const before = cursor ? TimeCursor.decode(cursor) : undefined;
    const query = this.dataSource
      .getRepository(ChatRoomEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.owner', 'owner')
      .addSelect(CURSOR_TIMESTAMP_SQL('r.created_at'), 'cursor_created_at')
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1);
    if (!isStaff(actor)) {
      query.where(`(r.visibility = 'public' OR EXISTS (SELECT 1 FROM chat_room_members cm WHERE cm.room_id = r.id AND cm.user_id = :me))`, { me: actor.id });
    }
    if (before) query.andWhere('(r.created_at, r.id) < (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', before);
    const { entities, raw } = await query.getRawAndEntities<{ r_id: string; cursor_created_at: string }>();
    const page = entities.slice(0, limit);
    const last = page[page.length - 1];
    const lastKey = last && raw.find((r) => r.r_id === last.id);
    return {
      items: page.map((room) => RoomMapper.toDto(room, room.owner as UserEntity)),
      nextCursor: entities.length > limit && lastKey ? TimeCursor.encode({ createdAt: lastKey.cursor_created_at, id: last.id }) : null,
    };
  }

  /** A room the actor may not read is "not found" (API.md), so a private room's existence does not leak. */
  async access(actor: Actor, roomId: string, m: EntityManager = this.dataSource.manager): Promise<RoomAccess> {
    const room = await m.findOne(ChatRoomEntity, { where: { id: roomId } });
    const member = room ? await m.findOne(ChatRoomMemberEntity, { where: { roomId, userId: actor.id } }) : null;
    return ChatRoomsService.accessOf(actor, room, member);
  }

  /** The same decision as `access` for a room and membership already read (e.g. in one query with other rows). */
  static accessOf(actor: Actor, room: ChatRoomEntity | null, member: ChatRoomMemberEntity | null): RoomAccess {
    if (!room) throw new NotFoundException('Room not found');
    const resource: RoomResource = { authorId: room.ownerId, visibility: room.visibility, member: member !== null };
    if (!can(actor, 'room.read', resource)) throw new NotFoundException('Room not found');
    return { room, member, resource };
  }

  /** Whether the actor may be in the room's socket room: private rooms admit members only. */
  async join(actor: Actor, roomId: string): Promise<void> {
    const { resource } = await this.access(actor, roomId);
    assertCan(actor, 'room.read', resource);
  }

  async addMember(actor: Actor, roomId: string, dto: AddMemberDto): Promise<MemberDto> {
    return this.dataSource.transaction(async (m) => {
      const { resource } = await this.access(actor, roomId, m);
      assertCan(actor, 'room.manage', resource);
      if (!(await m.existsBy(UserEntity, { id: dto.userId }))) throw new NotFoundException('User not found');
      await m.createQueryBuilder().insert().into(ChatRoomMemberEntity).values({ roomId, userId: dto.userId, role: 'member', mutedUntil: null }).orIgnore().execute();
      return RoomMapper.toMember(await m.findOneByOrFail(ChatRoomMemberEntity, { roomId, userId: dto.userId }));
    });
  }

  /** Takes effect at once: the member's open sockets leave the room (via CHAT_MEMBER_REMOVED). */
  async removeMember(actor: Actor, roomId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const { room, resource } = await this.access(actor, roomId, m);
      assertCan(actor, 'room.manage', resource);
      if (userId === room.ownerId) throw new ConflictException('The owner cannot be removed from their room');
      const { affected } = await m.delete(ChatRoomMemberEntity, { roomId, userId });
      if (!affected) throw new NotFoundException('Member not found');
    });
    const event: ChatMemberRemovedEvent = { roomId, userId };
    this.events.emit(CHAT_MEMBER_REMOVED, event);
  }

  async update(actor: Actor, roomId: string, dto: UpdateRoomDto): Promise<RoomDto> {
    const { room, resource } = await this.access(actor, roomId);
    assertCan(actor, 'room.manage', resource);
    await this.dataSource.getRepository(ChatRoomEntity).update({ id: room.id }, { slowModeSeconds: dto.slowModeSeconds });
    room.slowModeSeconds = dto.slowModeSeconds;
    return RoomMapper.toDto(room, await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: room.ownerId }));
  }

  /**
   * A room-level mute: the user may read but not send here until it ends. In a public room the mute
   * creates a member row to hold it; in a private room only members can be muted.
   */
  async mute(actor: Actor, roomId: string, dto: MuteMemberDto): Promise<MemberDto> {
    return this.dataSource.transaction(async (m) => {
      const { room, resource } = await this.access(actor, roomId, m);
      assertCan(actor, 'room.manage', resource);
      if (dto.userId === room.ownerId) throw new ConflictException('The owner cannot be muted in their room');
      const mutedUntil = dto.minutes > 0 ? new Date(Date.now() + dto.minutes * 60_000) : null;
      const existing = await m.findOne(ChatRoomMemberEntity, { where: { roomId, userId: dto.userId }, lock: { mode: 'pessimistic_write' } });
      if (existing) {
        existing.mutedUntil = mutedUntil;
        return RoomMapper.toMember(await m.save(existing));
      }
      if (room.visibility === 'private') throw new NotFoundException('Member not found');
      if (!(await m.existsBy(UserEntity, { id: dto.userId }))) throw new NotFoundException('User not found');
      return RoomMapper.toMember(await m.save(m.create(ChatRoomMemberEntity, { roomId, userId: dto.userId, role: 'member', mutedUntil })));
    });
  }

  /** Published messages only, newest first, keyset on (created_at, id). */
  async history(actor: Actor, roomId: string, limit: number, cursor?: string): Promise<MessagePageDto> {
    const before = cursor ? TimeCursor.decode(cursor) : undefined;
    await this.access(actor, roomId);
    const query = this.dataSource
      .getRepository(ContentEntity)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.author', 'author')
      .addSelect(CURSOR_TIMESTAMP_SQL('c.created_at'), 'cursor_created_at')
      .where(`c.room_id = :roomId AND c.status = 'published'`, { roomId })
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1);
    if (before) query.andWhere('(c.created_at, c.id) < (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', before);
    const { entities, raw } = await query.getRawAndEntities<{ c_id: string; cursor_created_at: string }>();
    const page = entities.slice(0, limit);
    const last = page[page.length - 1];
    const lastKey = last && raw.find((r) => r.c_id === last.id);
    return {
      items: page.map((row) => ChatMessageMapper.toDto(row, row.author as UserEntity, actor)),
      nextCursor: entities.length > limit && lastKey ? TimeCursor.encode({ createdAt: lastKey.cursor_created_at, id: last.id }) : null,
    };
  }
}
