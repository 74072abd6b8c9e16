import { ApiProperty } from '@nestjs/swagger';
import {
  CONTENT_STATUSES,
  QUEUE_DECISIONS,
  QUEUE_SOURCES,
  QUEUE_STATUSES,
  USER_ROLES,
  type ContentEntity,
  type ContentKind,
  type ContentOriginalEntity,
  type ContentStatus,
  type ModerationItemEntity,
  type QueueDecision,
  type QueueReason,
  type QueueSource,
  type QueueStatus,
  type StoredFinding,
  type UserEntity,
  type UserRole,
} from '@asclepia/database';
import { activeClaimant, claimExpiresAt } from '../claim';
import { priorityLabel, type PriorityLabel } from '../queue-cursor';

export class QueueTextDto {
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty() body!: string;
}

export class QueueAuthorDto {
  @ApiProperty() id!: string;
  @ApiProperty() handle!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty() verified!: boolean;
}

export class QueueDecisionDto {
  @ApiProperty({ enum: QUEUE_DECISIONS, nullable: true, type: String }) action!: QueueDecision | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty() decidedAt!: string;
}

export class QueueItemDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: QUEUE_STATUSES }) queueStatus!: QueueStatus;
  @ApiProperty({ description: 'question | answer | thread | post | message' }) targetType!: ContentKind;
  @ApiProperty() targetId!: string;
  @ApiProperty({ enum: CONTENT_STATUSES, description: "The content's status" }) status!: ContentStatus;
  @ApiProperty({ type: QueueTextDto, nullable: true, description: 'The unredacted original; null when none is kept. Each read is audit-logged.' })
  original!: QueueTextDto | null;
  @ApiProperty({ type: QueueTextDto, description: 'The stored, redacted text' }) redacted!: QueueTextDto;
  @ApiProperty({ type: QueueAuthorDto, description: 'The real author, even of anonymous content' }) author!: QueueAuthorDto;
  @ApiProperty() anonymous!: boolean;
  @ApiProperty({ nullable: true, type: String }) disclaimer!: string | null;
  @ApiProperty({ type: [String] }) notices!: string[];
  @ApiProperty() findings!: StoredFinding[];
  @ApiProperty() reasons!: QueueReason[];
  @ApiProperty({ enum: ['high', 'normal', 'low'], description: 'high = crisis, normal = held by the pipeline, low = reported' })
  priority!: PriorityLabel;
  @ApiProperty({ enum: QUEUE_SOURCES }) source!: QueueSource;
  @ApiProperty({ nullable: true, type: String, description: 'The moderator holding an unexpired claim' }) claimedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) claimExpiresAt!: string | null;
  @ApiProperty({ type: QueueDecisionDto, nullable: true }) decision!: QueueDecisionDto | null;
  @ApiProperty() createdAt!: string;
}

export class QueuePageDto {
  @ApiProperty({ type: [QueueItemDto] }) items!: QueueItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ClaimDto {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) claimedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) claimExpiresAt!: string | null;
}

/** What a decision answers: the item and the content's new state, with the published (redacted) text. */
export class DecisionResultDto {
  @ApiProperty() id!: string;
  @ApiProperty() targetType!: ContentKind;
  @ApiProperty() targetId!: string;
  @ApiProperty({ enum: CONTENT_STATUSES }) status!: ContentStatus;
  @ApiProperty({ type: QueueTextDto }) redacted!: QueueTextDto;
  @ApiProperty({ nullable: true, type: String }) disclaimer!: string | null;
  @ApiProperty({ type: QueueDecisionDto }) decision!: QueueDecisionDto;
}

export interface QueueRow {
  item: ModerationItemEntity;
  content: ContentEntity & { author: UserEntity };
  original: ContentOriginalEntity | null;
}

const decisionOf = (item: ModerationItemEntity): QueueDecisionDto | null =>
  item.decidedAt
    ? { action: item.decision, reason: item.decisionReason, decidedBy: item.decidedBy, decidedAt: item.decidedAt.toISOString() }
    : null;

const claimOf = (item: ModerationItemEntity, now: Date) => {
  const claimedBy = activeClaimant(item, now);
  return { claimedBy, claimExpiresAt: claimedBy ? (claimExpiresAt(item)?.toISOString() ?? null) : null };
};

/** Moderators only (STYLE.md rule 5): the one place the queue's unredacted text and real authors are shaped. */
export const QueueMapper = {
  toItem({ item, content, original }: QueueRow, now = new Date()): QueueItemDto {
    const author = content.author;
    return {
      id: item.id,
      queueStatus: item.status,
      targetType: content.kind,
      targetId: content.id,
      status: content.status,
      original: original ? { title: original.title, body: original.body } : null,
      redacted: { title: content.title, body: content.body },
      author: { id: author.id, handle: author.handle, role: author.role, verified: author.verifiedAt !== null },
      anonymous: content.anonymous,
      disclaimer: content.disclaimer,
      notices: [...content.notices],
      findings: item.findings,
      reasons: item.reasons,
      priority: priorityLabel(item.priority),
      source: item.source,
      ...claimOf(item, now),
      decision: decisionOf(item),
      createdAt: item.createdAt.toISOString(),
    };
  },

  toClaim(item: ModerationItemEntity, now = new Date()): ClaimDto {
    return { id: item.id, ...claimOf(item, now) };
  },

  toDecision(item: ModerationItemEntity, content: ContentEntity): DecisionResultDto {
    return {
      id: item.id,
      targetType: content.kind,
      targetId: content.id,
      status: content.status,
      redacted: { title: content.title, body: content.body },
      disclaimer: content.disclaimer,
      decision: decisionOf(item) as QueueDecisionDto,
    };
  },
};
