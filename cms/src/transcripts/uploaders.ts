/** Who may upload transcript files in the admin (shared by the endpoint and the form). */
export const TRANSCRIPT_UPLOADERS = ['admin', 'supervisor'] as const
