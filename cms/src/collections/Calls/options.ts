/** How the call reached the call center. */
export const CHANNELS = [
  { label: '直接入電', value: 'direct' },
  { label: '市民課から転送', value: 'transfer-shiminka' },
  { label: '代表電話から転送', value: 'transfer-switchboard' },
]

/** Who called. */
export const CALLER_TYPES = [
  { label: '本人', value: 'self' },
  { label: '家族', value: 'family' },
  { label: '代理人', value: 'proxy' },
  { label: '事業者', value: 'business' },
  { label: '不明', value: 'unknown' },
]

/** How the call ended. */
export const OUTCOMES = [
  { label: '一次完了（その場で解決）', value: 'resolved' },
  { label: '市民課へエスカレーション', value: 'escalated' },
  { label: '折り返し', value: 'callback' },
  { label: '予約の受付', value: 'reservation-made' },
  { label: '予約の変更', value: 'reservation-changed' },
  { label: '予約の取消', value: 'reservation-cancelled' },
  { label: '転送', value: 'transferred' },
]
