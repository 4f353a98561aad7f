import type { CollectionConfig } from 'payload'

import { anyone } from './anyone'
import { roleIn } from './roleIn'
import { CONTENT_WRITERS, PUBLISHERS } from './roles'

/**
 * The reference data the FAQs point to (categories, sources): everyone reads it, writers write,
 * publishers delete, as for the editorial collections but without drafts. A function for the same
 * reason as `editorialContent`: Payload sanitizes a collection's config objects in place.
 */
export const referenceDataAccess = () =>
  ({
    read: anyone,
    create: roleIn(...CONTENT_WRITERS),
    update: roleIn(...CONTENT_WRITERS),
    delete: roleIn(...PUBLISHERS),
  }) satisfies CollectionConfig['access']
