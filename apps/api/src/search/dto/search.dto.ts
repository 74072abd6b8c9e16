import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { PageQueryDto } from '../../common/http/page-query.dto';

export const SEARCHABLE = ['question', 'answer', 'thread', 'post'] as const;
export type SearchableKind = (typeof SEARCHABLE)[number];

export class SearchQueryDto extends PageQueryDto {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'Web-search syntax: words, "quoted phrases", or, -not' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200)
  q!: string;
}

/** A hit carries no author at all, so anonymous content cannot be traced through search. */
export class SearchItemDto {
  @ApiProperty({ enum: SEARCHABLE }) type!: SearchableKind;
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ description: 'Answers: the question they answer' }) questionId?: string;
  @ApiPropertyOptional({ description: 'Posts: the thread they belong to' }) threadId?: string;
  @ApiProperty({ description: "The question's or thread's title (for answers and posts, their parent's)" }) title!: string;
  @ApiProperty({ description: 'Plain text from the published (redacted) body; matches are wrapped in **' }) snippet!: string;
  @ApiProperty() createdAt!: string;
}

export class SearchPageDto {
  @ApiProperty({ type: [SearchItemDto] }) items!: SearchItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** One row of the search query. */
export interface SearchRow {
  id: string;
  kind: SearchableKind;
  parent_id: string | null;
  title: string | null;
  snippet: string;
  created_at: Date;
  cursor_created_at: string;
}

export const SearchMapper = {
  toItem(row: SearchRow): SearchItemDto {
    const item: SearchItemDto = {
      type: row.kind,
      id: row.id,
      title: row.title ?? '',
      snippet: row.snippet,
      createdAt: new Date(row.created_at).toISOString(),
    };
    if (row.kind === 'answer' && row.parent_id) item.questionId = row.parent_id;
    if (row.kind === 'post' && row.parent_id) item.threadId = row.parent_id;
    return item;
  },
};
