import { ConflictException, Injectable, NotFoundException, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ContentEntity,
  ContentOriginalEntity,
  ContentRevisionEntity,
  ModerationItemEntity,
  QUEUE_PRIORITY,
  type ContentKind,
  type ContentStatus,
  type QueueReason,
  type QueueSource,
  type StoredFinding,
  UserEntity,
} from '@asclepia/database';
import { ModerationService, type Locale, type Placement } from '@asclepia/moderation';
import { DataSource, EntityManager } from 'typeorm';
import { assertCan, can, type Actor } from '../access/access-policy';
import { AuditService } from '../audit/audit.service';
import { combineVerdicts, outcomeOf, reviewContext, type ContentReview } from './content-review';
import { queryPrepared } from './prepared-query';

const PLACEMENT: Record<ContentKind, Placement> = {
  question: 'question',
  answer: 'answer',
  thread: 'thread',
  post: 'post',
  message: 'chat_message',
};

const STATUS_OF: Record<ContentReview['action'], ContentStatus> = { publish: 'published', hold: 'held', reject: 'rejected' };

export interface NewContent {
  kind: ContentKind;
  title?: string | null;
  body: string;
  anonymous?: boolean;
  tags?: string[];
  parentId?: string | null;
  forumId?: string | null;
  /** Chat messages: the room, and the sender's key that makes a re-send idempotent. */
  roomId?: string | null;
  clientMsgId?: string | null;
  locale: Locale;
}

/** New content that passed the author's permission check and the pipeline, ready to be written. */
export interface ReviewedContent {
  actor: Actor;
  input: NewContent;
  review: ContentReview;
}

export interface ContentEdit {
  title?: string;
  body?: string;
  tags?: string[];
  locale: Locale;
}

/**
 * Emitted after the transaction that changed a piece of content's status or text has committed
 * (an edit, a removal, a moderator's decision), so listeners such as the chat gateway's fan-out
 * never announce what could still roll back. `from` is the status before the change.
 */
export const CONTENT_CHANGED = 'content.changed';
export interface ContentChangedEvent {
  id: string;
  kind: ContentKind;
  from: ContentStatus;
  to: ContentStatus;
  /** The text changed (an author's or a moderator's edit). */
  edited: boolean;
}

/** A moderator's decision on held or reported content; `body` is the moderator's text for an edit. */
export type ContentDecision =
  | { action: 'approve'; reason: string }
  | { action: 'reject'; reason: string }
  | { action: 'edit'; reason: string; body: string };

export interface PendingItem {
  source: QueueSource;
  priority: number;
  findings?: StoredFinding[];
  reasons: QueueReason[];
}

/**
 * The one content path (DESIGN.md "The content lifecycle"): every create and edit of user text
 * goes through the pipeline, and the verdict, the redacted text, the revision, the held original
 * and the queue item are written in one transaction — a failure leaves nothing half-written.
 */
