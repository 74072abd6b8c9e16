import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { Locale } from '@asclepia/moderation';
import { assertCan, type Actor } from '../access/access-policy';
import { TimeCursor } from '../common/http/time-cursor';
import { ContentService, isVisible } from '../content/content.service';
import type { CreateQuestionDto, QuestionDetailDto, QuestionDto, QuestionListQueryDto, QuestionPageDto, UpdateQuestionDto } from './dto/question.dto';
import { entitiesOf, QuestionMapper } from './dto/questions.mapper';
import type { ContentRow } from './questions.queries';
import { QuestionsReader } from './questions.reader';

@Injectable()
export class QuestionsService {
  constructor(
    private readonly content: ContentService,
    private readonly reader: QuestionsReader,
  ) {}

  /** The answer tells the author what the pipeline decided: published, held for review, or rejected. */
  async ask(actor: Actor, dto: CreateQuestionDto, locale: Locale): Promise<QuestionDto> {
    assertCan(actor, 'content.create');
    const row = await this.content.submit(actor, { kind: 'question', title: dto.title, body: dto.body, tags: dto.tags, anonymous: dto.anonymous, locale });
    return QuestionMapper.toDto(await this.visibleQuestion(actor, row.id), actor);
  }

  /** Published questions only, whoever asks: an author finds their held ones through the create answer or the link. */
  async list(viewer: Actor | null, query: QuestionListQueryDto): Promise<QuestionPageDto> {
    const after = query.cursor !== undefined ? TimeCursor.decode(query.cursor) : undefined;
    const rows = await this.reader.feed({ tag: query.tag, q: query.q, after, limit: query.limit });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => QuestionMapper.toDto(row, viewer)),
      nextCursor: rows.length > query.limit && last ? TimeCursor.encode({ createdAt: last.cursorCreatedAt, id: last.id }) : null,
    };
  }

  /** A question that is not published is "not found" except to its author and moderators. */
  async get(viewer: Actor | null, id: string): Promise<QuestionDetailDto> {
    const question = await this.visibleQuestion(viewer, id);
    return QuestionMapper.toDetail(question, await this.reader.answers(id), viewer);
  }

  /** Re-runs the pipeline: a published question can go back to held. */
  async edit(actor: Actor, id: string, dto: UpdateQuestionDto, locale: Locale): Promise<QuestionDto> {
    assertCan(actor, 'content.edit', await this.visibleQuestion(actor, id));
    if (dto.title === undefined && dto.body === undefined && dto.tags === undefined) {
      throw new BadRequestException('Send at least one of title, body or tags');
    }
    await this.content.edit(actor, id, ['question'], { title: dto.title, body: dto.body, tags: dto.tags, locale });
    return QuestionMapper.toDto(await this.visibleQuestion(actor, id), actor);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.content.remove(actor, id, ['question']);
  }

  private async visibleQuestion(viewer: Actor | null, id: string): Promise<ContentRow> {
    const row = await this.reader.question(id);
    if (!row || !isVisible(entitiesOf(row).content, viewer)) throw new NotFoundException('Question not found');
    return row;
  }
}
