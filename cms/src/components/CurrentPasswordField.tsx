'use client'

import { PasswordField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

/** The users' `currentPassword` as a masked input the browser fills from its password manager. */
export const CurrentPasswordField: TextFieldClientComponent = ({ field, path }) => <PasswordField autoComplete="current-password" field={field} path={path ?? field.name} />
