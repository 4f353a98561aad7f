import type { CollectionAfterChangeHook } from 'payload'

import { readEnv } from '../../env'

/**
 * Tells 市民課 by e-mail that a new escalation waits. The mail carries only the masked summary
 * and a link; a mail failure is logged and never loses the escalation.
 */
export const notifyShiminka: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const env = readEnv()
  if (!env.KOTAE_ESCALATION_TO) return doc
  const urgency = doc.urgency === 'high' ? '【至急】' : ''
  try {
    await req.payload.sendEmail({
      to: env.KOTAE_ESCALATION_TO,
      subject: `${urgency}コールセンターからの確認依頼（No.${doc.id}）`,
      text: [
        `${doc.assignedTo ?? '市民課'} ご担当者様`,
        '',
        'コールセンターで判断できないお問い合わせがありました。内容を確認し、回答をKotaeに入力してください。',
        '',
        `内容: ${doc.summary}`,
        `緊急度: ${doc.urgency}`,
        `回答の入力: ${env.KOTAE_SERVER_URL}/admin/collections/escalations/${doc.id}`,
      ].join('\n'),
    })
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `escalation ${doc.id}: notification mail failed` })
  }
  return doc
}