@Injectable()
export class ContentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moderation: ModerationService,
    private readonly audit: AuditService,
    @Optional() private readonly events?: EventEmitter2,
  ) {}

  /** Tells listeners about a committed change (see CONTENT_CHANGED). */
  announce(event: ContentChangedEvent): void {
    this.events?.emit(CONTENT_CHANGED, event);
  }

  /** Runs the pipeline over a title (if any) and a body as `actor` would publish them. */
  review(actor: Actor, kind: ContentKind, text: { title?: string | null; body: string }, locale: Locale, anonymous = false): ContentReview {
    const context = reviewContext(actor, PLACEMENT[kind], locale, anonymous);
    const title = text.title != null ? this.moderation.review(text.title, context) : null;
    return combineVerdicts(this.moderation.review(text.body, context), title);
  }

  /** The checks and the pipeline of `submit`, without the write: for callers that write many at once (insertMessages). */
  prepare(actor: Actor, input: NewContent): ReviewedContent {
    assertCan(actor, 'content.create');
    const review = this.review(actor, input.kind, { title: input.title, body: input.body }, input.locale, input.anonymous ?? false);
    return { actor, input, review };
  }

  /** Pass `manager` to make the write part of the caller's transaction (e.g. after checking the parent). */
  async submit(actor: Actor, input: NewContent, manager?: EntityManager): Promise<ContentEntity> {
    const { review } = this.prepare(actor, input);
    const anonymous = input.anonymous ?? false;
    const write = async (m: EntityManager) => {
      const row = await m.getRepository(ContentEntity).save(
        m.getRepository(ContentEntity).create({
          kind: input.kind,
          status: STATUS_OF[review.action],
          authorId: actor.id,
          anonymous,
          title: review.title,
          body: review.body,
          disclaimer: review.disclaimer,
          notices: review.notices,
          moderation: outcomeOf(review),
          rulesetVersion: review.rulesetVersion,
          decisionReason: null,
          parentId: input.parentId ?? null,
          forumId: input.forumId ?? null,
          roomId: input.roomId ?? null,
          clientMsgId: input.clientMsgId ?? null,
          tags: input.tags ?? [],
          acceptedAnswerId: null,
          editedAt: null,
        }),
      );
      await this.afterReview(m, row, review, { title: input.title ?? null, body: input.body }, actor.id, { fresh: true });
      return row;
    };
    return manager ? write(manager) : this.dataSource.transaction(write);
  }

  /**
   * Writes many prepared chat messages at once — what `submit` writes for each (the content row, its
   * revision, and for a held or crisis message the kept original and the queue item) — in ONE
   * statement: one round trip and one commit for all, where `submit` costs a transaction of five or
   * six (docs/benchmarks-chat.md). A message whose author already used its clientMsgId is skipped
   * and its result is null; the caller answers with the row that has the key. If the statement fails
   * on one message's data (a constraint: its room deleted meanwhile, say), each message is written
   * alone so that only that one fails. Any other failure (the database is away) fails them all.
   *
   * With `asyncCommit`, a batch whose messages are all published commits without waiting for its
   * write-ahead log to reach the disk (PostgreSQL's asynchronous commit, for this transaction only):
   * a crash of the database server can lose the last moments of such messages, never corrupt
   * anything. A batch with a held or crisis message, which goes to the moderation queue, always waits.
   */
  async insertMessages(entries: readonly ReviewedContent[], options: { asyncCommit?: boolean } = {}): Promise<Array<PromiseSettledResult<ContentEntity | null>>> {
    if (entries.length === 0) return [];
    const asyncCommit = options.asyncCommit ?? false;
    try {
      return (await this.insertMessageRows(entries, asyncCommit)).map((row) => ({ status: 'fulfilled', value: row }));
    } catch (error) {
      if (entries.length === 1 || !isDataError(error)) throw error;
      return Promise.allSettled(entries.map(async (entry) => (await this.insertMessageRows([entry], asyncCommit))[0]));
    }
  }

  private async insertMessageRows(entries: readonly ReviewedContent[], asyncCommit: boolean): Promise<Array<ContentEntity | null>> {
    const keyOf = (authorId: string, clientMsgId: string) => `${authorId}/${clientMsgId}`;
    const rows = entries.map(({ actor, input, review }, pos) => {
      if (input.kind !== 'message' || !input.clientMsgId) throw new Error('insertMessages writes chat messages with a clientMsgId only');
      const status = STATUS_OF[review.action];
      const queued = status === 'held' || review.crisis;
      return {
        pos,
        status,
        author_id: actor.id,
        anonymous: input.anonymous ?? false,
        title: review.title === null ? null : storable(review.title),
        body: storable(review.body),
        disclaimer: review.disclaimer,
        notices: review.notices,
        moderation: outcomeOf(review),
        ruleset_version: review.rulesetVersion,
        room_id: input.roomId ?? null,
        client_msg_id: input.clientMsgId,
        // The unredacted text goes to the database only when it is kept (held).
        original_title: status === 'held' && input.title != null ? storable(input.title) : null,
        original_body: status === 'held' ? storable(input.body) : null,
        queue_priority: queued ? (review.crisis ? QUEUE_PRIORITY.crisis : QUEUE_PRIORITY.held) : null,
        findings: review.findings,
        reasons: review.reasons,
      };
    });
    if (new Set(rows.map((r) => keyOf(r.author_id, r.client_msg_id))).size !== rows.length) throw new Error('insertMessages: one clientMsgId twice for an author');
    const relaxed = asyncCommit && rows.every((r) => r.status === 'published' && r.queue_priority === null);

    const stored = await queryPrepared<{ id: string; author_id: string; client_msg_id: string; created_at: Date; updated_at: Date }>(
      this.dataSource,
      'content-insert-messages',
      INSERT_MESSAGES_SQL,
      [JSON.stringify(rows), relaxed ? 'off' : null],
    );
    const byKey = new Map(stored.map((s) => [keyOf(s.author_id, s.client_msg_id), s]));
    return rows.map((row) => {
      const written = byKey.get(keyOf(row.author_id, row.client_msg_id));
      if (!written) return null;
      return Object.assign(new ContentEntity(), {
        id: written.id,
        kind: 'message',
        status: row.status,
        authorId: row.author_id,
        anonymous: row.anonymous,
        title: row.title,
        body: row.body,
        disclaimer: row.disclaimer,
        notices: row.notices,
        moderation: row.moderation,
        rulesetVersion: row.ruleset_version,
        decisionReason: null,
        parentId: null,
        forumId: null,
        roomId: row.room_id,
        clientMsgId: row.client_msg_id,
        tags: [],
        acceptedAnswerId: null,
        score: 0,
        endorsementCount: 0,
        pinned: false,
        createdAt: written.created_at,
        updatedAt: written.updated_at,
        editedAt: null,
      } satisfies Omit<ContentEntity, 'search' | 'author' | 'parent' | 'forum' | 'room'>);
    });
  }

  /**
   * An author's edit: re-run through the pipeline, recorded as a revision, and possibly sent back
   * to held. A disclaimer the content once carried stays: no edit can remove it.
   */
  async edit(actor: Actor, id: string, kinds: readonly ContentKind[], edit: ContentEdit): Promise<ContentEntity> {
    let from: ContentStatus | undefined;
    const edited = await this.dataSource.transaction(async (m) => {
      const row = await this.lockVisible(m, actor, id, kinds);
      from = row.status;
      assertCan(actor, 'content.edit', row);
      if (row.status === 'rejected' || row.status === 'removed') throw new ConflictException(`This content was ${row.status} and can no longer be edited`);
      const kept = await m.findOne(ContentOriginalEntity, { where: { contentId: row.id } });
      const original = {
        title: edit.title ?? kept?.title ?? row.title,
        body: edit.body ?? kept?.body ?? row.body,
      };
      const review = this.review(actor, row.kind, original, edit.locale, row.anonymous);
      row.status = STATUS_OF[review.action];
      row.title = review.title;
      row.body = review.body;
      row.disclaimer = review.disclaimer ?? row.disclaimer;
      row.notices = review.notices;
      row.moderation = outcomeOf(review);
      row.rulesetVersion = review.rulesetVersion;
      row.decisionReason = null;
      if (edit.tags) row.tags = edit.tags;
      row.editedAt = new Date();
      await m.save(row);
      await this.afterReview(m, row, review, original, actor.id, { fresh: false });
      return row;
    });
    if (from) this.announce({ id: edited.id, kind: edited.kind, from, to: edited.status, edited: true });
    return edited;
  }

  /** The author withdraws their content, or a moderator takes it down. */
  async remove(actor: Actor, id: string, kinds: readonly ContentKind[]): Promise<ContentEntity> {
    let from: ContentStatus | undefined;
    const removed = await this.dataSource.transaction(async (m) => {
      const row = await this.lockVisible(m, actor, id, kinds);
      assertCan(actor, 'content.remove', row);
      if (row.status === 'removed') return row;
      from = row.status;
      row.status = 'removed';
      await m.save(row);
      await m.delete(ContentOriginalEntity, { contentId: row.id });
      await m.update(ModerationItemEntity, { contentId: row.id, status: 'pending' }, { status: 'decided', decidedAt: new Date(), decidedBy: actor.id, decisionReason: 'removed' });
      if (row.authorId !== actor.id) {
        await this.audit.record({ actorId: actor.id, action: 'content.removed', targetType: row.kind, targetId: row.id }, m);
      }
      return row;
    });
    if (from) this.announce({ id: removed.id, kind: removed.kind, from, to: removed.status, edited: false });
    return removed;
  }

  /**
   * Loads content for a write, locked. Content the actor may not see is "not found" (API.md: 404
   * for what is not visible to the caller), so its existence does not leak.
   */
  async lockVisible(m: EntityManager, actor: Actor, id: string, kinds: readonly ContentKind[]): Promise<ContentEntity> {
    const row = await m.findOne(ContentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row || !kinds.includes(row.kind) || !isVisible(row, actor)) throw new NotFoundException(`${label(kinds)} not found`);
    return row;
  }

  /**
   * Opens or updates the content's one pending queue item (crisis beats held beats reported;
   * report reasons already on the item are kept).
   */
  async enqueue(m: EntityManager, contentId: string, item: PendingItem): Promise<ModerationItemEntity> {
    const repository = m.getRepository(ModerationItemEntity);
    const pending = await repository.findOne({ where: { contentId, status: 'pending' }, lock: { mode: 'pessimistic_write' } });
    if (!pending) {
      return repository.save(
        repository.create({ contentId, status: 'pending', source: item.source, priority: item.priority, findings: item.findings ?? [], reasons: item.reasons }),
      );
    }
    pending.priority = Math.max(pending.priority, item.priority);
    if (item.source === 'pipeline') {
      pending.source = 'pipeline';
      pending.findings = item.findings ?? [];
      pending.reasons = [...item.reasons, ...pending.reasons.filter((r) => r.kind === 'report')];
    } else {
      pending.reasons = [...pending.reasons, ...item.reasons];
    }
    return repository.save(pending);
  }

  /**
   * The content half of a moderator's decision, inside the caller's transaction (which holds the
   * queue item's lock): approve publishes the already-redacted text, reject rejects (a published
   * crisis post too), edit re-runs the moderator's text through the pipeline as if the author had
   * written it, so a phone number a moderator types is redacted like anyone's, and publishes the
   * redacted result. The kept original is scheduled for purge `retentionDays` from now.
   */
  async applyDecision(
    m: EntityManager,
    row: ContentEntity,
    decision: ContentDecision,
    moderator: Actor,
    options: { locale: Locale; retentionDays: number },
  ): Promise<ContentEntity> {
    assertCan(moderator, 'queue.decide');
    switch (decision.action) {
      case 'approve':
        row.status = 'published';
        break;
      case 'reject':
        row.status = 'rejected';
        break;
      case 'edit': {
        const author = await m.findOneByOrFail(UserEntity, { id: row.authorId });
        const asAuthor: Actor = { id: author.id, role: author.role, verified: author.verifiedAt !== null, mutedUntil: null };
        // Only the privacy redaction matters here: the moderator has already judged the text itself.
        const review = this.review(asAuthor, row.kind, { body: decision.body }, options.locale, row.anonymous);
        row.status = 'published';
        row.body = review.body;
        row.disclaimer = row.disclaimer ?? review.disclaimer;
        row.notices = review.notices;
        row.moderation = { action: 'publish', reasons: review.reasons };
        row.rulesetVersion = review.rulesetVersion;
        row.editedAt = new Date();
        break;
      }
      default: {
        const unknown: never = decision;
        throw new Error(`unhandled decision ${JSON.stringify(unknown)}`);
      }
    }
    row.decisionReason = decision.reason;
    await m.save(row);
    if (decision.action === 'edit') {
      await m.insert(ContentRevisionEntity, { contentId: row.id, editorId: moderator.id, title: row.title, body: row.body, status: row.status });
    }
    await m
      .createQueryBuilder()
      .update(ContentOriginalEntity)
      .set({ purgeAfter: () => 'now() + make_interval(days => :days)' })
      .where('content_id = :id', { id: row.id })
      .setParameter('days', options.retentionDays)
      .execute();
    return row;
  }

  /**
   * Revision, held original and queue item, as the review asks. A `fresh` row (just inserted) has
   * no original or queue item yet, so there is nothing to clear: two round trips saved per message.
   */
  private async afterReview(
    m: EntityManager,
    row: ContentEntity,
    review: ContentReview,
    original: { title: string | null; body: string },
    editorId: string,
    { fresh }: { fresh: boolean },
  ): Promise<void> {
    await m.insert(ContentRevisionEntity, { contentId: row.id, editorId, title: row.title, body: row.body, status: row.status });
    if (row.status === 'held') {
      await m.upsert(ContentOriginalEntity, { contentId: row.id, title: original.title, body: original.body, purgeAfter: null }, ['contentId']);
    } else if (!fresh) {
      await m.delete(ContentOriginalEntity, { contentId: row.id });
    }
    if (row.status === 'held' || review.crisis) {
      const priority = review.crisis ? QUEUE_PRIORITY.crisis : QUEUE_PRIORITY.held;
      await this.enqueue(m, row.id, { source: 'pipeline', priority, findings: review.findings, reasons: review.reasons });
    } else if (!fresh) {
      // an edit that now publishes cleanly settles what the pipeline had held (reports stay)
      await m
        .createQueryBuilder()
        .update(ModerationItemEntity)
        .set({ status: 'decided', decidedAt: () => 'now()', decisionReason: 'superseded by an edit' })
        .where('content_id = :id AND status = :pending AND source = :source', { id: row.id, pending: 'pending', source: 'pipeline' })
        .execute();
    }
  }
}

