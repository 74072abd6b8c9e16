import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { isStaff } from '../access/access-policy';
import { localeOf } from '../common/http/locale.decorator';
import { ChatMessagesService } from './chat-messages.service';
import { ChatRoomsService } from './chat-rooms.service';
import { ChatSessionsService, type ChatSocketData } from './chat-sessions.service';
import { ChatSockets, MODERATORS, roomKey, userKey } from './chat-sockets';
import { RoomRefDto, SendMessageDto } from './dto/message.dto';
import { ChatError, refusal, validated, type Ack } from './ws-ack';

type ChatSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, ChatSocketData>;

/** How often open sockets are checked against the users table (suspension, role change, token expiry). */
const SESSION_SWEEP_MS = 5000;

/**
 * The `/chat` namespace (API.md "Live chat"). It only adapts: it authenticates the handshake, checks
 * each payload, calls one service and acknowledges `{ok: true, …}` or `{ok: false, error}`. No
 * handler throws to the client; events without a handler are ignored by Socket.IO.
 */
@WebSocketGateway({ namespace: '/chat', maxHttpBufferSize: 64 * 1024 })
export class ChatGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(ChatGateway.name);
  private sweep?: NodeJS.Timeout;

  @WebSocketServer() server!: Namespace;

  constructor(
    private readonly sessions: ChatSessionsService,
    private readonly rooms: ChatRoomsService,
    private readonly messages: ChatMessagesService,
    private readonly sockets: ChatSockets,
  ) {}

  afterInit(ns: Namespace): void {
    this.sockets.attach(ns);
    // Only the handshake's `auth` payload is read: a token in the query string would end up in logs.
    ns.use((socket, next) => {
      const auth: unknown = socket.handshake.auth;
      const token = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
      this.sessions.authenticate(token, localeOf(socket.handshake.headers['accept-language'])).then(
        (data) => {
          socket.data = data;
          next();
        },
        (error: unknown) => next(new Error(error instanceof ChatError && error.message === 'suspended' ? 'suspended' : 'unauthorized')),
      );
    });
    this.sweep = setInterval(() => void this.endStaleSessions(), SESSION_SWEEP_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweep);
  }

  async handleConnection(socket: ChatSocket): Promise<void> {
    await socket.join(userKey(socket.data.userId));
    if (isStaff({ id: socket.data.userId, role: socket.data.role, verified: socket.data.verified, mutedUntil: null })) await socket.join(MODERATORS);
    socket.on('disconnecting', () => {
      const rooms = [...socket.rooms].filter((r) => r.startsWith('room:')).map((r) => r.slice('room:'.length));
      // After the socket has left them, so it is not counted.
      setImmediate(() => rooms.forEach((id) => void this.sockets.announcePresence(id)));
    });
  }

  handleDisconnect(): void {
    // presence is announced from 'disconnecting', where the socket's rooms are still known
  }

  @SubscribeMessage('room:join')
  join(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return this.ack(socket, async () => {
      const { roomId } = validated(RoomRefDto, payload);
      const { actor } = await this.sessions.current(socket.data);
      await this.rooms.join(actor, roomId);
      await socket.join(roomKey(roomId));
      void this.sockets.announcePresence(roomId);
      return {};
    });
  }

  @SubscribeMessage('room:leave')
  leave(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return this.ack(socket, async () => {
      const { roomId } = validated(RoomRefDto, payload);
      if (socket.rooms.has(roomKey(roomId))) {
        await socket.leave(roomKey(roomId));
        void this.sockets.announcePresence(roomId);
      }
      return {};
    });
  }

  @SubscribeMessage('message:send')
  send(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return this.ack(socket, async () => {
      const dto = validated(SendMessageDto, payload);
      if (!socket.rooms.has(roomKey(dto.roomId))) throw new ChatError('not_joined', 'Join the room before sending to it');
      return { message: await this.messages.send(socket.data, dto) };
    });
  }

  @SubscribeMessage('typing')
  typing(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return this.ack(socket, () => {
      const { roomId } = validated(RoomRefDto, payload);
      if (!socket.rooms.has(roomKey(roomId))) throw new ChatError('not_joined', 'Join the room first');
      const { userId: id, handle, role, verified, specialty } = socket.data;
      socket.to(roomKey(roomId)).emit('typing', { roomId, user: { id, handle, role, verified, specialty } });
      return Promise.resolve({});
    });
  }

  /** Runs a handler and turns its outcome into an acknowledgement; a dead session also disconnects. */
  private async ack(socket: ChatSocket, handler: () => Promise<object>): Promise<Ack> {
    try {
      return { ok: true, ...(await handler()) };
    } catch (error) {
      const answer = refusal(error);
      if (answer.error === 'internal') this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      if (answer.error === 'unauthorized' || (error instanceof ChatError && error.message === 'suspended')) setImmediate(() => socket.disconnect(true));
      return answer;
    }
  }

  /** Ends this process's sessions whose user was suspended, lost a role, or whose token expired. */
  private async endStaleSessions(): Promise<void> {
    try {
      const local = ([...this.server.sockets.values()] as ChatSocket[]).filter((s) => Boolean(s.data?.userId));
      const ended = await this.sessions.expired(local.map((s) => s.data));
      local.forEach((socket, i) => ended[i] && socket.disconnect(true));
    } catch (error) {
      this.logger.warn(`session sweep failed: ${(error as Error).message}`);
    }
  }
}
