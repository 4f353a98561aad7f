import type { Access } from 'payload'

/** Closed to every request; only the system (overrideAccess) writes, e.g. the audit log. */
export const nobody: Access = () => false
