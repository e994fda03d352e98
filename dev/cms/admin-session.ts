// The CMS's admin API as a person in the admin panel uses it (tests, the approval benchmark): log in, create, edit, publish.
import type { LocalAccount } from './local-accounts';

export interface AdminResponse {
  readonly status: number;
  readonly body: { data?: Record<string, unknown>; error?: { message: string; details?: unknown } };
}

export interface AdminSession {
  request(method: string, path: string, body?: unknown): Promise<AdminResponse>;
}

export const reportPath = '/content-manager/collection-types/api::annual-report.annual-report';
export const agencyPath = '/content-manager/collection-types/api::agency.agency';

export async function logIn(cmsUrl: string, account: LocalAccount): Promise<AdminSession> {
  const login = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const { data } = (await login.json()) as { data?: { token?: string } };
  if (!data?.token) throw new Error(`${account.email} could not log in (${login.status})`);
  const token = data.token;
  return {
    async request(method, path, body) {
      const response = await fetch(`${cmsUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as AdminResponse['body']) : {} };
    },
  };
}
