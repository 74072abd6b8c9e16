import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChatRoomEntity, ChatRoomMemberEntity, ContentEntity, UserEntity } from '@asclepia/database';
import type { Locale } from '@asclepia/moderation';
import { DataSource, In } from 'typeorm';
import { assertCan, isStaff, type Actor } from '../access/access-policy';
import { AppConfig } from '../config/app-config';
import { ContentService, type ReviewedContent } from '../content/content.service';
import { queryPrepared } from '../content/prepared-query';
import { Batcher } from './batcher';
import { CHAT_MESSAGE_STORED, type ChatMessageStoredEvent } from './chat.events';
import { ChatRoomsService } from './chat-rooms.service';
import { ChatSessionsService, type ChatSocketData } from './chat-sessions.service';
import { ChatMessageMapper, type ChatMessageDto, type EditMessageDto, type SendMessageDto } from './dto/message.dto';
import { LocalRateLimit, SharedRateLimit, type ChatRateLimit } from './rate-limiter';
import { ChatError } from './ws-ack';

/** Findings that make the pipeline raise a message's priority: moderators hear of them at once. */
const CRISIS_KINDS = new Set(['safety.self_harm', 'safety.emergency']);

/** Per user: 5 messages in any 5 seconds (off with RATE_LIMIT=off, e.g. for benchmarks). */
export const CHAT_RATE = { limit: 5, windowMs: 5000 } as const;

/** The most sends one batch takes (one JSON parameter and one statement for all of them). */
const MAX_BATCH = 100;
/**
 * One batch in flight at a time. Two (the next batch's round trips overlapping this one's fan-out)
 * did not measure better: batches get smaller, and each costs PostgreSQL a statement and a commit.
 */
const BATCHES_IN_FLIGHT = 1;

interface Send {
  session: ChatSocketData;
  dto: SendMessageDto;
}

/** What the database says about one send, read for the whole batch in one query (sendContexts). */
interface SendContext {
  user: UserEntity | null;
  room: ChatRoomEntity | null;
  member: ChatRoomMemberEntity | null;
  /** The sender's earlier message with this clientMsgId. */
  earlier: ContentEntity | null;
  /** Seconds the sender must still wait under the room's slow mode (from their last message in it). */
  slowModeWait: number | null;
}

/** A send that passed every check, with its author and the pipeline's verdict, waiting to be written. */
interface Admitted {
  index: number;
  author: UserEntity;
  actor: Actor;
  reviewed: ReviewedContent;
}

/**
 * Chat messages are content: every one goes through ContentService's pipeline path, like posts, so it
 * is redacted (and possibly held) before anything is emitted.
 *
 * Sends are batched (docs/benchmarks-chat.md "How a message is stored"): the sends that arrive while a
 * batch is in flight form the next one (Batcher: no timer, so a lone message waits for nothing). Per
 * batch there are two round trips to PostgreSQL whatever its size — one query reads every sender,
 * room, membership, earlier clientMsgId and slow-mode wait, and one statement writes every admitted
 * message — and each message is still checked, reviewed and answered on its own: one refused or
 * failing message does not fail the others.
 */
