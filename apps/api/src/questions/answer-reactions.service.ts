import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AnswerEndorsementEntity, AnswerVoteEntity, ContentEntity } from '@asclepia/database';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan, type Actor } from '../access/access-policy';
import type { EndorsementResultDto, VoteResultDto } from './dto/answer.dto';

/**
 * Votes and endorsements. The tables are the record; `score` and `endorsement_count` are kept in
 * the same transaction, under a lock on the answer row, so concurrent votes serialise and the
 * counters never drift from the rows they count.
 */
@Injectable()
export class AnswerReactionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One vote per user per answer: the same vote again is a 409, the other one changes it. */
  vote(actor: Actor, answerId: string, value: 1 | -1): Promise<VoteResultDto> {
    assertCan(actor, 'answer.vote');
    return this.dataSource.transaction(async (m) => {
      const answer = await this.lockPublishedAnswer(m, answerId);
      assertCan(actor, 'answer.vote', answer);
      const previous = await m.findOne(AnswerVoteEntity, { where: { answerId, userId: actor.id } });
      if (previous?.value === value) throw new ConflictException(`You already voted ${value > 0 ? 'up' : 'down'} on this answer`);
      if (previous) await m.update(AnswerVoteEntity, { answerId, userId: actor.id }, { value });
      else await m.insert(AnswerVoteEntity, { answerId, userId: actor.id, value });
      const score = await this.addToScore(m, answer, value - (previous?.value ?? 0));
      return { answerId, score, myVote: value };
    });
  }

  retractVote(actor: Actor, answerId: string): Promise<void> {
    assertCan(actor, 'answer.vote');
    return this.dataSource.transaction(async (m) => {
      const answer = await this.lockPublishedAnswer(m, answerId);
      const previous = await m.findOne(AnswerVoteEntity, { where: { answerId, userId: actor.id } });
      if (!previous) throw new NotFoundException('You have not voted on this answer');
      await m.delete(AnswerVoteEntity, { answerId, userId: actor.id });
      await this.addToScore(m, answer, -previous.value);
    });
  }

  /** A verified physician's "I agree" with a peer's answer. */
  endorse(actor: Actor, answerId: string): Promise<EndorsementResultDto> {
    assertCan(actor, 'answer.endorse');
    return this.dataSource.transaction(async (m) => {
      const answer = await this.lockPublishedAnswer(m, answerId);
      assertCan(actor, 'answer.endorse', answer);
      if (await m.exists(AnswerEndorsementEntity, { where: { answerId, userId: actor.id } })) {
        throw new ConflictException('You already endorsed this answer');
      }
      await m.insert(AnswerEndorsementEntity, { answerId, userId: actor.id });
      return { answerId, endorsementCount: await this.addToEndorsements(m, answer, 1), endorsedByMe: true };
    });
  }

  withdrawEndorsement(actor: Actor, answerId: string): Promise<void> {
    assertCan(actor, 'answer.endorse');
    return this.dataSource.transaction(async (m) => {
      const answer = await this.lockPublishedAnswer(m, answerId);
      const { affected } = await m.delete(AnswerEndorsementEntity, { answerId, userId: actor.id });
      if (!affected) throw new NotFoundException('You have not endorsed this answer');
      await this.addToEndorsements(m, answer, -1);
    });
  }

  /** Only what readers can see takes reactions: a published answer under a published question. */
  private async lockPublishedAnswer(m: EntityManager, id: string): Promise<ContentEntity> {
    const answer = await m.findOne(ContentEntity, { where: { id, kind: 'answer' }, lock: { mode: 'pessimistic_write' } });
    const question =
      answer?.status === 'published' && answer.parentId !== null
        ? await m.findOne(ContentEntity, { where: { id: answer.parentId, kind: 'question' } })
        : null;
    if (!answer || question?.status !== 'published') throw new NotFoundException('Answer not found');
    return answer;
  }

  private async addToScore(m: EntityManager, answer: ContentEntity, delta: number): Promise<number> {
    if (delta !== 0) await m.increment(ContentEntity, { id: answer.id }, 'score', delta);
    return answer.score + delta;
  }

  private async addToEndorsements(m: EntityManager, answer: ContentEntity, delta: number): Promise<number> {
    await m.increment(ContentEntity, { id: answer.id }, 'endorsementCount', delta);
    return answer.endorsementCount + delta;
  }
}
