import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AuthService, Role } from '@hub/auth';

export interface StaffSpec {
  username: string;
  roles: Role[];
  unit?: string | null;
}

export const TEST_PASSWORD = 'test-password-2026';

/** Creates a staff account and returns its bearer token. */
export async function staffToken(app: INestApplication, spec: StaffSpec): Promise<string> {
  await app.get(AuthService).createUser({ username: spec.username, password: TEST_PASSWORD, displayName: spec.username, roles: spec.roles, unit: spec.unit ?? null });
  return login(app, spec.username, TEST_PASSWORD);
}

export async function login(app: INestApplication, username: string, password: string): Promise<string> {
  const res = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username, password }).expect(200);
  return res.body.accessToken as string;
}
