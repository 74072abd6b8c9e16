import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Session } from './factories';
import { http } from './http';

/** A real socket.io client on the /chat namespace that records everything the server emits to it. */
export class ChatClient {
  readonly received: Array<{ event: string; payload: any }> = [];

  private constructor(readonly socket: Socket) {
    socket.onAny((event: string, payload: unknown) => this.received.push({ event, payload }));
  }

  static connect(origin: string, token: string | undefined, options: { query?: Record<string, string>; auth?: object } = {}): Promise<ChatClient> {
    return new Promise((resolve, reject) => {
      const socket = io(`${origin}/chat`, {
        auth: options.auth ?? (token === undefined ? {} : { token }),
        query: options.query,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      const client = new ChatClient(socket);
      socket.once('connect', () => resolve(client));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  /** Emits with an acknowledgement; fails the test if the server never answers. */
  ask(event: string, ...args: unknown[]): Promise<any> {
    return this.socket.timeout(5000).emitWithAck(event, ...args);
  }

  /** For events that must not be acknowledged: resolves 'no ack' after `ms`. */
  askExpectingSilence(event: string, payload: unknown, ms = 500): Promise<unknown> {
    return this.socket.timeout(ms).emitWithAck(event, payload).catch(() => 'no ack');
  }

  join(roomId: string): Promise<any> {
    return this.ask('room:join', { roomId });
  }

  send(roomId: string, body: string, clientMsgId = newClientMsgId()): Promise<any> {
    return this.ask('message:send', { roomId, body, clientMsgId });
  }

  of(event: string): any[] {
    return this.received.filter((r) => r.event === event).map((r) => r.payload);
  }

  /** Waits until an event matching `match` has arrived (or was already here). */
  async waitFor(event: string, match: (payload: any) => boolean = () => true, timeoutMs = 5000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.of(event).find(match);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`no ${event} within ${timeoutMs} ms; got ${JSON.stringify(this.received.map((r) => r.event))}`);
      await sleep(20);
    }
  }

  /** Every text this socket has received, for "must never arrive" assertions. */
  get wire(): string {
    return JSON.stringify(this.received);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  close(): void {
    this.socket.close();
  }
}

/** The connect_error message for a refused handshake. */
export async function refusal(origin: string, token: string | undefined, options: { query?: Record<string, string>; auth?: object } = {}): Promise<string> {
  try {
    const client = await ChatClient.connect(origin, token, options);
    client.close();
    return 'connected';
  } catch (error) {
    return (error as Error).message;
  }
}

export const newClientMsgId = () => `m_${randomBytes(6).toString('hex')}`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits long enough for a broadcast that should NOT happen to have had its chance. */
export const settle = () => sleep(300);

export async function createRoom(api: string, owner: Session, body: { name?: string; visibility: 'public' | 'private'; hosted?: boolean }): Promise<any> {
  const res = await http('POST', `${api}/chat/rooms`, { token: owner.accessToken, body: { name: body.name ?? `room ${randomBytes(3).toString('hex')}`, ...body } });
  if (res.status !== 201) throw new Error(`room create failed: ${res.status} ${res.text}`);
  return res.body;
}

export async function addMember(api: string, by: Session, roomId: string, userId: string): Promise<void> {
  const res = await http('POST', `${api}/chat/rooms/${roomId}/members`, { token: by.accessToken, body: { userId } });
  if (res.status !== 201) throw new Error(`add member failed: ${res.status} ${res.text}`);
}
