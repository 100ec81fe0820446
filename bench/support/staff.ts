import { Client } from 'pg';

const PASSWORD = 'bench-pass-2026';

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function login(base: string, username: string, password: string): Promise<string> {
  return (await post<{ accessToken: string }>(`${base}/api/v1/auth/login`, { username, password })).accessToken;
}

/** Creates staff through the product's own API (as an admin would) and logs each in; `limit` at a time (argon2 is meant to be slow). */
export async function staffTokens(base: string, users: Array<{ username: string; roles: string[]; unit: string | null }>, limit = 4): Promise<Map<string, string>> {
  const admin = await login(base, process.env.BENCH_ADMIN_USERNAME ?? 'admin', process.env.BENCH_ADMIN_PASSWORD ?? 'admin-demo-2026');
  const tokens = new Map<string, string>();
  let next = 0;
  const lane = async () => {
    while (next < users.length) {
      const u = users[next++];
      await post(`${base}/api/v1/users`, { username: u.username, password: PASSWORD, displayName: u.username, roles: u.roles, unit: u.unit }, admin).catch((e: Error) => {
        if (!/409|exists|taken/i.test(e.message)) throw e;
      });
      tokens.set(u.username, await login(base, u.username, PASSWORD));
    }
  };
  await Promise.all(Array.from({ length: limit }, lane));
  return tokens;
}

export async function allUnits(db: Client): Promise<string[]> {
  return (await db.query(`SELECT code FROM units ORDER BY code`)).rows.map((r: { code: string }) => r.code);
}
