import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ChatRoomEntity } from './chat-room.entity';
import { ForumEntity } from './forum.entity';
import { UserEntity } from './user.entity';

export const CONTENT_KINDS = ['question', 'answer', 'thread', 'post', 'message'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const CONTENT_STATUSES = ['published', 'held', 'rejected', 'removed'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

/** What the author is told about the pipeline's outcome (never the matched text itself). */
export interface ModerationOutcome {
  action: 'publish' | 'hold' | 'reject';
  reasons: Array<{ kind: string; rule: string; message: string }>;
}

/**
 * Every piece of user text — question, answer, forum thread and post, chat message — is one row
 * here, written only through the content service's pipeline path. `body` and `title` hold the
 * text as published (redacted) even while held; the unredacted original of a held item lives
 * apart in `content_originals`. Read paths filter on `status = 'published'`.
 */
@Entity('content')
@Index('ix_content_questions_feed', ['createdAt', 'id'], { where: `"kind" = 'question' AND "status" = 'published'` })
@Index('ix_content_children', ['parentId', 'createdAt', 'id'], { where: `"status" = 'published'` })
// Every child of a parent, whatever its status: deleting a parent cascades through this (without it
// every deleted row costs a scan of the whole table).
@Index('ix_content_parent', ['parentId'])
@Index('ix_content_forum_threads', ['forumId', 'pinned', 'createdAt', 'id'], { where: `"kind" = 'thread' AND "status" = 'published'` })
@Index('ix_content_author', ['authorId', 'createdAt', 'id'])
// Newest-first walk over everything published: search uses it when the words are common (the GIN
// index would return half the table to sort), the GIN index when they are rare.
@Index('ix_content_published_recent', ['createdAt', 'id'], { where: `"status" = 'published'` })
// A room's history, newest first (chat messages only carry room_id).
@Index('ix_content_room_history', ['roomId', 'createdAt', 'id'], { where: `"status" = 'published'` })
// A chat client's retry of the same message must not store it twice.
@Index('uq_content_client_msg', ['authorId', 'clientMsgId'], { unique: true, where: `"client_msg_id" IS NOT NULL` })
export class ContentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: CONTENT_KINDS, enumName: 'content_kind' })
  kind!: ContentKind;

  @Column({ type: 'enum', enum: CONTENT_STATUSES, enumName: 'content_status' })
  status!: ContentStatus;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  /** Hidden from everyone but moderators in every response. */
  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  /**
   * Questions and threads only; redacted like the body. `text`, not a bounded varchar: redaction
   * can make a title longer than the author typed (placeholders are longer than short e-mails).
   */
  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text' })
  body!: string;

  /** The no-diagnosis disclaimer on physician answers; an edit can never clear it. */
  @Column({ type: 'text', nullable: true })
  disclaimer!: string | null;

  /** Shown with the content, e.g. a crisis notice with emergency numbers. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  notices!: string[];

  @Column({ type: 'jsonb' })
  moderation!: ModerationOutcome;

  @Column({ name: 'ruleset_version', type: 'varchar', length: 32 })
  rulesetVersion!: string;

  /** The moderator's reason for the latest decision, shown to the author. */
  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  /** An answer's question, a post's thread. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: ContentEntity;

  @Column({ name: 'forum_id', type: 'uuid', nullable: true })
  forumId!: string | null;

  @ManyToOne(() => ForumEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'forum_id' })
  forum?: ForumEntity;

  /** Chat messages: the room they were sent to. */
  @Column({ name: 'room_id', type: 'uuid', nullable: true })
  roomId!: string | null;

  @ManyToOne(() => ChatRoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: ChatRoomEntity;

  /** Chat messages: the sender's idempotency key, unique per author. */
  @Column({ name: 'client_msg_id', type: 'varchar', length: 64, nullable: true })
  clientMsgId!: string | null;

  /** Questions only: lower-case slugs. GIN-indexed by a hand-written migration. */
  @Index('ix_content_question_tags', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  /** Questions: the answer the asker accepted. */
  @Column({ name: 'accepted_answer_id', type: 'uuid', nullable: true })
  acceptedAnswerId!: string | null;

  /** Answers: sum of votes, kept by the vote transaction (the votes table is the record). */
  @Column({ type: 'integer', default: 0 })
  score!: number;

  @Column({ name: 'endorsement_count', type: 'integer', default: 0 })
  endorsementCount!: number;

  /** Threads: pinned to the top of their forum (physician education posts). */
  @Column({ type: 'boolean', default: false })
  pinned!: boolean;

  /**
   * Full-text search over the published (redacted) text only, maintained by PostgreSQL itself.
   * Never selected into entities. Its GIN index is created by a hand-written migration.
   */
  @Index('ix_content_search', { synchronize: false })
  @Column({
    type: 'tsvector',
    select: false,
    generatedType: 'STORED',
    asExpression: `setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', "body"), 'B')`,
  })
  search?: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Set by an edit of the text (not by votes or moderation). */
  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt!: Date | null;
}
