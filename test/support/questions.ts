import { randomBytes } from 'node:crypto';
import type { Session } from './factories';
import { http } from './http';

/** A tag no other test uses, so a `?tag=` list holds only this test's questions. */
export const uniqueTag = () => `t-${randomBytes(6).toString('hex')}`;

export interface QuestionInput {
  title?: string;
  body?: string;
  tags?: string[];
  anonymous?: boolean;
}

/** POST /questions; fails the test unless it was stored (201). Returns the question as the author saw it. */
export async function askQuestion(api: string, who: Session, input: QuestionInput = {}): Promise<any> {
  const body = {
    title: input.title ?? 'How long does a sprained ankle take to heal?',
    body: input.body ?? 'I twisted my ankle playing football three days ago and it is still swollen.',
    tags: input.tags ?? [],
    ...(input.anonymous !== undefined ? { anonymous: input.anonymous } : {}),
  };
  const res = await http('POST', `${api}/questions`, { token: who.accessToken, body });
  if (res.status !== 201) throw new Error(`askQuestion failed: ${res.status} ${res.text}`);
  return res.body;
}

/** POST /questions/:id/answers; fails the test unless it was stored (201). */
export async function answerQuestion(api: string, who: Session, questionId: string, body = 'Rest, ice and elevation usually help within a couple of weeks.', anonymous?: boolean): Promise<any> {
  const res = await http('POST', `${api}/questions/${questionId}/answers`, {
    token: who.accessToken,
    body: { body, ...(anonymous !== undefined ? { anonymous } : {}) },
  });
  if (res.status !== 201) throw new Error(`answerQuestion failed: ${res.status} ${res.text}`);
  return res.body;
}

/** Text a physician's pipeline holds for review (a prescription: drug, dose and instruction). */
export const PRESCRIPTION = 'Take Dolo 650 twice daily for five days.';
/** Text the pipeline rejects outright (a blocked term). */
export const BLOCKED = 'Kidney for sale, call now';
