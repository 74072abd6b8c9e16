import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { AnswerReactionsService } from './answer-reactions.service';
import { AnswersController } from './answers.controller';
import { AnswersService } from './answers.service';
import { QuestionsController } from './questions.controller';
import { QuestionsReader } from './questions.reader';
import { QuestionsService } from './questions.service';

/** Questions, answers, votes and endorsements (API.md "Questions and answers"). */
@Module({
  imports: [ContentModule],
  controllers: [QuestionsController, AnswersController],
  providers: [QuestionsService, AnswersService, AnswerReactionsService, QuestionsReader],
})
export class QuestionsModule {}
