import type { Access } from 'payload'

/** Open to everyone, signed in or not (reference data such as categories). */
export const anyone: Access = () => true
