'use client'

import { FieldDescription, PasswordField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

/**
 * The users' `currentPassword` as a masked input the browser fills from its password manager.
 * Never required in the form (Payload's password input would be): the server asks for it only when
 * the e-mail or the password changes (src/collections/Users/requireCurrentPassword.ts).
 */
export const CurrentPasswordField: TextFieldClientComponent = ({ field, path }) => {
  const fieldPath = path ?? field.name
  return (
    <div>
      <PasswordField autoComplete="current-password" field={field} path={fieldPath} validate={() => true} />
      <FieldDescription description={field.admin?.description} path={fieldPath} />
    </div>
  )
}
