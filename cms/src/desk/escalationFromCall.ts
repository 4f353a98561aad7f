/** An escalation opened from the desk for the call just saved: its text and the summary it starts with. */
export const escalationFromCallText = {
  carried: (id: number) =>
    `応対デスクで保存した問い合わせ No.${id} を引き継ぎました。「内容」の最後に、市民課に確認したいことを書き足してください。`,
  notLoaded: (id: number) =>
    `問い合わせ No.${id} を読み込めませんでした。「元の問い合わせ」を選び、内容を入力してください。`,
  /** The start of the escalation's 内容: the call's number, 用件 and its summary as stored (masked). */
  summary: (id: number, category: string | undefined, callSummary: string) =>
    [
      `応対デスクの問い合わせ No.${id}（用件：${category ?? '未選択'}）`,
      `通話の要旨：${callSummary}`,
      '',
      '市民課に確認したいこと：',
    ].join('\n'),
} as const

/** The escalation's summary holds 4000 characters; a long call summary is cut to leave room for the question. */
export const escalationSummaryFromCall = (id: number, category: string | undefined, callSummary: string) =>
  escalationFromCallText.summary(id, category, callSummary.slice(0, 3000))
