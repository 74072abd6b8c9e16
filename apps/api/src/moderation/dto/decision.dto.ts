import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, registerDecorator, type ValidationArguments } from 'class-validator';
import { QUEUE_DECISIONS, QUEUE_STATUSES, type QueueDecision, type QueueStatus } from '@asclepia/database';
import { PageQueryDto } from '../../common/http/page-query.dto';
import type { ContentDecision } from '../../content/content.service';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const EDIT_BODY_MAX = 20_000;

export class QueueListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QUEUE_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(QUEUE_STATUSES)
  status: QueueStatus = 'pending';
}

/** `body` belongs to an edit and only to an edit: silently ignoring it on approve would surprise the moderator. */
function BodyFitsAction(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'bodyFitsAction',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const { action } = args.object as DecisionDto;
          if (action !== 'edit') return value === undefined;
          return typeof value === 'string' && value.trim().length > 0 && value.length <= EDIT_BODY_MAX;
        },
        defaultMessage: (args: ValidationArguments) =>
          (args.object as DecisionDto).action === 'edit'
            ? `body is required for an edit: the text to publish, 1 to ${EDIT_BODY_MAX} characters`
            : 'body is only allowed when action is "edit"',
      },
    });
}

export class DecisionDto {
  @ApiProperty({ enum: QUEUE_DECISIONS })
  @IsIn(QUEUE_DECISIONS, { message: `action must be one of ${QUEUE_DECISIONS.join(', ')}` })
  action!: QueueDecision;

  @ApiPropertyOptional({ description: 'Required for "edit" (the text to publish; privacy redaction runs on it), refused otherwise' })
  @BodyFitsAction()
  body?: string;

  @ApiProperty({ description: 'Shown to the author', minLength: 1, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @Length(1, 1000, { message: 'reason must say why, in 1 to 1000 characters' })
  reason!: string;
}

/** The validated request as the content path's decision type (the DTO has checked `body` fits `action`). */
export function toContentDecision(dto: DecisionDto): ContentDecision {
  return dto.action === 'edit' ? { action: 'edit', reason: dto.reason, body: dto.body as string } : { action: dto.action, reason: dto.reason };
}
