/**
 * Japanese UI strings (the site's first language). Every string a page shows that is not content
 * lives here or in en.ts, which must have the same shape. Texts with `{name}` are filled by
 * `fill()`; they stay plain strings so they can travel to the browser as JSON.
 */
export const ja = {
  lang: 'ja',
  htmlLang: 'ja',
  siteName: 'マイナンバーカード よくある質問',
  siteOwner: '東広島市',
  siteDescription:
    '東広島市のマイナンバーカードについて、よくある質問と手続きの案内、持ち物の確認、問い合わせ先をまとめています。',
  skipToContent: '本文へ移動',
  nav: {
    label: 'サイト内メニュー',
    home: 'ホーム',
    search: '検索',
    categories: '質問の一覧',
    guides: '手続きの案内',
    checker: '持ち物チェック',
    contact: 'お問い合わせ',
  },
  footer: {
    label: 'サイト情報',
    accessibility: 'アクセシビリティ',
    aiAndData: 'AIとデータの扱い',
    contact: 'お問い合わせ',
    note: 'このサイトの回答は、市と国などの公式な情報をもとに職員が確認したものです。',
  },
  langSwitch: { label: 'English', hrefLang: 'en', title: 'Read this page in English' },
  breadcrumb: '現在位置',
  home: {
    title: 'マイナンバーカードのよくある質問',
    lead: '知りたいことを入力してください。カードの更新、電子証明書、暗証番号、受け取りなどの答えがすぐに見つかります。',
    popular: 'よく見られている質問',
    categories: '分野から探す',
    guides: '手続きの案内',
    notices: 'お知らせ',
    checkerCta: '持ち物チェック：何を持って行けばよいか確認する',
    allQuestions: 'すべての質問を見る',
  },
  search: {
    title: '検索',
    label: 'キーワードや質問',
    placeholder: '例：暗証番号を忘れた',
    submit: '検索',
    hint: '話し言葉やひらがなでも探せます。',
    loading: '検索の準備をしています…',
    count: '{n}件見つかりました',
    countFor: '「{q}」の検索結果：{n}件',
    countShown: '「{q}」の検索結果：{n}件（上位{shown}件を表示しています）',
    showing: '上位{n}件を表示しています',
    more: 'すべての結果を見る',
    guideBadge: '手続きの案内',
    // Shown on English pages only (a result whose page has no English translation yet).
    japaneseOnly: '日本語のみ',
    // No sure answer: nothing matched, or the engine is not sure the first result answers it.
    notSure: '「{q}」について、はっきりお答えできる回答が見つかりませんでした。',
    notSureStatus:
      '「{q}」について、はっきりお答えできる回答が見つかりませんでした。近い話題を{n}件表示しています。',
    nearTopics: '近い話題',
    nearLead: 'お探しの内容と同じとは限りませんが、近い話題です。',
    zeroTips: [
      '短い言葉で探してみてください（例：「更新」「暗証番号」「受け取り」）。',
      '漢字をひらがなにしたり、別の言い方にしたりしてみてください。',
    ],
    tooShort: '2文字以上の言葉で探してみてください（例：「暗証番号」「受け取り」）。',
    didYouMean: 'もしかして：',
    zeroPhone: 'お電話でもお答えします',
    zeroPopular: 'よく見られている質問',
    // Ask back: the first answers differ by one thing the question left open (card or certificate …).
    askBack: 'どちらについてのご質問ですか？',
    askBackHint: '選ぶと、その内容の回答を先に表示します。',
    askBackStatus: '「{q}」の検索結果：{n}件（絞り込みの質問があります）',
    askBackChosen: '「{name}」についての回答を先に表示しています：{n}件',
    // Facet names by `dimension.value` for pages not in Japanese; Japanese pages use the vocabulary's own names.
    facetNames: {} as Readonly<Record<string, string>>,
    error: '検索を読み込めませんでした。ページを再読み込みするか、下の一覧から探してください。',
    noscript:
      '検索にはJavaScriptが必要です。JavaScriptが使えない場合は、分野の一覧からすべての質問を見られます。',
    browse: '分野の一覧から探す',
  },
  faq: {
    shortAnswer: '要点',
    bring: 'お持ちいただくもの',
    bringHint: 'チェックを付けながら準備できます（チェックは保存されません）。',
    optional: '該当する方・お持ちの方',
    cases: { self: 'ご本人', proxy: '代理人', child: 'お子さま（法定代理人）', foreign: '外国籍の方' },
    forCases: '{cases}の場合',
    sources: '出典',
    checkedOn: '確認日：{date}',
    lastReviewed: '最終確認日：{date}',
    related: '関連する質問',
    category: '分野：',
    onlyJapanese: '',
    easyLink: 'やさしい日本語で読む',
    easyTitle: 'やさしい日本語',
    easyNote: 'おなじことを、みじかい文で書きました。漢字には、ふりがながあります。',
    guideCta: '手続きの流れを見る',
    colon: '：',
    tableLabel: '表',
    listJoin: '・',
  },
  feedback: {
    title: '解決しましたか？',
    yes: 'はい',
    no: 'いいえ',
    reasonLabel: 'よろしければ理由を教えてください（任意）',
    reasonYes: '役に立った点があれば教えてください（任意）',
    reasonHint: '氏名・電話番号・マイナンバーなどの個人情報は書かないでください。お返事はできません。',
    send: '送信する',
    skip: '送信しないで閉じる',
    thanks: 'ありがとうございました。いただいた声は回答の改善に使います。',
    unresolved: '解決しない場合は、お電話でお問い合わせください。',
  },
  guide: {
    indexTitle: '手続きの案内',
    indexLead: '手続きごとに、流れ・持ち物・場所と時間をまとめています。',
    steps: '手続きの流れ',
    bring: '持ち物',
    where: '場所',
    when: '時期・時間',
    checker: 'あなたの場合の持ち物を確認する',
    related: '関連する質問',
  },
  category: {
    indexTitle: '質問の一覧',
    indexLead: '分野ごとに、すべての質問を見られます。',
    count: '{n}件の質問',
    guides: 'この分野の手続きの案内',
    questions: 'この分野の質問',
  },
  checker: {
    title: '持ち物チェック',
    lead: '3つの質問に答えると、窓口に持って行くものの一覧と、行き先・時間が分かります。印刷もできます。',
    procedure: '1. どの手続きですか？',
    who: '2. どなたが窓口に行きますか？',
    whoOptions: {
      self: 'カードの持ち主ご本人',
      proxy: '代理人（ご家族など）',
      child: 'お子さまの手続きで、保護者（法定代理人）が行く',
      foreign: '外国籍の方ご本人',
    },
    notice: '3. 次の書類はお手元にありますか？',
    noticeDocs: {
      expiry: '有効期限通知書（地方公共団体情報システム機構（J-LIS）から届く封書）と、同封の書類',
      pickup: '交付通知書（市から届くはがき）',
    },
    yes: 'はい、あります',
    no: 'いいえ、ありません',
    result: '持って行くもの',
    resultFor: '{procedure}（{who}）',
    count: '{n}点',
    optional: '該当する方・お持ちの方',
    missing: 'お手元にない書類',
    missingText:
      '次の書類がない場合の手続きは、関連する質問をご覧になるか、お越しになる前に市民課にお問い合わせください。',
    noticeHelp: '通知書がない場合について',
    noCase:
      'この手続きの案内には、この方が行く場合の持ち物が載っていません。お越しになる前に市民課にお問い合わせください。',
    where: '行き先',
    when: '時期・時間',
    print: 'この一覧を印刷する',
    guide: '手続きの流れを詳しく見る',
    choose: '手続きを選ぶと、持ち物が表示されます。',
    noscript:
      'JavaScriptが使えない場合は、各手続きの案内ページで、ご本人・代理人・お子さまそれぞれの持ち物を確認できます。',
    disclaimer:
      '窓口の状況により追加の書類をお願いすることがあります。ご不明な点は市民課にお問い合わせください。',
  },
  contact: {
    title: 'お問い合わせ',
    lead: 'マイナンバーカードについてのお問い合わせ先です。',
    phones: '電話番号',
    counters: '窓口',
    addressOnCityPage: '所在地は市のホームページでご確認ください。',
    hours: '市民課などの受付時間',
    notices: 'お知らせ',
    fax: 'FAX',
    call: '電話をかける',
    moreHelp: 'こんなときは',
    foreignHelp: '外国語での問い合わせ',
    hearingHelp: '耳や言葉の不自由な方',
  },
  hours: {
    title: '市民課の受付時間',
    today: 'きょう {date}',
    open: '受付中',
    closed: '受付時間外',
    unknown: '祝日の情報がないため、受付中かどうかを表示できません',
    until: '{time}まで',
    todayHours: '{opens}～{closes}',
    closedToday: 'きょうはお休みです',
    next: '次の受付：{date} {time}から',
    reasons: {
      holiday: '祝日（{name}）のためお休み',
      'year-end': '年末年始（12月29日～1月3日）のためお休み',
      'closed-date': '臨時のお休み',
      'no-opening': '',
    },
    weekdays: ['日', '月', '火', '水', '木', '金', '土'],
    weekly: '曜日ごとの受付時間',
    everyWeek: '',
    range: '{a}～{b}',
    nthWeeks: '第{n}',
    nthJoin: '・',
    dayJoin: '・',
    ruleDays: '{weeks}{days}曜日',
    holidaysClosed: '祝日・年末年始（12月29日～1月3日）はお休みです。',
    noJs: '',
  },
  date: { full: '{y}年{m}月{d}日（{w}）', short: '{m}月{d}日（{w}）', plain: '{y}年{m}月{d}日' },
  furigana: { label: 'ふりがな' },
  notFound: {
    title: 'ページが見つかりません',
    lead: 'お探しのページは移動したか、削除された可能性があります。',
    back: 'ホームへ戻る',
  },
  accessibility: {
    title: 'アクセシビリティ',
    paragraphs: [
      'このサイトは、高齢の方や障害のある方を含め、誰もが使えることを目指しています。日本産業規格 JIS X 8341-3:2016 と、その元になっている国際的な基準 WCAG 2.1 の適合レベルAAを目標にしています。',
      'スマートフォンでも読みやすい文字の大きさと色の組み合わせにし、キーボードだけでも検索・質問の表示・「解決しましたか？」の回答ができるようにしています。画面読み上げソフトで、見出しや一覧の構造が伝わるようにしています。',
      'JavaScriptが使えない環境でも、すべての質問と回答を読むことができます（「質問の一覧」から分野ごとにたどれます）。',
      'サイトを更新するたびに、すべての種類のページを日本語と英語の両方で自動チェック（axe）し、問題が見つからないことを確かめています。',
    ],
    limitsTitle: '現在の制限',
    limits: [
      '英語のページでは、回答の本文が日本語のまま表示されるものがあります（翻訳を順次進めます）。',
      '出典として案内している外部のページは、このサイトの基準の対象外です。',
    ],
    contactTitle: 'お気づきの点があれば',
    contact: '使いにくい点や読みにくい点がありましたら、市民課までお知らせください。',
  },
  aiAndData: {
    title: 'AIとデータの扱いについて',
    lead: 'このサイトと市のコールセンターが、どのように仕組みを使い、皆さまの情報を扱っているかを分かりやすく説明します。',
    sections: [
      {
        title: '回答は職員が確認した文章です',
        paragraphs: [
          'このサイトの回答は、国や市などの公式な情報をもとに作り、職員が確認してから公開しています。回答ごとに出典と確認日を載せています。',
          '生成AIが文章を作って、そのまま皆さまにお答えすることはありません。',
        ],
      },
      {
        title: '検索の仕組み',
        paragraphs: [
          '検索は、入力された言葉と質問・回答の文章を照らし合わせて、近いものから並べる仕組みです。言い換え（例：「マイナ」と「マイナンバーカード」）やひらがなでも見つかるようにしています。',
          '検索の処理は、お使いのスマートフォンやパソコンの中で行います。',
        ],
      },
      {
        title: '集めている情報',
        paragraphs: [
          '回答をよりよくするために、次の情報だけを市のサーバーに送っています：検索した言葉、検索で答えが見つからなかったこと、見られた質問、「解決しましたか？」の回答と理由。',
          '検索した言葉や理由に氏名・電話番号・マイナンバーなどが含まれていても、保存する前に自動で伏せ字にします。',
          'Cookie（クッキー）や、利用者を見分ける番号は使いません。IPアドレスも保存しません。誰がどの質問を見たかは分かりません。',
        ],
      },
      {
        title: 'コールセンターでの使い方',
        paragraphs: [
          'コールセンターのオペレーターも、このサイトと同じ検索の仕組みで回答を探しています。',
          '応対の記録は、個人情報を伏せてから集計に使います。',
          '将来、AIが回答の下書きを作る場合も、必ずオペレーターが確認してからお伝えします。',
        ],
      },
    ],
  },
} as const

type Widen<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? readonly Widen<U>[]
    : { readonly [K in keyof T]: Widen<T[K]> }

/** The shape every language's strings must have. */
export type Strings = Widen<typeof ja>
