import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@asclepia/moderation';
import type { Actor } from '../access/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequestLocale } from '../common/http/locale.decorator';
import { AnswerDto, EndorsementResultDto, UpdateAnswerDto, VoteDto, VoteResultDto } from './dto/answer.dto';
import { AnswerReactionsService } from './answer-reactions.service';
import { AnswersService } from './answers.service';

const id = () => new ParseUUIDPipe();

@ApiTags('questions')
@ApiBearerAuth()
@Controller('answers/:id')
export class AnswersController {
  constructor(
    private readonly answers: AnswersService,
    private readonly reactions: AnswerReactionsService,
  ) {}

  @Patch()
  edit(@CurrentActor() actor: Actor, @Param('id', id()) answerId: string, @Body() body: UpdateAnswerDto, @RequestLocale() locale: Locale): Promise<AnswerDto> {
    return this.answers.edit(actor, answerId, body, locale);
  }

  @Delete()
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', id()) answerId: string): Promise<void> {
    return this.answers.remove(actor, answerId);
  }

  @Post('accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id', id()) answerId: string): Promise<AnswerDto> {
    return this.answers.accept(actor, answerId);
  }

  /** Sets the caller's vote (200 with the new score): it is a state of the pair (user, answer), not a new resource. */
  @Post('votes')
  @HttpCode(200)
  vote(@CurrentActor() actor: Actor, @Param('id', id()) answerId: string, @Body() body: VoteDto): Promise<VoteResultDto> {
    return this.reactions.vote(actor, answerId, body.value);
  }

  @Delete('votes')
  @HttpCode(204)
  retractVote(@CurrentActor() actor: Actor, @Param('id', id()) answerId: string): Promise<void> {
    return this.reactions.retractVote(actor, answerId);
  }

  @Post('endorsements')
  endorse(@CurrentActor() actor: Actor, @Param('id', id()) answerId: string): Promise<EndorsementResultDto> {
    return this.reactions.endorse(actor, answerId);
  }

  @Delete('endorsements')
  @HttpCode(204)
  withdrawEndorsement(@CurrentActor() actor: Actor, @Param('id', id()) answerId: string): Promise<void> {
    return this.reactions.withdrawEndorsement(actor, answerId);
  }
}
