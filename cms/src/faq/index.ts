/** The `faqs` collection's records ↔ FAQ entries in the content files' shape (@kotae/content/faq). */
export * from './fromPayload'
export * from './toPayload'
