// The two roles of a 政务公开 office, made at every start (idempotent): 撰稿人 drafts and edits reports and cannot
// publish; 审核人 reads, previews and publishes (= approves) and cannot edit the text. Publish and unpublish are one
// permission in Strapi, so only 审核人 (and the super admin) can take a report offline in the CMS; the archive
// keeps every published version either way.
import type { Core } from '@strapi/strapi';
import { reportUid, runUid } from './run-records';

const agencyUid = 'api::agency.agency';
/** A content-manager permission, as roles are granted them and abilities checked. */
export const explorer = (action: string) => `plugin::content-manager.explorer.${action}`;

interface RoleDefinition {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly grants: readonly { readonly action: string; readonly subjects: readonly string[] }[];
}

export const nianbaoRoles: readonly RoleDefinition[] = [
  {
    code: 'nianbao-editor',
    name: '撰稿人',
    description: '起草和修改年报正文，不能发布',
    grants: [
      { action: explorer('create'), subjects: [reportUid] },
      { action: explorer('read'), subjects: [reportUid, agencyUid, runUid] },
      { action: explorer('update'), subjects: [reportUid] },
      { action: explorer('delete'), subjects: [reportUid] },
    ],
  },
  {
    code: 'nianbao-approver',
    name: '审核人',
    description: '审阅、预览并发布（审核通过）年报，不能修改正文',
    grants: [
      { action: explorer('read'), subjects: [reportUid, agencyUid, runUid] },
      { action: explorer('publish'), subjects: [reportUid] },
    ],
  },
];

const systemFields = new Set([
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

/** Every field of a content type as the permission engine names them (component fields as `overview.heading`). */
function fieldsOf(strapi: Core.Strapi, uid: string): string[] {
  const attributes = strapi.contentType(uid as never).attributes as Record<
    string,
    { type: string; component?: string }
  >;
  return Object.entries(attributes)
    .filter(([name]) => !systemFields.has(name))
    .flatMap(([name, attribute]) =>
      attribute.type === 'component' && attribute.component
        ? Object.keys(strapi.components[attribute.component as never].attributes).map((sub) => `${name}.${sub}`)
        : [name],
    );
}

/** The admin's role service, typed by hand for what is used here. */
interface RoleService {
  findOne(where: { code: string }): Promise<{ id: number } | null>;
  create(attributes: { name: string; code: string; description: string }): Promise<{ id: number }>;
  assignPermissions(id: number, permissions: readonly Record<string, unknown>[]): Promise<unknown>;
}

export async function ensureRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role') as unknown as RoleService;
  for (const role of nianbaoRoles) {
    const { id } =
      (await roles.findOne({ code: role.code })) ??
      (await roles.create({ name: role.name, code: role.code, description: role.description }));
    const permissions = role.grants.flatMap(({ action, subjects }) =>
      subjects.map((subject) => ({
        action,
        subject,
        // Publish has no field list; the others name every field (a field missing from the list is dropped on write).
        properties: action === explorer('publish') ? {} : { fields: fieldsOf(strapi, subject) },
        conditions: [],
      })),
    );
    await roles.assignPermissions(id, permissions);
  }
}
