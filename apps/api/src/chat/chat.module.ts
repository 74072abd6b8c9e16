import { Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { JwtModule } from '@nestjs/jwt';
import { jwtKey, RUNTIME, type Runtime } from '../config/runtime';
import { ContentModule } from '../content/content.module';
import { ChatFanoutListener } from './chat-fanout.listener';
import { ChatMessagesController } from './chat-messages.controller';
import { ChatMessagesService } from './chat-messages.service';
import { ChatRoomsController } from './chat-rooms.controller';
import { ChatRoomsService } from './chat-rooms.service';
import { ChatSessionsService } from './chat-sessions.service';
import { ChatSockets } from './chat-sockets';
import { ChatGateway } from './chat.gateway';

/**
 * Live group chat. Registers the app's event bus (global), so the content path and the moderation
 * queue can announce changes that the fan-out listener turns into socket events.
 */
@Module({
  imports: [
    EventEmitterModule.forRoot({ global: true }),
    ContentModule,
    // Verification only: the same secret and claims the auth module signs with.
    JwtModule.registerAsync({ inject: [RUNTIME], useFactory: (runtime: Runtime) => ({ secret: jwtKey(runtime) }) }),
  ],
  controllers: [ChatRoomsController, ChatMessagesController],
  providers: [ChatRoomsService, ChatMessagesService, ChatSessionsService, ChatSockets, ChatGateway, ChatFanoutListener],
})
export class ChatModule {}
