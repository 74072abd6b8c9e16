/**
 * The peer: a bare Socket.IO relay with the same events and acks as the app's /chat namespace, but
 * no authentication, moderation or storage. What the app costs on top of the transport is the gap.
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
  socket.on('room:join', (payload: { roomId: string }, ack?: (a: object) => void) => {
    void socket.join(`room:${payload.roomId}`);
    ack?.({ ok: true });
  });
  socket.on('message:send', (payload: { roomId: string; body: string; clientMsgId: string }, ack?: (a: object) => void) => {
    const message = { id: randomUUID(), status: 'published', body: payload.body, roomId: payload.roomId, createdAt: new Date().toISOString() };
    ns.to(`room:${payload.roomId}`).emit('message:new', message);
    ack?.({ ok: true, message });
  });
});
http.listen(port, '127.0.0.1');
