// The local CMS's people: a super admin, an example 撰稿人 and an example 审核人, made once with generated passwords
// (kept in the data folder, printed by npm start). Never used outside a local system.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';

export interface LocalAccount {
  readonly role: string;
  readonly email: string;
  readonly password: string;
}

const people = [
  {
    key: 'admin',
    role: 'strapi-super-admin',
    roleName: '超级管理员',
    email: 'admin@nianbao.local',
    name: ['管理员', '本地'],
  },
  { key: 'editor', role: 'nianbao-editor', roleName: '撰稿人', email: 'editor@nianbao.local', name: ['撰稿', '张'] },
  {
    key: 'approver',
    role: 'nianbao-approver',
    roleName: '审核人',
    email: 'approver@nianbao.local',
    name: ['审核', '李'],
  },
] as const;

export type LocalAccounts = Record<(typeof people)[number]['key'], LocalAccount>;

interface AdminUsers {
  exists(where: Record<string, unknown>): Promise<boolean>;
  create(attributes: Record<string, unknown>): Promise<unknown>;
}

/** Strapi asks for 8+ characters with a lower-case letter, an upper-case letter and a digit. */
const password = () => `Nb1${randomBytes(12).toString('base64url')}`;

export async function ensureLocalAccounts(strapi: Core.Strapi, dataDir: string): Promise<LocalAccounts> {
  const file = join(dataDir, 'cms-accounts.json');
  const stored = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as Partial<LocalAccounts>,
    (): Partial<LocalAccounts> => ({}),
  );
  const users = strapi.service('admin::user') as unknown as AdminUsers;
  const accounts = {} as Record<string, LocalAccount>;
  for (const person of people) {
    const account = stored[person.key] ?? { role: person.roleName, email: person.email, password: password() };
    accounts[person.key] = account;
    if (await users.exists({ email: person.email })) continue;
    const role = (await strapi.db.query('admin::role').findOne({ where: { code: person.role } })) as { id: number };
    await users.create({
      email: person.email,
      firstname: person.name[0],
      lastname: person.name[1],
      password: account.password,
      isActive: true,
      roles: [role.id],
    });
  }
  await writeFile(file, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  return accounts as LocalAccounts;
}
