import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rankAnswers } from './answer-order';
import {
  answerByIdQuery,
  publishedAnswersQuery,
  questionByIdQuery,
  questionFeedQuery,
  type ContentRow,
  type FeedFilter,
  type SqlQuery,
} from './questions.queries';

/** Runs the statements of questions.queries.ts; who may see a row is the services' decision. */
@Injectable()
export class QuestionsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `limit + 1` rows: the extra one only says that another page exists. */
  feed(filter: FeedFilter): Promise<ContentRow[]> {
    return this.run(questionFeedQuery(filter));
  }

  async question(id: string, manager?: EntityManager): Promise<ContentRow | null> {
    return (await this.run(questionByIdQuery(id), manager))[0] ?? null;
  }

  async answers(questionId: string): Promise<ContentRow[]> {
    return rankAnswers(await this.run(publishedAnswersQuery(questionId)));
  }

  async answer(id: string, manager?: EntityManager): Promise<ContentRow | null> {
    return (await this.run(answerByIdQuery(id), manager))[0] ?? null;
  }

  private run(query: SqlQuery, manager: EntityManager = this.dataSource.manager): Promise<ContentRow[]> {
    return manager.query<ContentRow[]>(query.text, query.values);
  }
}
