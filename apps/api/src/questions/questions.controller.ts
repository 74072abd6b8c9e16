import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@asclepia/moderation';
import type { Actor } from '../access/access-policy';
import { CurrentActor, OptionalActor } from '../auth/current-actor.decorator';
import { OptionalAuth } from '../auth/public.decorator';
import { RequestLocale } from '../common/http/locale.decorator';
import { AnswerDto, CreateAnswerDto } from './dto/answer.dto';
import { CreateQuestionDto, QuestionDetailDto, QuestionDto, QuestionListQueryDto, QuestionPageDto, UpdateQuestionDto } from './dto/question.dto';
import { AnswersService } from './answers.service';
import { QuestionsService } from './questions.service';

const id = () => new ParseUUIDPipe();

@ApiTags('questions')
@ApiBearerAuth()
@Controller('questions')
export class QuestionsController {
  constructor(
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
  ) {}

  @Post()
  ask(@CurrentActor() actor: Actor, @Body() body: CreateQuestionDto, @RequestLocale() locale: Locale): Promise<QuestionDto> {
    return this.questions.ask(actor, body, locale);
  }

  @Get()
  @OptionalAuth()
  list(@OptionalActor() viewer: Actor | null, @Query() query: QuestionListQueryDto): Promise<QuestionPageDto> {
    return this.questions.list(viewer, query);
  }

  @Get(':id')
  @OptionalAuth()
  get(@OptionalActor() viewer: Actor | null, @Param('id', id()) questionId: string): Promise<QuestionDetailDto> {
    return this.questions.get(viewer, questionId);
  }

  @Patch(':id')
  edit(
    @CurrentActor() actor: Actor,
    @Param('id', id()) questionId: string,
    @Body() body: UpdateQuestionDto,
    @RequestLocale() locale: Locale,
  ): Promise<QuestionDto> {
    return this.questions.edit(actor, questionId, body, locale);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', id()) questionId: string): Promise<void> {
    return this.questions.remove(actor, questionId);
  }

  @Post(':id/answers')
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', id()) questionId: string,
    @Body() body: CreateAnswerDto,
    @RequestLocale() locale: Locale,
  ): Promise<AnswerDto> {
    return this.answers.answer(actor, questionId, body, locale);
  }
}
