import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@asclepia/moderation';
import type { Actor } from '../access/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequestLocale } from '../common/http/locale.decorator';
import { EditPostDto, PostDto } from './dto/post.dto';
import { PostsService } from './posts.service';

@ApiTags('forums')
@ApiBearerAuth()
@Controller('posts')
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @Patch(':id')
  edit(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: EditPostDto,
    @RequestLocale() locale: Locale,
  ): Promise<PostDto> {
    return this.posts.edit(actor, id, body, locale);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.posts.remove(actor, id);
  }
}
