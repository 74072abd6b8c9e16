import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { ContentDto } from '../../content/dto/content.dto';
import { AnswerDto } from './answer.dto';
import { AnonymousField, BodyField, TAG, TagsField, TitleField } from '../../content/dto/content-fields';

export class CreateQuestionDto {
  @TitleField() title!: string;
  @BodyField() body!: string;
  @TagsField() tags: string[] = [];
  @AnonymousField() anonymous = false;
}

/** Send only what changes; the whole question is reviewed again. */
export class UpdateQuestionDto {
  @TitleField({ optional: true }) title?: string;
  @BodyField({ optional: true }) body?: string;
  @TagsField() tags?: string[];
}

/** An empty `?tag=` or `?q=` means no filter. */
const blankToUndefined = (lower: boolean) => ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = lower ? value.trim().toLowerCase() : value.trim();
  return trimmed === '' ? undefined : trimmed;
};

export class QuestionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only questions with this tag' })
  @IsOptional()
  @Transform(blankToUndefined(true))
  @IsString()
  @Matches(TAG, { message: 'tag must be a slug: a letter or digit, then up to 31 letters, digits or "-"' })
  tag?: string;

  @ApiPropertyOptional({ description: 'Full-text search (web-search syntax: "quoted phrases", or, -not)' })
  @IsOptional()
  @Transform(blankToUndefined(false))
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class QuestionDto extends ContentDto {
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ description: 'Published answers' }) answerCount!: number;
  @ApiProperty({ nullable: true, type: String }) acceptedAnswerId!: string | null;
}

export class QuestionDetailDto extends QuestionDto {
  @ApiProperty({ type: [AnswerDto], description: 'Published answers: accepted first, then by endorsements, score, age' })
  answers!: AnswerDto[];
}

export class QuestionPageDto {
  @ApiProperty({ type: [QuestionDto] }) items!: QuestionDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