/**
 * The batch write of `insertMessages`. The messages arrive as one JSON array; data-modifying CTEs run
 * exactly once whether or not the final SELECT reads them, and the statement is atomic on its own.
 * - `created_at` is the statement's now() plus the message's position in microseconds, so messages
 *   written together keep their order in a room's history (ordered by created_at, then random id).
 * - ON CONFLICT DO NOTHING on uq_content_client_msg: a key taken by an earlier or a concurrent
 *   send (PostgreSQL waits for that one to commit) skips the row instead of failing the statement.
 * - The dependent rows join back on (author_id, client_msg_id), unique among the inserted rows.
 * - $2 = 'off' makes this statement's own transaction commit asynchronously: set_config with
 *   is_local = true is SET LOCAL, and PostgreSQL reads synchronous_commit when the implicit
 *   transaction commits, after the statement. NULL leaves the server's setting. The final SELECT
 *   reads `commit_mode` (one row, or none) so that it is evaluated (a CTE nobody reads is not).
 */
export const INSERT_MESSAGES_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
    pos int, status content_status, author_id uuid, anonymous boolean, title text, body text, disclaimer text,
    notices text[], moderation jsonb, ruleset_version varchar, room_id uuid, client_msg_id varchar,
    original_title text, original_body text, queue_priority smallint, findings jsonb, reasons jsonb)
),
stored AS (
  INSERT INTO content (kind, status, author_id, anonymous, title, body, disclaimer, notices, moderation,
                       ruleset_version, room_id, client_msg_id, created_at, updated_at)
  SELECT 'message', status, author_id, anonymous, title, body, disclaimer, notices, moderation,
         ruleset_version, room_id, client_msg_id, now() + pos * interval '1 microsecond', now() + pos * interval '1 microsecond'
    FROM input ORDER BY pos
  ON CONFLICT (author_id, client_msg_id) WHERE client_msg_id IS NOT NULL DO NOTHING
  RETURNING id, author_id, client_msg_id, created_at, updated_at
),
revisions AS (
  INSERT INTO content_revisions (content_id, editor_id, title, body, status)
  SELECT s.id, i.author_id, i.title, i.body, i.status::text FROM stored s JOIN input i USING (author_id, client_msg_id)
),
originals AS (
  INSERT INTO content_originals (content_id, title, body, purge_after)
  SELECT s.id, i.original_title, i.original_body, NULL FROM stored s JOIN input i USING (author_id, client_msg_id)
   WHERE i.status = 'held'
),
queued AS (
  INSERT INTO moderation_items (content_id, status, source, priority, findings, reasons)
  SELECT s.id, 'pending', 'pipeline', i.queue_priority, i.findings, i.reasons FROM stored s JOIN input i USING (author_id, client_msg_id)
   WHERE i.queue_priority IS NOT NULL
),
commit_mode AS (
  SELECT set_config('synchronous_commit', $2::text, true) WHERE $2::text IS NOT NULL
)
SELECT id, author_id, client_msg_id, created_at, updated_at FROM stored LEFT JOIN commit_mode ON true`;

/**
 * Text as PostgreSQL can store it, sent inside JSON: a NUL, or half of a surrogate pair (JSON escapes
 * it, jsonb refuses it), becomes U+FFFD — what encoding the text as UTF-8 makes of a lone half anyway.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is matched
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const storable = (text: string) => text.replace(UNSTORABLE, '\ufffd');

/** An error in one row's data (SQLSTATE classes 22 and 23), as opposed to the database being unreachable. */
function isDataError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

/** Published content is for everyone; anything else only for its author and moderators. */
export function isVisible(row: ContentEntity, viewer: Actor | null): boolean {
  return row.status === 'published' || (viewer !== null && can(viewer, 'content.read_hidden', row));
}

function label(kinds: readonly ContentKind[]): string {
  const word = kinds.length === 1 ? kinds[0] : 'content';
  return word.charAt(0).toUpperCase() + word.slice(1);
}
