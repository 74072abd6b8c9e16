import { DynamicModule, Module } from '@nestjs/common';
import { ModerationModule } from '@asclepia/moderation';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams } from './common/logging/logger';
import { ActivityModule } from './activity/activity.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ChatModule } from './chat/chat.module';
import { ContentModule } from './content/content.module';
import { ConfigModule } from './config/config.module';
import type { Runtime } from './config/runtime';
import { DatabaseModule } from './database/database.module';
import { SeedModule } from './database/seed.module';
import { ForumsModule } from './forums/forums.module';
import { HealthModule } from './health/health.module';
import { ModerationQueueModule } from './moderation/moderation-queue.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PhysiciansModule } from './physicians/physicians.module';
import { QuestionsModule } from './questions/questions.module';
import { ReportsModule } from './reports/reports.module';
import { SearchModule } from './search/search.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(runtime),
        LoggerModule.forRoot(loggerParams(runtime.config.LOG_LEVEL)),
        DatabaseModule,
        AuditModule,
        AuthModule,
        UsersModule,
        PhysiciansModule,
        ContentModule,
        QuestionsModule,
        ForumsModule,
        ReportsModule,
        SearchModule,
        ActivityModule,
        ModerationQueueModule,
        NotificationsModule,
        HealthModule,
        ChatModule,
        ModerationModule,
        SeedModule,
      ],
    };
  }
}
