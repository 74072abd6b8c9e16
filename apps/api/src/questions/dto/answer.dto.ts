import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ContentDto } from '../../content/dto/content.dto';
import { AnonymousField, BodyField } from '../../content/dto/content-fields';

export class CreateAnswerDto {
  @BodyField() body!: string;
  @AnonymousField() anonymous = false;
}

export class UpdateAnswerDto {
  @BodyField() body!: string;
}

export class VoteDto {
  @ApiProperty({ enum: [1, -1] })
  @IsIn([1, -1], { message: 'value must be 1 or -1' })
  value!: 1 | -1;
}

export class AnswerDto extends ContentDto {
  @ApiProperty() questionId!: string;
  @ApiProperty() score!: number;
  @ApiProperty() accepted!: boolean;
  @ApiProperty() endorsementCount!: number;
}

/** The answer's tally after the caller's vote. */
export class VoteResultDto {
  @ApiProperty() answerId!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ enum: [1, -1], nullable: true, type: Number }) myVote!: 1 | -1 | null;
}

export class EndorsementResultDto {
  @ApiProperty() answerId!: string;
  @ApiProperty() endorsementCount!: number;
  @ApiProperty() endorsedByMe!: boolean;
}
