import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { ForumsController } from './forums.controller';
import { ForumsService } from './forums.service';
import { PostsController } from './posts.controller';
import { PostsService } from './posts.service';
import { ThreadReader } from './thread-reader';
import { ThreadsController } from './threads.controller';
import { ThreadsService } from './threads.service';

/** Forum categories, threads and posts (DESIGN.md use 3: dialogue; use 5: pinned education posts). */
@Module({
  imports: [ContentModule],
  controllers: [ForumsController, ThreadsController, PostsController],
  providers: [ForumsService, ThreadsService, PostsService, ThreadReader],
})
export class ForumsModule {}
