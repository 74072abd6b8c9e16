import { randomBytes } from 'node:crypto';
import { http, type HttpResult } from './http';
import { register, type Session } from './factories';
import type { TestApp } from './test-app';

/** A physician's question the pipeline holds (diagnosis language) and whose original carries a phone number. */
export const HELD_BODY = 'You have diabetes. Call me at +91 98200 12345 for details.';
export const HELD_PHONE = '98200 12345';
/** Self-harm language: published at once with a crisis notice, and queued at high priority. */
export const CRISIS_BODY = 'I want to end my life, nothing helps anymore.';
/** A physician's answer held for a diagnosis and a dose; it carries the no-diagnosis disclaimer. */
export const HELD_ANSWER_BODY = 'You definitely have type 2 diabetes; take metformin 500 mg twice daily.';

const tag = () => randomBytes(3).toString('hex');

export async function ask(sut: TestApp, who: Session, input: { title?: string; body: string; anonymous?: boolean }): Promise<any> {
  const res = await http('POST', `${sut.api}/questions`, {
    token: who.accessToken,
    body: { title: input.title ?? `Question ${tag()}`, body: input.body, tags: [], anonymous: input.anonymous ?? false },
  });
  if (res.status !== 201) throw new Error(`POST /questions failed: ${res.status} ${res.text}`);
  return res.body;
}

export async function answer(sut: TestApp, who: Session, questionId: string, body: string): Promise<any> {
  const res = await http('POST', `${sut.api}/questions/${questionId}/answers`, { token: who.accessToken, body: { body } });
  if (res.status !== 201) throw new Error(`POST answers failed: ${res.status} ${res.text}`);
  return res.body;
}

/** A held physician question and the id of its pending queue item. */
export async function heldQuestion(sut: TestApp, author?: Session): Promise<{ author: Session; question: any; itemId: string }> {
  const who = author ?? (await register(sut.api, 'physician'));
  const question = await ask(sut, who, { title: `Blood sugar ${tag()}`, body: HELD_BODY });
  if (question.status !== 'held') throw new Error(`expected a held question, got ${question.status}`);
  return { author: who, question, itemId: await pendingItemId(sut, question.id) };
}

/** The queue item of a content row; read from the database so the queue's own reads (and audit rows) stay the test's. */
export async function pendingItemId(sut: TestApp, contentId: string): Promise<string> {
  const rows: Array<{ id: string }> = await sut.dataSource.query(`SELECT id FROM moderation_items WHERE content_id = $1 AND status = 'pending'`, [contentId]);
  if (rows.length !== 1) throw new Error(`expected one pending item for ${contentId}, found ${rows.length}`);
  return rows[0].id;
}

export const queue = (sut: TestApp, token: string | undefined, query = ''): Promise<HttpResult> =>
  http('GET', `${sut.api}/moderation/queue${query}`, { token });

export const decide = (sut: TestApp, token: string, itemId: string, body: unknown): Promise<HttpResult> =>
  http('POST', `${sut.api}/moderation/queue/${itemId}/decision`, { token, body });

export const claim = (sut: TestApp, token: string, itemId: string, verb: 'claim' | 'release' = 'claim'): Promise<HttpResult> =>
  http('POST', `${sut.api}/moderation/queue/${itemId}/${verb}`, { token });

export const readOriginal = (sut: TestApp, token: string | undefined, contentId: string): Promise<HttpResult> =>
  http('GET', `${sut.api}/content/${contentId}/original`, { token });

/** Every item of a queue, following nextCursor to the end. */
export async function wholeQueue(sut: TestApp, token: string, status = 'pending', limit = 100): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  for (let pages = 0; ; pages++) {
    if (pages > 1000) throw new Error('pagination does not end');
    const res = await queue(sut, token, `?status=${status}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (res.status !== 200) throw new Error(`GET /moderation/queue failed: ${res.status} ${res.text}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (cursor === null) return items;
  }
}

export async function contentStatus(sut: TestApp, contentId: string): Promise<string> {
  const [row] = await sut.dataSource.query('SELECT status FROM content WHERE id = $1', [contentId]);
  return row.status as string;
}