@Injectable()
export class ChatMessagesService {
  private readonly logger = new Logger(ChatMessagesService.name);
  /** Null with RATE_LIMIT=off; shared by every process through Redis with REDIS_URL. */
  private readonly rateLimit: ChatRateLimit | null;
  /** CHAT_COMMIT: published messages commit without waiting for the disk (README "Chat messages and durability"). */
  private readonly asyncCommit: boolean;
  // One message per (sender, clientMsgId) per batch: a re-send waits for the next batch and finds the first.
  private readonly batcher = new Batcher<Send, ChatMessageDto>((sends) => this.sendBatch(sends), {
    maxSize: MAX_BATCH,
    concurrency: BATCHES_IN_FLIGHT,
    keyOf: ({ session, dto }) => clientKey(session.userId, dto.clientMsgId),
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly events: EventEmitter2,
    config: AppConfig,
  ) {
    this.asyncCommit = config.CHAT_COMMIT === 'async';
    const { limit, windowMs } = CHAT_RATE;
    if (config.RATE_LIMIT === 'off') this.rateLimit = null;
    else this.rateLimit = config.REDIS_URL ? new SharedRateLimit(config.REDIS_URL, limit, windowMs) : new LocalRateLimit(limit, windowMs);
  }

  onModuleDestroy(): void {
    this.rateLimit?.close();
  }

  /**
   * Stores the message and answers with it as its author sees it (with the moderation outcome).
   * A retry with the same clientMsgId answers the first result and stores nothing.
   */
  send(session: ChatSocketData, dto: SendMessageDto): Promise<ChatMessageDto> {
    return this.batcher.submit({ session, dto });
  }

  /** One batch of sends: read, check each, write the admitted ones at once, then announce and answer each. */
  private async sendBatch(sends: Send[]): Promise<Array<PromiseSettledResult<ChatMessageDto>>> {
    const contexts = await this.sendContexts(sends);
    // One question to the rate limit for the batch; a re-send answered with its first result is not counted.
    const withinLimit = this.rateLimit ? await this.rateLimit.take(sends.map((send, i) => (contexts[i].earlier ? null : send.session.userId))) : null;
    const results: Array<PromiseSettledResult<ChatMessageDto>> = [];
    const admitted: Admitted[] = [];
    // Slow mode within the batch: a second message of one sender to one room waits like any other.
    const posted = new Set<string>();
    sends.forEach((send, index) => {
      try {
        const outcome = this.admit(send, contexts[index], withinLimit?.[index] ?? true, posted);
        if ('answer' in outcome) results[index] = { status: 'fulfilled', value: outcome.answer };
        else admitted.push({ index, ...outcome });
      } catch (error) {
        results[index] = { status: 'rejected', reason: error };
      }
    });

    const stored = await this.store(admitted.map((a) => a.reviewed));
    const announcements: Array<[ContentEntity, UserEntity]> = [];
    admitted.forEach(({ index, author, actor }, i) => {
      const result = stored[i];
      if (result.status === 'rejected') {
        results[index] = result;
        return;
      }
      const { row, fresh } = result.value;
      if (fresh) announcements.push([row, author]);
      results[index] = { status: 'fulfilled', value: ChatMessageMapper.toDto(row, author, actor) };
    });
    // The fan-out (about 0.7 ms of socket writes per message to a room of 50) runs on the next turn:
    // by then the batcher has started the next batch, whose read is on its way to PostgreSQL, so the
    // two overlap instead of adding up in every batch's cycle. Batches finish in order, so rooms
    // still hear messages in the order they were stored.
    if (announcements.length > 0) setImmediate(() => announcements.forEach(([row, author]) => this.announce(row, author)));
    return results;
  }

  /**
   * Writes the admitted messages at once (ContentService.insertMessages). A message whose key a
   * concurrent send took (on another process) gets that send's row, which is not announced again.
   * A failure here fails only the messages being written, not the refusals and retries of the batch.
   */
  private async store(entries: ReviewedContent[]): Promise<Array<PromiseSettledResult<{ row: ContentEntity; fresh: boolean }>>> {
    try {
      const written = await this.content.insertMessages(entries, { asyncCommit: this.asyncCommit });
      const raced = await this.byClientKeys(entries.filter((_, i) => isSkipped(written[i])));
      return written.map((result, i) => {
        if (result.status === 'rejected') return result;
        if (result.value) return { status: 'fulfilled', value: { row: result.value, fresh: true } };
        const winner = raced.get(clientKey(entries[i].actor.id, entries[i].input.clientMsgId as string));
        return winner ? { status: 'fulfilled', value: { row: winner, fresh: false } } : { status: 'rejected', reason: new Error('a clientMsgId was taken, but its message is gone') };
      });
    } catch (error) {
      return entries.map(() => ({ status: 'rejected', reason: error }));
    }
  }

  /**
   * Every rule of a send, in order, on the rows read for it: the session and the user as they are now
   * (a mute or suspension counts at once), an earlier message with the key (answered as is, and not
   * counted by the rate limit), the rate limit, the room's access and posting policy, a mute in the
   * room, slow mode; then the pipeline.
   */
  private admit({ session, dto }: Send, found: SendContext, withinLimit: boolean, posted: Set<string>): { answer: ChatMessageDto } | Omit<Admitted, 'index'> {
    const { actor, user: author } = ChatSessionsService.check(session, found.user);
    if (found.earlier) return { answer: ChatMessageMapper.toDto(found.earlier, author, actor) };
    if (!withinLimit) {
      throw new ChatError('rate_limited', `At most ${CHAT_RATE.limit} messages in ${CHAT_RATE.windowMs / 1000} seconds`);
    }

    const { room, member, resource } = ChatRoomsService.accessOf(actor, found.room, found.member);
    assertCan(actor, 'room.post', resource);
    if (member?.mutedUntil && member.mutedUntil > new Date()) throw new ChatError('muted', `You are muted in this room until ${member.mutedUntil.toISOString()}`);
    if (room.slowModeSeconds > 0 && room.ownerId !== actor.id && !isStaff(actor)) {
      const key = `${actor.id}/${room.id}`;
      const wait = posted.has(key) ? room.slowModeSeconds : found.slowModeWait;
      if (wait !== null && wait > 0) throw new ChatError('slow_mode', `Slow mode: wait ${wait} s before your next message`);
      posted.add(key);
    }
    const reviewed = this.content.prepare(actor, { kind: 'message', body: dto.body, locale: session.locale, roomId: room.id, clientMsgId: dto.clientMsgId });
    return { author, actor, reviewed };
  }

  /** The room hears of a published message, moderators of a crisis (ChatFanoutListener). The message is stored: a failure here must not fail its ack. */
  private announce(row: ContentEntity, author: UserEntity): void {
    try {
      const event: ChatMessageStoredEvent = {
        roomId: row.roomId as string,
        message: ChatMessageMapper.toDto(row, author, null),
        crisis: row.moderation.reasons.some((r) => CRISIS_KINDS.has(r.kind)),
      };
      this.events.emit(CHAT_MESSAGE_STORED, event);
    } catch (error) {
      this.logger.error(`announcing message ${row.id} failed: ${(error as Error).message}`);
    }
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

  /**
   * For each send, in order: the sender (only the columns the checks and the message's author line
   * need), the room, the sender's membership, their earlier message with this key and, where the
   * room has slow mode, how long they must still wait. One query for the whole batch; plain SQL and
   * prepared, because building and hydrating four joined entities per message, and planning the
   * query each time, cost more than running it.
   */
  private async sendContexts(sends: readonly Send[]): Promise<SendContext[]> {
    const rows = await queryPrepared<ContextRow>(this.dataSource, 'chat-send-context', SEND_CONTEXT_SQL, [
      sends.map((s) => s.session.userId),
      sends.map((s) => s.dto.roomId),
      sends.map((s) => s.dto.clientMsgId),
    ]);
    const earlierIds = rows.map((r) => r.earlier_id).filter((id): id is string => id !== null);
    const earlier = earlierIds.length > 0 ? await this.dataSource.getRepository(ContentEntity).findBy({ id: In(earlierIds) }) : [];
    const earlierById = new Map(earlier.map((row) => [row.id, row]));
    return rows.map((r) => ({
      user: r.user_id === null ? null : Object.assign(new UserEntity(), {
        id: r.user_id,
        handle: r.handle,
        role: r.role,
        verifiedAt: r.verified_at,
        specialty: r.specialty,
        mutedUntil: r.user_muted_until,
        suspendedUntil: r.suspended_until,
      }),
      room: r.room_id === null ? null : Object.assign(new ChatRoomEntity(), {
        id: r.room_id,
        name: r.room_name,
        visibility: r.visibility,
        hosted: r.hosted,
        ownerId: r.owner_id,
        slowModeSeconds: r.slow_mode_seconds,
        createdAt: r.room_created_at,
      }),
      member: r.member_role === null ? null : Object.assign(new ChatRoomMemberEntity(), {
        roomId: r.room_id,
        userId: r.user_id,
        role: r.member_role,
        mutedUntil: r.member_muted_until,
        createdAt: r.member_created_at,
      }),
      earlier: r.earlier_id === null ? null : (earlierById.get(r.earlier_id) ?? null),
      slowModeWait: r.slow_mode_wait,
    }));
  }

  /** The messages that hold these senders' keys, by clientKey. */
  private async byClientKeys(entries: ReadonlyArray<ReviewedContent>): Promise<Map<string, ContentEntity>> {
    if (entries.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(ContentEntity)
      .find({ where: entries.map(({ actor, input }) => ({ authorId: actor.id, clientMsgId: input.clientMsgId as string, kind: 'message' as const })) });
    return new Map(rows.map((row) => [clientKey(row.authorId, row.clientMsgId as string), row]));
  }
}

interface ContextRow {
  user_id: string | null;
  handle: string;
  role: UserEntity['role'];
  verified_at: Date | null;
  specialty: string | null;
  user_muted_until: Date | null;
  suspended_until: Date | null;
  room_id: string | null;
  room_name: string;
  visibility: ChatRoomEntity['visibility'];
  hosted: boolean;
  owner_id: string;
  slow_mode_seconds: number;
  room_created_at: Date;
  member_role: ChatRoomMemberEntity['role'] | null;
  member_muted_until: Date | null;
  member_created_at: Date;
  earlier_id: string | null;
  slow_mode_wait: number | null;
}

/**
 * One row per send, in the order given ($1 senders, $2 rooms, $3 keys). Slow mode is checked in the
 * database, not in memory, so it holds however many processes the member's sockets reach; the last
 * message is looked up only in rooms that have slow mode. The earlier message is a LATERAL lookup so
 * that it is always one probe of uq_content_client_msg per send: as a plain join, once the table held
 * a million questions the planner walked the whole index for every send (10–60 ms a batch, measured).
 */
const SEND_CONTEXT_SQL = `
SELECT u.id AS user_id, u.handle, u.role, u.verified_at, u.specialty, u.muted_until AS user_muted_until, u.suspended_until,
       r.id AS room_id, r.name AS room_name, r.visibility, r.hosted, r.owner_id, r.slow_mode_seconds, r.created_at AS room_created_at,
       m.role AS member_role, m.muted_until AS member_muted_until, m.created_at AS member_created_at,
       e.id AS earlier_id, last.wait AS slow_mode_wait
  FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) WITH ORDINALITY AS s(user_id, room_id, client_msg_id, pos)
  LEFT JOIN users u ON u.id = s.user_id
  LEFT JOIN chat_rooms r ON r.id = s.room_id
  LEFT JOIN chat_room_members m ON m.room_id = s.room_id AND m.user_id = s.user_id
  LEFT JOIN LATERAL (
    SELECT e.id FROM content e
     WHERE e.author_id = s.user_id AND e.client_msg_id = s.client_msg_id AND e.kind = 'message'
     LIMIT 1
  ) e ON true
  LEFT JOIN LATERAL (
    SELECT ceil(extract(epoch FROM (c.created_at + make_interval(secs => r.slow_mode_seconds)) - now()))::int AS wait
      FROM content c
     WHERE r.slow_mode_seconds > 0 AND c.room_id = s.room_id AND c.author_id = s.user_id
     ORDER BY c.created_at DESC LIMIT 1
  ) last ON true
 ORDER BY s.pos`;

const isSkipped = (result: PromiseSettledResult<ContentEntity | null>) => result.status === 'fulfilled' && result.value === null;
/** One sender's clientMsgId: what makes a re-send the same message. */
const clientKey = (authorId: string, clientMsgId: string) => `${authorId}/${clientMsgId}`;
