import { ApiProperty } from '@nestjs/swagger';
import type { ForumEntity } from '@asclepia/database';

export class ForumDto {
  @ApiProperty({ example: 'mental-health' }) slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
}

/** The list envelope of API.md "Conventions"; the categories are few and fixed, so they are one page. */
export class ForumListDto {
  @ApiProperty({ type: [ForumDto] }) items!: ForumDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: every category fits in one page' }) nextCursor!: null;
}

export const ForumMapper = {
  toDto(row: ForumEntity): ForumDto {
    return { slug: row.slug, name: row.name, description: row.description };
  },
};
