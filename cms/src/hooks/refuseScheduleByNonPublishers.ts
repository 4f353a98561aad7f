import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { hasRole, PUBLISHERS } from '../access/roles'
import { PublishNotAllowedError } from './publishWorkflow'

/**
 * A scheduled publish (or unpublish) runs later as the user who set it, and an editor's was
 * refused only then, in the server log, after the admin had said 成功. The schedule is refused
 * when it is set instead: the job is not queued and the one who set it gets the reason.
 */
export const refuseScheduleByNonPublishers: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || data.taskSlug !== 'schedulePublish') return data
  const by = (data.input as { user?: { relationTo?: string; value?: number | string } } | undefined)?.user
  const scheduler = by?.value !== undefined ? await req.payload.findByID({ collection: 'users', id: by.value, depth: 0, overrideAccess: true, req, disableErrors: true }) : req.user
  // Without a user the job runs with full access: only the server itself queues such a job.
  if (scheduler && !hasRole(scheduler, ...PUBLISHERS)) throw new PublishNotAllowedError()
  return data
}

/** payload-jobs with the check above (jobs.jobsCollectionOverrides). */
export const jobsWithScheduleCheck = ({ defaultJobsCollection }: { defaultJobsCollection: CollectionConfig }): CollectionConfig => ({
  ...defaultJobsCollection,
  hooks: { ...defaultJobsCollection.hooks, beforeChange: [...(defaultJobsCollection.hooks?.beforeChange ?? []), refuseScheduleByNonPublishers] },
})
