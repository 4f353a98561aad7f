/** What the CSV import and export say, in Japanese for the city staff who read them. */
export const msg = {
  required: '入力が必要です。',
  requiredForReview: '入力が必要です（状態が「下書き」の行だけは空のまま取り込めます）。',
  tooLong: (length: number, max: number) => `${length}文字あります。${max}文字以内にしてください。`,
  slug: (value: string) =>
    `「${value}」はIDとして使えません。半角英小文字・数字・ハイフンで入力してください（例: card-renewal-when）。`,
  date: (value: string) =>
    `「${value}」は日付として読めません。2027-05-31 のように西暦の年-月-日で入力してください。`,
  notADate: (value: string) => `「${value}」は存在しない日付です。`,
  oneOf: (value: string, allowed: readonly string[]) =>
    `「${value}」は使えません。${allowed.map((a) => `「${a}」`).join('、')}のいずれかを入力してください。`,
  code: (value: string) => `「${value}」は全国地方公共団体コード（6桁の数字）ではありません。`,
  otherCity: (value: string, expected: string) =>
    `「${value}」はこの自治体（${expected}）のものではありません。`,
  noSources: '出典を1つ以上、「;」で区切って入力してください。',
  rawHtml: (tags: string[]) =>
    `HTMLタグ ${tags
      .slice(0, 3)
      .map((t) => `「${t}」`)
      .join('、')} はサイトに表示されません。Markdown（**太字**、## 見出し など）で書いてください。`,
  translationOfJa: '翻訳元IDは言語が「en」の行だけに入力します。',
  translationOfSelf: '翻訳元IDに自分自身のIDは指定できません。',
  relatedSelf: '関連FAQに自分自身のIDは指定できません。',
  duplicateId: (id: string, firstLine: number) => `ID「${id}」が${firstLine}行目と重複しています。`,
  duplicateQuestion: (firstLine: number) => `同じ質問が${firstLine}行目にもあります。`,
  unknownCategory: (id: string) => `カテゴリ「${id}」は登録されていません。`,
  unknownSource: (id: string) => `出典「${id}」は登録されていません。`,
  unknownFaq: (id: string) => `FAQ「${id}」はこのファイルにもデータベースにもありません。`,
  brokenEncoding: '文字コードが壊れています（UTF-8 としても Shift_JIS としても読めない文字があります）。',
  emptyFile: 'ファイルが空です。1行目に見出しが必要です。',
  missingColumn: (name: string) => `見出しに列「${name}」がありません。`,
  unknownColumn: (name: string) => `見出しの「${name}」はこの形式の列ではありません。`,
  duplicateColumn: (name: string) => `見出しに列「${name}」が2回あります。`,
  columnCount: (got: number, expected: number) =>
    `列の数が${got}です（${expected}列必要です）。値にカンマを含むときは値全体を「"」で囲んでください。`,
  unterminatedQuote: '「"」で始まった値が閉じられていません。このため、この行から後は読めませんでした。',
  badQuote: (detail: string) =>
    `「"」の使い方が正しくありません（値の途中の「"」は値全体を「"」で囲み、「""」と2つ重ねてください）。${detail}`,
  parseError: (detail: string) => `CSVとして読めません: ${detail}`,
  noRows: 'データの行がありません。',
  unsafeChar: (chars: string[]) =>
    `機種依存文字 ${chars.map((c) => `「${c}」(U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join('、')} を置き換える文字がないため「〓」にしました。元のデータを直してください。`,
  cellTooLongForExcel: (length: number) => `${length}文字あり、Excel の1セルの上限（32,767文字）を超えます。`,
} as const
