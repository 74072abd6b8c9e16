import { Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { ChatSocketData, PresenceUser } from './chat-sessions.service';

export const roomKey = (roomId: string) => `room:${roomId}`;
export const userKey = (userId: string) => `user:${userId}`;
export const MODERATORS = 'moderators';

/** How long a cross-process presence query may wait before falling back to this process's sockets. */
const PRESENCE_TIMEOUT_MS = 1500;

/**
 * The one place that talks to the `/chat` namespace on behalf of domain events (the gateway
 * attaches it). With the Redis adapter every call reaches all processes; operations that the
 * adapter only performs by echoing a Redis message back (leave, disconnect) are also done on this
 * process's own sockets directly, so they still work while Redis is away.
 */
@Injectable()
export class ChatSockets {
  private readonly logger = new Logger(ChatSockets.name);
  private ns?: Namespace;

  attach(ns: Namespace): void {
    this.ns = ns;
  }

  get namespace(): Namespace | undefined {
    return this.ns;
  }

  toRoom(roomId: string, event: string, payload: object): void {
    this.ns?.to(roomKey(roomId)).emit(event, payload);
  }

  toModerators(event: string, payload: object): void {
    this.ns?.to(MODERATORS).emit(event, payload);
  }

  leave(userId: string, roomId: string): void {
    if (!this.ns) return;
    this.ns.local.in(userKey(userId)).socketsLeave(roomKey(roomId));
    this.ns.in(userKey(userId)).socketsLeave(roomKey(roomId));
  }

  disconnectUser(userId: string): void {
    if (!this.ns) return;
    this.ns.local.in(userKey(userId)).disconnectSockets(true);
    this.ns.in(userKey(userId)).disconnectSockets(true);
  }

  /** Who is in the room across all processes (this process alone when Redis does not answer). */
  async presence(roomId: string): Promise<PresenceUser[]> {
    if (!this.ns) return [];
    let sockets: Array<{ data: ChatSocketData }>;
    try {
      sockets = await withTimeout(this.ns.in(roomKey(roomId)).fetchSockets(), PRESENCE_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`presence across processes unavailable, using local sockets: ${(error as Error).message}`);
      sockets = await this.ns.local.in(roomKey(roomId)).fetchSockets();
    }
    const users = new Map<string, PresenceUser>();
    for (const { data } of sockets) {
      if (data?.userId) users.set(data.userId, { id: data.userId, handle: data.handle, role: data.role, verified: data.verified, specialty: data.specialty });
    }
    return [...users.values()];
  }

  async announcePresence(roomId: string): Promise<void> {
    try {
      this.toRoom(roomId, 'presence', { roomId, users: await this.presence(roomId) });
    } catch (error) {
      this.logger.warn(`presence for ${roomId} failed: ${(error as Error).message}`);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
