'use client'
import { PublishButton, useAuth, useDocumentInfo, useModal } from '@payloadcms/ui'
import type { PublishButtonClientProps } from 'payload'
import { useEffect } from 'react'

import { hasRole, PUBLISHERS } from '../access/roles'
import type { User } from '../payload-types'

/**
 * Payload's 「変更内容を公開」 (with its schedule menu) for reviewers and admins only. Payload shows
 * it to anyone who may update the document, so an editor saw a button that could only answer 403.
 * Editors keep 「下書きを保存」 and ask for review with 承認状態 = 承認待ち.
 */
export function PublishButtonForPublishers(props: PublishButtonClientProps) {
  const { user } = useAuth<User>()
  const { id, hasPublishedDoc } = useDocumentInfo()
  const { isModalOpen } = useModal()
  const scheduleOpen = isModalOpen(`schedule-publish-${id}`)
  useEffect(() => {
    // Payload opens the schedule drawer on 非公開 when the entry has no newer draft, which is also
    // the case of a draft never published (decision 0035): choose 公開 for it. The drawer's own
    // radio, by the id Payload gives it, so its state stays Payload's.
    if (!scheduleOpen || hasPublishedDoc) return
    const timer = setTimeout(
      () => document.getElementById(`field-schedule-publish-${id}-type-publish`)?.click(),
      50,
    )
    return () => clearTimeout(timer)
  }, [scheduleOpen, hasPublishedDoc, id])
  if (!hasRole(user, ...PUBLISHERS)) return null
  return <PublishButton {...props} />
}
