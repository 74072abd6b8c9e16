import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ContentEntity } from './content.entity';

export const QUEUE_STATUSES = ['pending', 'decided'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export const QUEUE_SOURCES = ['pipeline', 'report'] as const;
export type QueueSource = (typeof QUEUE_SOURCES)[number];

export const QUEUE_DECISIONS = ['approve', 'reject', 'edit'] as const;
export type QueueDecision = (typeof QUEUE_DECISIONS)[number];

/** Higher first: crisis content (published, but a human must look now), then held, then reported. */
export const QUEUE_PRIORITY = { reported: 0, held: 1, crisis: 2 } as const;

/** A finding as the pipeline reported it, with the field it was found in. */
export interface StoredFinding {
  field: 'title' | 'body';
  kind: string;
  rule: string;
  start: number;
  end: number;
  severity: string;
  message: string;
}

export interface QueueReason {
  kind: string;
  rule: string;
  message: string;
}

/** One item of the moderation queue; at most one pending item per content. */
@Entity('moderation_items')
@Index('uq_moderation_items_one_pending', ['contentId'], { unique: true, where: `"status" = 'pending'` })
@Index('ix_moderation_items_queue', ['status', 'priority', 'createdAt', 'id'])
// All of a content's items, decided ones included: a content's deletion cascades through this.
@Index('ix_moderation_items_content', ['contentId'])
export class ModerationItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'content_id', type: 'uuid' })
  contentId!: string;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id' })
  content?: ContentEntity;

  @Column({ type: 'enum', enum: QUEUE_STATUSES, enumName: 'queue_status', default: 'pending' })
  status!: QueueStatus;

  @Column({ type: 'enum', enum: QUEUE_SOURCES, enumName: 'queue_source' })
  source!: QueueSource;

  @Column({ type: 'smallint' })
  priority!: number;

  @Column({ type: 'jsonb', default: [] })
  findings!: StoredFinding[];

  @Column({ type: 'jsonb', default: [] })
  reasons!: QueueReason[];

  @Column({ name: 'claimed_by', type: 'uuid', nullable: true })
  claimedBy!: string | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'enum', enum: QUEUE_DECISIONS, enumName: 'queue_decision', nullable: true })
  decision!: QueueDecision | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
