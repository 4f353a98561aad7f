'use client'
import { TextareaField, useAuth } from '@payloadcms/ui'
import type { TextareaFieldClientComponent } from 'payload'

import { hasRole, PUBLISHERS } from '../access/roles'
import type { User } from '../payload-types'

/** 差し戻し理由: written by reviewers, read-only for everyone else (the server refuses their change anyway). */
export const SendBackReasonField: TextareaFieldClientComponent = (props) => {
  const { user } = useAuth<User>()
  return <TextareaField {...props} readOnly={props.readOnly || !hasRole(user, ...PUBLISHERS)} />
}
