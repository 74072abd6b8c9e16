import { ForbiddenException, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { IsString } from 'class-validator';
import { ChatError, refusal, validated } from './ws-ack';

class Sample {
  @IsString() roomId!: string;
}

describe('ws acks', () => {
  it('maps HTTP exceptions and chat errors to refusal codes', () => {
    expect(refusal(new NotFoundException('Room not found'))).toEqual({ ok: false, error: 'not_found', message: 'Room not found' });
    expect(refusal(new ForbiddenException('You are muted until x'))).toMatchObject({ ok: false, error: 'muted' });
    expect(refusal(new ChatError('rate_limited'))).toMatchObject({ ok: false, error: 'rate_limited' });
  });

  it('hides the detail of unexpected errors', () => {
    expect(refusal(new Error('relation "x" does not exist'))).toEqual({ ok: false, error: 'internal' });
    expect(refusal(new InternalServerErrorException('boom'))).toEqual({ ok: false, error: 'internal' });
  });

  it('refuses non-objects, wrong types and unknown fields', () => {
    for (const payload of [null, 'x', 42, [], { roomId: 1 }, { roomId: 'a', extra: true }]) {
      expect(() => validated(Sample, payload)).toThrow(expect.objectContaining({ code: 'invalid' }));
    }
    expect(validated(Sample, { roomId: 'a' })).toEqual({ roomId: 'a' });
  });
});
