import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { http } from './http';

export const PASSWORD = 'slow green tortoise 42';

export interface Session {
  id: string;
  email: string;
  handle: string;
  accessToken: string;
  refreshToken: string;
}

const unique = () => randomBytes(5).toString('hex');

export function newUserInput(role: 'patient' | 'physician' = 'patient') {
  const tag = unique();
  return { email: `user_${tag}@example.test`, password: PASSWORD, handle: `u_${tag}`, role };
}

export async function register(api: string, role: 'patient' | 'physician' = 'patient'): Promise<Session> {
  const input = newUserInput(role);
  const res = await http('POST', `${api}/auth/register`, { body: input });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`);
  return { id: res.body.user.id, email: input.email, handle: input.handle, accessToken: res.body.accessToken, refreshToken: res.body.refreshToken };
}

/**
 * Staff accounts can't self-register; the test grants the role in the database, as an admin's
 * earlier grant would have, then the user signs in again.
 */
export async function registerAs(api: string, dataSource: DataSource, role: 'moderator' | 'admin'): Promise<Session> {
  const session = await register(api);
  await dataSource.query('UPDATE users SET role = $1 WHERE id = $2', [role, session.id]);
  return session;
}

export async function verifiedPhysician(api: string, dataSource: DataSource, specialty = 'Cardiology'): Promise<Session> {
  const session = await register(api, 'physician');
  await dataSource.query('UPDATE users SET verified_at = now(), specialty = $1 WHERE id = $2', [specialty, session.id]);
  return session;
}
