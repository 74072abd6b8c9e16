import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContentEntity } from '@asclepia/database';
import type { Locale } from '@asclepia/moderation';
import { DataSource } from 'typeorm';
import { assertCan, type Actor } from '../access/access-policy';
import { ContentService, isVisible } from '../content/content.service';
import type { AnswerDto, CreateAnswerDto, UpdateAnswerDto } from './dto/answer.dto';
import { AnswerMapper, entitiesOf } from './dto/questions.mapper';
import type { ContentRow } from './questions.queries';
import { QuestionsReader } from './questions.reader';

@Injectable()
export class AnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly reader: QuestionsReader,
  ) {}

  /**
   * Only a published question takes answers. The question is share-locked until the answer is
   * stored, so it cannot be held or removed in between.
   */
  async answer(actor: Actor, questionId: string, dto: CreateAnswerDto, locale: Locale): Promise<AnswerDto> {
    assertCan(actor, 'content.create');
    const row = await this.dataSource.transaction(async (m) => {
      const question = await m.findOne(ContentEntity, { where: { id: questionId, kind: 'question' }, lock: { mode: 'pessimistic_read' } });
      if (!question || question.status !== 'published') throw new NotFoundException('Question not found');
      return this.content.submit(actor, { kind: 'answer', body: dto.body, anonymous: dto.anonymous, parentId: question.id, locale }, m);
    });
    return AnswerMapper.toDto(await this.visibleAnswer(actor, row.id), actor);
  }

  /** Re-runs the pipeline; a physician's answer keeps its disclaimer whatever the edit says. */
  async edit(actor: Actor, id: string, dto: UpdateAnswerDto, locale: Locale): Promise<AnswerDto> {
    assertCan(actor, 'content.edit', await this.visibleAnswer(actor, id));
    await this.content.edit(actor, id, ['answer'], { body: dto.body, locale });
    return AnswerMapper.toDto(await this.visibleAnswer(actor, id), actor);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.content.remove(actor, id, ['answer']);
  }

  /** The asker picks one answer; picking another moves the mark, picking the same one again changes nothing. */
  async accept(actor: Actor, id: string): Promise<AnswerDto> {
    await this.dataSource.transaction(async (m) => {
      const answer = await this.content.lockVisible(m, actor, id, ['answer']);
      if (answer.parentId === null) throw new NotFoundException('Answer not found');
      const question = await this.content.lockVisible(m, actor, answer.parentId, ['question']);
      assertCan(actor, 'answer.accept', question);
      if (answer.status !== 'published') throw new ConflictException('Only a published answer can be accepted');
      if (question.acceptedAnswerId !== answer.id) await m.update(ContentEntity, { id: question.id }, { acceptedAnswerId: answer.id });
    });
    return AnswerMapper.toDto(await this.visibleAnswer(actor, id), actor);
  }

  private async visibleAnswer(viewer: Actor | null, id: string): Promise<ContentRow> {
    const row = await this.reader.answer(id);
    if (!row || !isVisible(entitiesOf(row).content, viewer)) throw new NotFoundException('Answer not found');
    return row;
  }
}
