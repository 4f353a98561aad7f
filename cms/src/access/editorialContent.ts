import type { CollectionConfig } from 'payload'

import { readContent } from './readContent'
import { roleIn } from './roleIn'
import { CONTENT_WRITERS, PUBLISHERS } from './roles'

/**
 * The editorial collections (FAQs, guides): drafts with scheduled publishing (the workflow
 * validates on publish, not on every draft save) and the same access, so writers write, publishers
 * delete, and readContent decides what each reader sees. A function: Payload sanitizes a collection's
 * config objects in place, so two collections never share one.
 */
export const editorialContent = () =>
  ({
    versions: { drafts: { schedulePublish: true, validate: false }, maxPerDoc: 50 },
    access: {
      read: readContent,
      create: roleIn(...CONTENT_WRITERS),
      update: roleIn(...CONTENT_WRITERS),
      delete: roleIn(...PUBLISHERS),
      readVersions: roleIn(...CONTENT_WRITERS),
    },
  }) satisfies Pick<CollectionConfig, 'versions' | 'access'>
