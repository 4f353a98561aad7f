import type { CollectionConfig } from 'payload'

import { fieldRoleIn, roleIn } from '../../access/roleIn'
import { readEnv } from '../../env'
import { ROLE_LABELS, ROLES } from '../../access/roles'
import { selfOrAdmin } from '../../access/selfOrAdmin'
import { firstUserIsAdmin } from './firstUserIsAdmin'
import { enforcePasswordPolicy } from './passwordPolicy'
import { requireCurrentPassword } from './requireCurrentPassword'
import { enforcePasswordPolicyOnReset } from './resetPasswordPolicy'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'ユーザー', plural: 'ユーザー' },
  auth: {
    // No account lock: anyone could lock a staff account with ten wrong passwords. Failed sign-ins
    // are limited per address and per account and address instead (src/http/loginGuard.ts), and
    // checking a current password (requireCurrentPassword.ts) counts towards no lock.
    maxLoginAttempts: 0,
    // The session cookie never travels over plain http when browsers reach Kotae over https.
    cookies: { secure: readEnv().KOTAE_SERVER_URL.startsWith('https:'), sameSite: 'Lax' },
  },
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'roles'], group: '管理' },
  access: {
    read: selfOrAdmin,
    create: roleIn('admin'),
    update: selfOrAdmin,
    delete: roleIn('admin'),
  },
  hooks: {
    beforeOperation: [enforcePasswordPolicyOnReset],
    beforeValidate: [requireCurrentPassword, enforcePasswordPolicy],
    beforeChange: [firstUserIsAdmin],
  },
  fields: [
    { name: 'name', label: '氏名', type: 'text', maxLength: 100 },
    {
      name: 'roles',
      label: '役割',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['operator'],
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      saveToJWT: true,
      access: { update: fieldRoleIn('admin'), create: fieldRoleIn('admin') },
      admin: {
        description: '最初に登録したユーザーはシステム管理者になります。',
        // Not on the first-user screen (nobody signed in): that account becomes the admin whatever is chosen.
        condition: (_data, _siblingData, { user }) => Boolean(user),
      },
    },
    {
      // The first-user screen's place for the role: the one it will get, said in words.
      name: 'firstUserRole',
      type: 'ui',
      admin: {
        condition: (_data, _siblingData, { user }) => !user,
        components: { Field: '/components/FirstUserRole#FirstUserRole' },
      },
    },
    {
      // Asked for by requireCurrentPassword.ts; shown on one's own account only, never stored or returned.
      name: 'currentPassword',
      label: '現在のパスワード',
      type: 'text',
      virtual: true,
      admin: {
        condition: (data, _siblingData, { user }) =>
          Boolean(user && data?.id !== undefined && String(user.id) === String(data.id)),
        description: 'メールアドレスやパスワードを変更するときは、現在のパスワードを入力してください。',
        components: { Field: '/components/CurrentPasswordField#CurrentPasswordField' },
      },
    },
  ],
}
