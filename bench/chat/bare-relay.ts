/**
 * The peer: a bare Socket.IO relay with the same events and acks as the app's /chat namespace, but
 * no authentication, moderation or storage. What the app costs on top of the transport is the gap.
 * Its messages have the app's shape (API.md: a content object and roomId — author, timestamps, notices), so
 * both servers put the same bytes on the wire to the same clients: without the author and the other
 * fields a message is half the size, and the clients, on the same machine, parse 50 copies of each.
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
const http = createServer((req, res) => {
  res.writeHead(req.url === '/api/v1/health' ? 200 : 404, { 'content-type': 'application/json' });
  res.end('{"status":"ok"}');
});
const ns = new Server(http, { maxHttpBufferSize: 64 * 1024 }).of('/chat');
ns.on('connection', (socket) => {
  const author = { id: randomUUID(), handle: `user_${socket.id.slice(0, 8)}`, role: 'patient', verified: false, specialty: null };
  socket.on('room:join', (payload: { roomId: string }, ack?: (a: object) => void) => {
    void socket.join(`room:${payload.roomId}`);
    ack?.({ ok: true });
  });
  socket.on('message:send', (payload: { roomId: string; body: string; clientMsgId: string }, ack?: (a: object) => void) => {
    const message = {
      id: randomUUID(),
      status: 'published',
      body: payload.body,
      author,
      anonymous: false,
      createdAt: new Date().toISOString(),
      editedAt: null,
      disclaimer: null,
      notices: [],
      roomId: payload.roomId,
    };
    ns.to(`room:${payload.roomId}`).emit('message:new', message);
    ack?.({ ok: true, message });
  });
});
http.listen(port, '127.0.0.1');
