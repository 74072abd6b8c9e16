import { ContentEntity, UserEntity } from '@asclepia/database';
import type { Actor } from '../../access/access-policy';
import { ContentMapper } from '../../content/dto/content.dto';
import type { ContentRow } from '../questions.queries';
import type { AnswerDto } from './answer.dto';
import type { QuestionDetailDto, QuestionDto } from './question.dto';

/**
 * The rows of questions.queries.ts carry the entity fields ContentMapper reads, under the same
 * names; this lifts them into entities so that the one shared mapper decides what a viewer sees.
 */
export function entitiesOf(row: ContentRow): { content: ContentEntity; author: UserEntity } {
  const content = Object.assign(new ContentEntity(), {
    id: row.id,
    kind: row.kind,
    status: row.status,
    authorId: row.authorId,
    anonymous: row.anonymous,
    title: row.title,
    body: row.body,
    disclaimer: row.disclaimer,
    notices: row.notices,
    moderation: row.moderation,
    decisionReason: row.decisionReason,
    parentId: row.parentId,
    tags: row.tags,
    score: row.score,
    endorsementCount: row.endorsementCount,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
  });
  const author = Object.assign(new UserEntity(), {
    id: row.authorId,
    handle: row.authorHandle,
    role: row.authorRole,
    verifiedAt: row.authorVerifiedAt,
    specialty: row.authorSpecialty,
  });
  return { content, author };
}

export const QuestionMapper = {
  toDto(row: ContentRow, viewer: Actor | null): QuestionDto {
    const { content, author } = entitiesOf(row);
    return Object.assign(ContentMapper.base(content, author, viewer), {
      title: row.title ?? '',
      tags: [...row.tags],
      answerCount: row.answerCount ?? 0,
      acceptedAnswerId: row.acceptedAnswerId ?? null,
    });
  },

  toDetail(row: ContentRow, answers: readonly ContentRow[], viewer: Actor | null): QuestionDetailDto {
    return Object.assign(QuestionMapper.toDto(row, viewer), { answers: answers.map((answer) => AnswerMapper.toDto(answer, viewer)) });
  },
};

export const AnswerMapper = {
  toDto(row: ContentRow, viewer: Actor | null): AnswerDto {
    const { content, author } = entitiesOf(row);
    return Object.assign(ContentMapper.base(content, author, viewer), {
      questionId: row.parentId ?? '',
      score: row.score,
      accepted: row.accepted ?? false,
      endorsementCount: row.endorsementCount,
    });
  },
};
