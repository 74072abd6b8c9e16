import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import type { ContentEntity, UserEntity } from '@asclepia/database';
import type { Actor } from '../../access/access-policy';
import { ContentDto, ContentMapper } from '../../content/dto/content.dto';
import { BODY_LENGTH, trim } from './text-limits';

export class CreatePostDto {
  @ApiProperty({ minLength: BODY_LENGTH[0], maxLength: BODY_LENGTH[1] })
  @Transform(trim)
  @IsString()
  @Length(...BODY_LENGTH)
  body!: string;

  @ApiPropertyOptional({ default: false, description: 'Shown as "Anonymous" to everyone but moderators' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

export class EditPostDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(...BODY_LENGTH)
  body!: string;
}

export class PostDto extends ContentDto {
  @ApiProperty() threadId!: string;
}

export class PostPageDto {
  @ApiProperty({ type: [PostDto] }) items!: PostDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export type LoadedPost = ContentEntity & { author: UserEntity };

export const PostMapper = {
  toDto(row: LoadedPost, viewer: Actor | null): PostDto {
    return { ...ContentMapper.base(row, row.author, viewer), threadId: row.parentId ?? '' };
  },
};
