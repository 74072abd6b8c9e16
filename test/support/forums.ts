import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ContentService } from '../../apps/api/src/content/content.service';
import type { Session } from './factories';
import { http, type HttpResult } from './http';
import type { TestApp } from './test-app';

/**
 * A word no other test writes: lowercase letters only, so the English stemmer and the moderation
 * pipeline leave it alone and search assertions can be exact while other tests add rows.
 */
export function uniqueWord(): string {
  return `zq${randomBytes(6).toString('hex').replace(/\d/g, (d) => 'ghijklmnop'[Number(d)])}`;
}

/** A forum category of the test's own, so list order and pages are not disturbed by other tests. */
export async function newForum(dataSource: DataSource): Promise<string> {
  const slug = `test-${randomBytes(5).toString('hex')}`;
  await dataSource.query('INSERT INTO forums (slug, name, description, position) VALUES ($1, $2, $3, 1000)', [slug, `Forum ${slug}`, 'A test forum']);
  return slug;
}

export interface ThreadInput {
  title?: string;
  body?: string;
  anonymous?: boolean;
}

export async function postThread(api: string, who: Session, slug = 'living-with', input: ThreadInput = {}): Promise<HttpResult> {
  const body = { title: input.title ?? `Managing my sugar levels ${uniqueWord()}`, body: input.body ?? `Morning walks helped me ${uniqueWord()}`, ...(input.anonymous !== undefined ? { anonymous: input.anonymous } : {}) };
  return http('POST', `${api}/forums/${slug}/threads`, { token: who.accessToken, body });
}

/** Creates a thread and insists it was stored; returns the 201 body. */
export async function thread(api: string, who: Session, slug?: string, input?: ThreadInput): Promise<any> {
  const res = await postThread(api, who, slug, input);
  if (res.status !== 201) throw new Error(`thread failed: ${res.status} ${res.text}`);
  return res.body;
}

export async function post(api: string, who: Session, threadId: string, body: string, anonymous?: boolean): Promise<any> {
  const res = await http('POST', `${api}/threads/${threadId}/posts`, { token: who.accessToken, body: anonymous === undefined ? { body } : { body, anonymous } });
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${res.text}`);
  return res.body;
}

/** A verified physician stating a diagnosis: the pipeline holds it for a moderator. */
export const DIAGNOSIS = 'Based on what you describe, you have classic migraine. Keep a headache diary for two weeks.';
/** A banned trade: the pipeline rejects it. */
export const REJECTED_TEXT = 'Kidney for sale, good price, serious buyers only';

/** Identifiers a user might type; the pipeline must remove them before anyone reads the text. */
export const PHONE = '+91 91234 56789';
export const AADHAAR = '3123 4567 8909';
export const RAW_DIGITS = ['91234 56789', '9123456789', '3123 4567 8909', '312345678909', '4567 8909'];

export function expectNoRawIdentifiers(text: string): void {
  for (const digits of RAW_DIGITS) expect(text).not.toContain(digits);
}

/** Nest's answer for a route nobody has built yet (as opposed to a 404 for missing content). */
const routeMissing = (res: HttpResult) => res.status === 404 && String(res.body?.message).startsWith('Cannot POST');

/**
 * Questions and answers belong to another module; use its HTTP API when it is there, else write
 * them through the one content path (the same pipeline the endpoint would run).
 */
export async function question(sut: TestApp, who: Session, title: string, body: string, role: 'patient' | 'physician' = 'patient'): Promise<{ id: string; status: string }> {
  const res = await http('POST', `${sut.api}/questions`, { token: who.accessToken, body: { title, body, tags: ['general'] } });
  if (res.status === 201) return res.body;
  if (!routeMissing(res)) throw new Error(`question failed: ${res.status} ${res.text}`);
  const row = await sut.app.get(ContentService).submit({ id: who.id, role, verified: false, mutedUntil: null }, { kind: 'question', title, body, tags: ['general'], locale: 'en-IN' });
  return { id: row.id, status: row.status };
}

export async function answer(sut: TestApp, who: Session, questionId: string, body: string): Promise<{ id: string; status: string }> {
  const res = await http('POST', `${sut.api}/questions/${questionId}/answers`, { token: who.accessToken, body: { body } });
  if (res.status === 201) return res.body;
  if (!routeMissing(res)) throw new Error(`answer failed: ${res.status} ${res.text}`);
  const row = await sut.app.get(ContentService).submit({ id: who.id, role: 'patient', verified: false, mutedUntil: null }, { kind: 'answer', body, parentId: questionId, locale: 'en-IN' });
  return { id: row.id, status: row.status };
}
