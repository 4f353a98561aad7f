/**
 * 「AI の説明」: how Kotae's AI works, which data it learns from, where each model is kept, how it
 * is re-learned and switched off, what never leaves the system, and which test proves each of the
 * city's AI requirements (仕様書 §10(3)). Pure: the live values come in as an {@link AiConfig}
 * (liveConfig.ts reads them from the code and content/); `npm run docs:ai` writes the Markdown to
 * docs/AI.md and the admin page /admin/ai renders the same blocks. Japanese first, for the city.
 */
import type { RankingWeights } from '@kotae/search-indexer'

/** The live values the explanation is made from. */
export type AiConfig = {
  /** `repository`: docs/AI.md (defaults, as shipped); `server`: the admin page of a running CMS. */
  source: 'repository' | 'server'
  /** CONTENT_WEIGHTS: the weights learned for the city's content. */
  contentWeights: Partial<RankingWeights>
  /** DEFAULT_WEIGHTS: the engine's own weights, used where the content's leave a name out. */
  defaultWeights: Readonly<RankingWeights>
  /** CONFIDENCE_MODEL. */
  confidence: { weights: Readonly<Record<string, number>>; threshold: number }
  askBack: { closeness: number; depth: number }
  prior: {
    /** The weight in effect (`priorWeight()` of the environment read). */
    weight: number
    defaultWeight: number
    envName: string
    /** Candidates the prior may reorder. */
    pool: number
    halfLifeDays: number
    minTokenCalls: number
    laterFaqWeight: number
  }
  facets: { dimensions: { id: string; name: string; values: number; forms: number }[]; faqOverrides: number }
  /** Groups of content/synonyms.yaml; `cms`: groups of the CMS's editable list (admin page only). */
  synonyms: { handWritten: number; readings: number; cms?: number }
  /** 常用漢字 in the on'yomi table. */
  kanjiOnyomi: number
  dialectRules: number
  /** What the masker finds, strongest first, and what replaces it. */
  pii: { kind: string; placeholder: string }[]
  /** The masker's learned tagger: the corpora of its weights, its margin per kind, the weights' size. */
  maskerTagger: {
    trainedOn: readonly string[]
    minMargin: Readonly<Partial<Record<string, number>>>
    weightBytes: number
  }
}

/** A paragraph, list, table or sub-heading. Text may hold `code` and **bold** spans. */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'h3'; text: string }
  | { kind: 'list'; items: string[] }
  /** A cell is text, or lines (a list of tests). */
  | { kind: 'table'; caption: string; head: string[]; rows: (string | string[])[][] }

export type Section = { id: string; title: string; blocks: Block[] }

type WeightRow = {
  name: keyof RankingWeights | string
  ja: string
  en: string
  learned: number | undefined
  default: number | undefined
}
type FeatureRow = { name: string; ja: string; weight: number }

export type AiExplanation = {
  title: string
  sections: Section[]
  /** The facts the sections are made from (tests and the admin page read them). */
  weights: WeightRow[]
  confidence: { threshold: number; features: FeatureRow[] }
  facets: { dimensions: number; values: number; forms: number }
}

/** What each ranking weight means, in plain Japanese and short English. Every name has one. */
export const WEIGHT_MEANINGS: Record<keyof RankingWeights, { ja: string; en: string }> = {
  question: { ja: 'FAQ の質問文に、問い合わせの語が含まれるときの重み', en: 'a match in the FAQ’s question' },
  alternatives: {
    ja: '言い換え例（同じ質問の、利用者の言い方での別の聞き方）に語が含まれるときの重み',
    en: 'a match in the other ways callers ask it',
  },
  askedBefore: {
    ja: 'よくある聞き方（評価用の質問集で、その FAQ が答えになる質問。利用者の言い方の実例）に語が含まれるときの重み',
    en: 'a match in how callers asked for it before (labeled questions it answers)',
  },
  shortAnswer: { ja: '回答の要約に語が含まれるときの重み', en: 'a match in the short answer' },
  tags: { ja: 'タグに語が含まれるときの重み', en: 'a match in the tags' },
  passage: {
    ja: '回答本文（デスクではオペレーター向けメモも）の中で、最もよく一致した段落の重み',
    en: 'the best matching passage of the answer',
  },
  secondPassage: { ja: '2 番目によく一致した段落の重み', en: 'the second best passage' },
  body: {
    ja: '質問文と回答本文の全体で、問い合わせの語が何回出てくるかを数える重み（市の FAQ では 0：使いません。言い換え例のない FAQ 集のため）',
    en: 'the question and whole answer with term counts (0 for the city: for FAQ sets without phrasings)',
  },
  inflected: {
    ja: '問い合わせの中の活用する語（「借り」「送り」など）とその漢字の部分（「借」「送」）にかける倍率（用件は名詞が表すため、動詞が二重に数えられないように下げます。市の FAQ では 1：市の調整用データでは効果がないため）',
    en: 'multiplier for the question’s inflected words and their kanji stems: nouns name the case (1 for the city: no gain on its tuning data)',
  },
  grams: {
    ja: '2 文字ずつ区切った文字の組（bigram）の一致にかける倍率（単語としての一致は 1）',
    en: 'multiplier for character-bigram matches (words count 1)',
  },
  synonyms: {
    ja: '同義語の展開だけで加わった語の一致にかける倍率（「PIN」→「暗証番号」など）',
    en: 'multiplier for words only a synonym brought in',
  },
  facetAgree: {
    ja: '観点（ファセット。「3.」の表）が質問と一致する観点ごとに、点数に「1 + この値」を掛けます',
    en: 'boost per facet dimension where the FAQ agrees with the question',
  },
  facetConflict: {
    ja: '観点が質問と食い違う観点ごとに、点数を「1 + この値」で割ります（転入の質問に転出の FAQ を上位に出さないため）',
    en: 'penalty per facet dimension where the FAQ contradicts the question',
  },
  facetValues: {
    ja: '一つの観点の中で質問と一致する値が二つ以上あるとき、二つ目からの値ごとに点数に「1 + この値」を掛けます（手数料と新規申請の両方を聞く質問に、紛失の手数料より新規申請の手数料の FAQ を上に）',
    en: 'boost per facet value the FAQ shares with the question beyond one per dimension',
  },
  minMatch: {
    ja: '質問の語（珍しい語ほど重く数えます）のうち、この割合以上を含まない文書は結果に出しません',
    en: 'minimum share of the question a result must contain',
  },
}

/** Names in the order the city reads them. */
const WEIGHT_ORDER = Object.keys(WEIGHT_MEANINGS) as (keyof RankingWeights)[]

/** Every network call in the source (fetch, http.request, sendBeacon, mail); outbound.unit.spec.ts checks the list is complete. */
export const OUTBOUND_CALLS: { files: string[]; from: string; to: string; what: string }[] = [
  {
    files: ['site/src/lib/search/client.ts', 'site/src/lib/search/prefetch.ts'],
    from: '訪問者のブラウザ',
    to: '公開サイト自身',
    what: '保存済みの検索索引（`/search-index/ja.json`・`/search-index/en.json`）を取得します。検索語は送りません。',
  },
  {
    files: ['site/src/lib/events.ts'],
    from: '訪問者のブラウザ',
    to: '市の CMS の `/api/events`（公開サイト経由、または `PUBLIC_KOTAE_API` の CMS へ直接）',
    what: '匿名のイベント（検索語、役に立ったか、聞き返しで選んだ観点）。Cookie も利用者 ID も付けません。検索語は CMS が保存の前にマスクします。',
  },
  {
    files: ['cms/src/publish/siteServer.ts'],
    from: '公開サイトのサーバー',
    to: '市の CMS の `/api/events`',
    what: '上のイベントを、そのまま CMS へ中継します。',
  },
  {
    files: ['site/src/data/cms.ts'],
    from: '公開サイトの構築処理',
    to: '市の CMS の `/api/site-content`（`KOTAE_CMS_URL`）',
    what: '公開済みの FAQ・手続きガイド・出典・同義語・観点の語彙を取得します。',
  },
  {
    files: ['cms/src/search/warmUpLookup.ts'],
    from: 'CMS の起動処理',
    to: '同じ CMS の `/api/lookup`',
    what: '起動時に一度だけ、応対デスクの索引と利用実績を作らせます。',
  },
  {
    files: [
      'cms/src/components/DeskClient.tsx',
      'cms/src/components/GapDraftButton.tsx',
      'cms/src/components/SourceChangesPanel.tsx',
      'cms/src/components/TranscriptPanel.tsx',
      'cms/src/components/DeskTranscripts.tsx',
      'cms/src/components/TranscriptUpload.tsx',
      'cms/src/components/SendBackButton.tsx',
      'cms/src/components/EscalationFromCall.tsx',
      'cms/src/transcripts/acceptFaq.ts',
    ],
    from: '職員のブラウザ（管理画面）',
    to: '市の CMS の `/api/lookup`・`/api/calls`・`/api/events`・`/api/gap/draft-faq`・`/api/sources/changed`・`/api/source-changes`・`/api/call-transcript`・`/api/transcripts`・`/api/transcript-upload`・`/api/faqs`・`/api/guides`',
    what: '応対デスクの検索と応対記録の保存、ギャップ分析からの下書き作成、出典の更新の表示と確認済みの記録、通話の文字起こしの表示・取り込みと候補の FAQ の採用、承認者の差し戻し、応対デスクから開いたエスカレーションへの元の問い合わせ（保存済み・マスク済み）の読み込みです。',
  },
  {
    files: ['cms/src/transcripts/stt.ts'],
    from: 'CMS（npm run import:transcripts -- --audio、設定した場合のみ）',
    to: '市が用意する音声認識サーバー（KOTAE_STT_URL、市のネットワーク内に限る）',
    what: '通話の録音ファイルを送り、文字起こし（発話と時刻）を受け取ります。既定では使いません。結果は保存の前にマスクします。',
  },
  {
    files: ['cms/src/payload.config.ts'],
    from: 'CMS',
    to: '市のメールサーバー（`KOTAE_SMTP_URL` を設定したときだけ）',
    what: '市民課へのエスカレーションの通知メールです（本文は保存の前にマスク済み）。',
  },
  {
    files: ['cms/src/sourceWatch/fetchPage.ts'],
    from: 'CMS の出典の自動確認（`KOTAE_SOURCE_WATCH=on` にしたときだけ。既定は off）',
    to: 'FAQ・手続きガイドが出典として挙げる公的機関のページ（国・J-LIS・市などのウェブサイト）',
    what: '出典ページを取得するだけの GET です（robots.txt に従い、同じサイトへは間隔を空け、市の名前を User-Agent に示します）。Kotae のデータは何も送りません。',
  },
]

/** A test file and what it shows. */
export type Proof = { file: string; shows: string }

/** The city's AI requirements, how Kotae meets each, and the tests that fail if it stops doing so. */
export const REQUIREMENTS: { requirement: string; how: string; proofs: Proof[] }[] = [
  {
    requirement: '(1) 個人情報を外部のサービスに送らず、学習にも使わないこと',
    how: '自由記述は保存・索引・記録の前に必ずマスクします（`maskForStorage`）。利用実績はマスク済みの記録から学びます。外部の AI サービスは呼び出しません。',
    proofs: [
      {
        file: 'analytics/test/pii-corpus.test.ts',
        shows:
          'ラベル付きの文例で、マスクの適合率・再現率が 0.95 以上で、マイナンバー・電話番号・メールアドレスを 1 件も通さないこと',
      },
      {
        file: 'analytics/test/pii-mask.test.ts',
        shows: '見つけた個人情報を種類ごとの置き換え文字にすること',
      },
      {
        file: 'cms/test/calls.int.spec.ts',
        shows:
          '暗証番号・パスワード・聞き間違えたマイナンバーが応対記録に保存されないこと（SQLite と PostgreSQL）',
      },
      {
        file: 'cms/test/events.int.spec.ts',
        shows: '公開サイトのイベントの検索語がマスクされて保存されること',
      },
      {
        file: 'cms/test/persistence.int.spec.ts',
        shows:
          '自由記述が入るすべての入口（応対記録、エスカレーションとその通知メール、公開サイトのイベント、デスクの検索、電話システム記録の取り込み）に個人情報を入れても、データベース全体・メール・サーバーのログのどこにも残らないこと（SQLite と PostgreSQL）',
      },
      {
        file: 'cms/test/prior.int.spec.ts',
        shows: '利用実績が保存済みの応対記録から学び、重み 0 で検索だけの並びに戻ること',
      },
      {
        file: 'tests/e2e/desk.e2e.spec.ts',
        shows:
          'デスクに出る過去の応対がマスク済みの要約だけであること、サーバーのログに入力した個人情報が残らないこと',
      },
      {
        file: 'cms/test/logger.unit.spec.ts',
        shows: '失敗したデータベース操作のパラメーター（個人情報を含みうる値）をログに書かないこと',
      },
      {
        file: 'cms/test/outbound.unit.spec.ts',
        shows:
          'ソースコードの通信が「外部に出ないもの」の一覧にあるものだけであること（外部の AI サービスへの通信がないこと）',
      },
    ],
  },
  {
    requirement: '(2) データを第三者に提供せず、他の目的に再利用しないこと',
    how: '通信は市のシステムの中（CMS・公開サイト・市のメールサーバー）だけです。利用統計（telemetry）の送信は止めています。公開用の索引には職員向けの情報を入れません。契約終了時にはデータを消去し、消去証明書を出します。',
    proofs: [
      {
        file: 'cms/test/outbound.unit.spec.ts',
        shows: '通信の一覧が完全であること、Payload・Next.js・Astro の利用統計の送信が無効であること',
      },
      {
        file: 'tests/e2e/site-search.e2e.spec.ts',
        shows: '公開サイトの検索イベントが Cookie も ID もなしに送られること',
      },
      {
        file: 'site/test/search-index.test.ts',
        shows: '公開サイトの保存済み索引に、オペレーター向けメモ・職員向けの FAQ・下書きが入らないこと',
      },
      {
        file: 'search-indexer/test/public-fields.test.ts',
        shows: '公開用の索引が職員向けの文書とメモを受け付けないこと',
      },
      {
        file: 'cms/test/purge.int.spec.ts',
        shows: '契約終了時の消去（`npm run purge`）で、応対記録などの個人データがすべて消えること',
      },
    ],
  },
  {
    requirement: '(3) AI の判断を説明できること',
    how: 'デスクの候補ごとに「一致の理由」を日本語で示します（どの欄のどの語に一致したか、使った同義語、観点の一致・食い違い）。重みと確からしさのモデルは名前の付いた数値で、この文書に全部載せています。',
    proofs: [
      {
        file: 'search-indexer/test/reasons.test.ts',
        shows: '一致した欄と語、使った同義語、観点の食い違い、音による変換ミスの読み替えを日本語で示すこと',
      },
      {
        file: 'cms/test/lookup.int.spec.ts',
        shows: 'デスクの検索結果に日本語の一致の理由が付き、確かでない質問にはそう示すこと',
      },
      {
        file: 'search-indexer/test/confidence.test.ts',
        shows: '確からしさがモデルの名前付きの重みどおりに計算されること',
      },
      {
        file: 'cms/test/aiExplanation.unit.spec.ts',
        shows: 'この文書が稼働中の設定値から作った内容と一致し、すべての重みとしきい値を載せていること',
      },
    ],
  },
  {
    requirement: '(4) 最終的な回答は人が行うこと（AI は補助）',
    how: 'デスクは候補を示すだけで、どの FAQ で答えるかはオペレーターが選び、記録します。聞き返しも選択肢を示すだけで、自動では選びません。FAQ を公開できるのは承認者だけで、ギャップ分析や市民課の回答から作る FAQ は下書きです。',
    proofs: [
      {
        file: 'tests/e2e/desk.e2e.spec.ts',
        shows: 'オペレーターが候補から使った FAQ を選び、応対記録を保存すること',
      },
      {
        file: 'tests/e2e/desk-askback.e2e.spec.ts',
        shows: '聞き返しは選択肢のボタンを示すだけで、選ぶのはオペレーターであること',
      },
      { file: 'cms/test/workflow.int.spec.ts', shows: 'FAQ を公開できるのは承認者だけであること' },
      { file: 'cms/test/gap.int.spec.ts', shows: 'ギャップ分析から作る FAQ は下書きで、公開されないこと' },
      {
        file: 'cms/test/escalations.int.spec.ts',
        shows: '市民課の回答が FAQ の下書きになること（公開は人が判断）',
      },
    ],
  },
]

const num = (n: number | undefined): string => (n === undefined ? '—' : String(n))
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

/** The explanation, from the live values. */
export function aiExplanation(config: AiConfig): AiExplanation {
  const names = [
    ...WEIGHT_ORDER,
    ...Object.keys(config.defaultWeights).filter((n) => !(WEIGHT_ORDER as string[]).includes(n)),
  ]
  const weights: WeightRow[] = names.map((name) => {
    const meaning = (WEIGHT_MEANINGS as Record<string, { ja: string; en: string } | undefined>)[name]
    return {
      name,
      ja: meaning?.ja ?? '（説明がありません）',
      en: meaning?.en ?? '',
      learned: (config.contentWeights as Record<string, number | undefined>)[name],
      default: (config.defaultWeights as Record<string, number | undefined>)[name],
    }
  })
  const dimensionName = (id: string) => config.facets.dimensions.find((d) => d.id === id)?.name
  const featureMeaning = (name: string): string => {
    if (name === 'bias') return '基準値（どの質問にも加わる切片）'
    if (name === 'coverage') return '1 位の候補が、質問の語をどれだけ含むか（0〜1。珍しい語ほど重く数えます）'
    if (name === 'logScore') return '1 位の候補の検索の点数（対数）'
    if (name === 'unknownWord')
      return '質問に、どの FAQ・案内・よくある聞き方にもない語（3 文字以上か漢字を含む語）があるとき 1、ないとき 0'
    if (name === 'scope')
      return '質問の語が、市の FAQ で答えられる質問の語にどれだけ似ているか（0〜1。「対象範囲」のモデルの値）'
    if (name.startsWith('facet:')) {
      const id = name.slice('facet:'.length)
      const dn = dimensionName(id)
      return `質問が観点「${dn ?? id}」（\`${id}\`）の値を含むとき 1、含まないとき 0`
    }
    return '（説明がありません）'
  }
  const features: FeatureRow[] = Object.entries(config.confidence.weights).map(([name, weight]) => ({
    name,
    ja: featureMeaning(name),
    weight,
  }))
  const facetTotals = {
    dimensions: config.facets.dimensions.length,
    values: sum(config.facets.dimensions.map((d) => d.values)),
    forms: sum(config.facets.dimensions.map((d) => d.forms)),
  }
  const p = config.prior
  const server = config.source === 'server'
  const priorNow =
    p.weight === 0
      ? `${server ? 'このサーバーでは' : '現在は'}重みが **0** のため、利用実績は使っていません（検索の点数だけで並べます）。`
      : !server
        ? `重みは既定値の **${p.weight}** です。`
        : `重みはこのサーバーでは **${p.weight}** です（${p.weight === p.defaultWeight ? '既定値' : `既定値は ${p.defaultWeight}`}）。`
  const notLearned = weights.filter((w) => w.learned === undefined).map((w) => `\`${w.name}\``)

  const sections: Section[] = [
    {
      id: 'summary',
      title: '1. まとめ（Summary）',
      blocks: [
        {
          kind: 'list',
          items: [
            'Kotae の「AI」は、FAQ 検索の並び順と、1 位の答えが確かかどうかを決める、名前の付いた少数の数値と規則です。大規模言語モデル（生成 AI）は使っていません。回答文を AI が作ることもありません。',
            '学習に使うのは、公開済みの FAQ（職員向けのものを含みます）、開発者が作成した評価用の質問集、個人情報をマスクした応対記録（どの言葉の問い合わせにどの FAQ を使ったか）だけです。個人情報そのものでは学習しません。',
            '外部の AI サービスは呼び出しません。学習済みのモデルをインターネットから取得することもありません。通信は、市が有効にしたときだけ動く出典の自動確認（公的機関のページを読むだけ）を除いて、すべて市のシステムの中です。その一覧を「6. 外部に出ないもの」に載せています。',
            '回答を決めるのは人です。応対デスクは候補と「一致の理由」を示し、オペレーターが選びます。',
            '*English: a few named numbers and rules rank the FAQs and judge whether the first answer is sure. No generative AI, no external AI service, no personal data in training; a person always chooses the answer.*',
          ],
        },
      ],
    },
    {
      id: 'learned',
      title: '2. 学習するもの（What learns, and from what）',
      blocks: [
        { kind: 'h3', text: '2.1 検索の重み（ranking weights, `CONTENT_WEIGHTS`）' },
        {
          kind: 'p',
          text: '市の FAQ を検索するとき、どの欄での一致をどれだけ重く見るかを決める数値です。`npm run train:ranker` が、評価用の質問集（`tests/eval` の golden の **dev 分割**と、一度読み終えた質問集の両方の分割と、まだ読んでいない質問集の dev 分割。質問と正解の FAQ の組です）で、正解が 1 位と 3 位以内に入る割合が高くなるように、値を一つずつ少しずつ変えて選びます（座標上昇法）。このとき各質問集は、その質問集を除いて作った「よくある聞き方」で順位を付けます（質問が自分自身を見つけないように）。**golden の test 分割と、まだ読んでいない質問集の test 分割は学習に使わず**、結果の確認にだけ使います。学習の結果（学習データでの正解率）は、作られたファイルの先頭に記録されます。',
        },
        {
          kind: 'table',
          caption: '検索の重み（右の 2 列は、市の FAQ 用に学習した値と、エンジンの既定値）',
          head: ['名前', '意味', '市の FAQ 用の値', 'エンジンの既定値'],
          rows: weights.map((w) => [
            `\`${w.name}\``,
            `${w.ja}（${w.en}）`,
            w.learned === undefined ? '学習の対象外（既定値を使用）' : num(w.learned),
            num(w.default),
          ]),
        },
        {
          kind: 'list',
          items: [
            '保存場所: `search-indexer/src/engine/content-weights.ts`。応対デスクの索引（CMS のプロセスの中）と、公開サイトの保存済み索引（`/search-index/ja.json`・`/search-index/en.json`。重みも一緒に保存されます）がこの値で検索します。',
            '作り直し: `npm run train:ranker`（ファイルを書き換えます。`-- --dry-run` なら表示だけ）。公開サイトの再構築と CMS の再起動で反映されます。',
            'よくある聞き方（`askedBefore`）: 評価用の質問集のうち学習に使える質問（golden の dev 分割と、読み終えた質問集）を、正解の FAQ ごとにまとめた一覧です。FAQ の「よくある聞き方」の欄として索引に入り、新しい質問が以前の似た聞き方と一致すると点数が上がります。質問は開発チームの書き手が作った文で、利用者の記録や個人情報は含みません。保存場所: `search-indexer/src/engine/asked-before.ts`。作り直し: `npm run train:asked-before`。止めるには、重み `askedBefore` を 0 にします。',
            `止め方: 環境変数などの設定項目はありません。止めるには \`content-weights.ts\` の値を \`{}\` に書き換えます。すべての重みがエンジンの既定値（表の右の列）に戻り、公開サイトの再構築と CMS の再起動で反映されます。${notLearned.length ? `${notLearned.join('・')} は学習の対象外で、常に既定値です。` : ''}`,
          ],
        },
        {
          kind: 'h3',
          text: '2.2 確からしさの判定（confidence model, `CONFIDENCE_MODEL`）：分からないときに、分からないと言う',
        },
        {
          kind: 'p',
          text: `1 位の候補が質問の答えである確率を、次の特徴から計算する小さなロジスティック回帰モデルです。確率がしきい値 **${config.confidence.threshold}** 未満のとき、公開サイトは「はっきりお答えできる回答が見つかりませんでした」と伝え、上位の数件を近い話題として、電話番号・本日の受付時間とともに示します。応対デスクは候補の一覧をそのまま示し、「確かな候補が見つかりません。」と表示します。どちらも並び順は変えません。（English: knows when it does not know.）`,
        },
        {
          kind: 'table',
          caption: '確からしさのモデルの特徴と重み（重みが大きいほど「確か」に近づきます）',
          head: ['特徴', '意味', '重み'],
          rows: features.map((f) => [`\`${f.name}\``, f.ja, num(f.weight)]),
        },
        {
          kind: 'list',
          items: [
            '学習: `npm run train:confidence`。市の FAQ で答えられる質問（golden の dev 分割と、一度読み終えた質問集の両方の分割と、まだ読んでいない質問集の dev 分割。各質問集は、その質問集を除いて作った「よくある聞き方」で順位を付けます）と、答えられない質問（一度読み終えた off-topic の質問集の両方の分割と、まだ読んでいないものの dev 分割）を見分けるように学習します。しきい値は、答えられる質問のうち下回るものが 2 % 以下になる、最も高い値です。golden の test 分割と、まだ読んでいない評価用の質問集の test 分割は使いません。',
            '対象範囲のモデル（特徴 `scope`）: 質問の語（と漢字の 2 文字の並び）ごとの重みを足して、市の FAQ で答えられる質問らしさ（0〜1）を出す小さなロジスティック回帰モデルです。FAQ の質問と言い換え、答えられる質問を「対象」、答えられない質問を「対象外」として、同じ `npm run train:confidence` で学習します。語と重みの表は `search-indexer/src/engine/scope-model.ts` に保存され、だれでも読めます。',
            '用件を告げるだけの言葉（学習ではなく規則）: 「ちょっとお伺いしたいんですけど」「カードのことで聞きたいことがあって」のように、聞きたいことがあると告げるだけで、話題の語のほかに何も聞いていない問い合わせは、モデルの値によらず確からしさを 0 とします（公開サイトは「はっきりお答えできる回答が見つかりませんでした」と近い話題を、応対デスクは「確かな候補が見つかりません。」を示します）。規則は `search-indexer/src/analyzer/announces.ts` にあり、通話の文字起こしからの候補とギャップ分析も同じ規則を使います。',
            '保存場所: `search-indexer/src/engine/confidence-model.ts`。検索エンジンのプログラムの一部として、公開サイトの検索（ブラウザの中）と CMS で使われます。',
            '止め方: 設定項目はありません。この判定は「確かでない」という表示にだけ使い、並び順は変えません。止めるにはプログラムの変更が必要です。',
          ],
        },
        { kind: 'h3', text: '2.3 聞き返し（ask back）：学習ではなく規則' },
        {
          kind: 'p',
          text: `1 位の候補と、その点数の ${config.askBack.closeness} 倍以上の候補（上位 ${config.askBack.depth} 件まで）が、質問で決まっていない観点の一つだけで食い違うとき（カード本体の更新か電子証明書の更新か、など）、「どちらについてのご質問ですか？」と選択肢を示します。選ぶのは人（オペレーターまたは訪問者）で、自動では選びません。選ばれた観点は、検索語を含まない匿名のイベントとして記録され、ギャップ分析で数えます。設定で止める項目はありません。`,
        },
        { kind: 'h3', text: '2.4 応対デスクの利用実績（usage prior）' },
        {
          kind: 'p',
          text: `オペレーターが過去の応対で、似た言葉の問い合わせにどの FAQ を使ったかを数え、応対デスクの候補の順番に反映します。公開サイトでは使いません。検索の上位 ${p.pool} 件を、「検索の点数（1 位に対する比）＋ 重み × 利用実績（候補の中の最大に対する比）」の順に並べ替えます。${priorNow}`,
        },
        {
          kind: 'list',
          items: [
            '学習に使うデータ: 応対記録の検索語（なければ要約）と、その応対で使った FAQ。どちらも保存の前に個人情報をマスク済みです。折り返し連絡先の欄は読みません。',
            `数え方: 新しい応対ほど重く数えます（半減期 ${p.halfLifeDays} 日）。${p.minTokenCalls} 件以上の応対に出てきた語だけを使います。1 回の応対で 2 番目以降に使った FAQ は ${p.laterFaqWeight} 倍で数えます。`,
            '保存場所: CMS のプロセスのメモリの中だけです。起動時にデータベースの応対記録から作り、その後は新しい記録を定期的に読み込みます。ファイルには書き出さず、公開サイトにも送りません。',
            `止め方: 環境変数 \`${p.envName}=0\` を設定して CMS を起動し直すと、利用実績を使わず、検索の点数だけで並べます（既定値は ${p.defaultWeight}）。`,
            '根拠と測定: `docs/decisions/0013-desk-lookup-usage-prior.md`。',
          ],
        },
        { kind: 'h3', text: '2.5 個人情報のマスクの補助モデル（masker tagger）' },
        {
          kind: 'p',
          text: `保存の前に自由記述をマスクする処理（\`maskPii\`）は、人が書いた規則に加えて、文字ごとに「個人情報の始まり・続き・それ以外」を判定する小さな学習モデル（平均化パーセプトロン）を使います。モデルが見つけた部分は、規則が何も見つけなかった所だけに加わり、規則の結果を消すことはありません。ナレッジベースが案内している電話番号と住所は、モデルが何と判定しても残します。種類ごとの採用のしきい値: ${Object.entries(
            config.maskerTagger.minMargin,
          )
            .map(([k, m]) => `\`${k}\` ${m}`)
            .join('、')}（ここにない種類はモデルでは見つけません）。`,
        },
        {
          kind: 'list',
          items: [
            `学習に使うデータ: 開発チームが作った**架空の**例文の集まり（${config.maskerTagger.trainedOn.length} ファイル: ${config.maskerTagger.trainedOn.map((f) => `\`${f}\``).join('、')}）だけです。**通話の記録、要約、文字起こし、問い合わせの本文など、実際の利用者のデータは学習に使いません**（個人情報でモデルを学習させないという市の規則）。`,
            `保存場所: \`analytics/src/pii/tagger/weights.json\`（重み ${Math.round(config.maskerTagger.weightBytes / 1024)} KiB）。マスクの処理の一部として CMS のサーバーで使われます。`,
            '作り直し: `npm run train:masker -w @kotae/analytics`（同じ例文から同じファイルができることをテストで確かめています）。評価: `npm run bench:pii-loco`（例文の集まりを一つずつ除いて学習し、除いた集まりで測ります）。',
            '止め方: 設定項目はありません。`maskPii` に `tagger: null` を渡すと規則だけでマスクします。常に止めるにはプログラムの変更が必要です。2 万文字を超える文は規則だけでマスクします。',
            '根拠と測定: `docs/decisions/0067-masker-learned-tagger.md`。',
          ],
        },
      ],
    },
    {
      id: 'edited',
      title: '3. 人が編集する辞書と規則（学習しないもの / edited by people, not learned）',
      blocks: [
        {
          kind: 'p',
          text: `**観点（ファセット）の語彙** \`content/facets.yaml\`: ${facetTotals.dimensions} つの観点、${facetTotals.values} の値、${facetTotals.forms} の表現。質問と FAQ がどの観点の何について述べているかを、この表現との一致で判定します。人が編集するもので、学習はしません。FAQ ごとに判定を上書きでき、content/ の FAQ のうち ${config.facets.faqOverrides} 件が上書きしています。`,
        },
        {
          kind: 'table',
          caption: '観点の語彙（content/facets.yaml）',
          head: ['観点', '名前', '値の数', '表現の数'],
          rows: config.facets.dimensions.map((d) => [
            `\`${d.id}\``,
            d.name,
            String(d.values),
            String(d.forms),
          ]),
        },
        {
          kind: 'list',
          items: [
            `**同義語** \`content/synonyms.yaml\`: 人が書いたグループ ${config.synonyms.handWritten} 件と、読みの同義語 ${config.synonyms.readings} 件（漢字の語とそのかなの読み。\`npm run synonyms:readings -- --write\` が FAQ の文から作ります。読みには kuromoji の辞書を使い、開発者がこのコマンドを実行したときだけ動きます）。管理画面の「同義語」で編集できます。${config.synonyms.cms === undefined ? '' : `このサーバーの同義語リストは現在 ${config.synonyms.cms} グループです。`}`,
            `**漢字の音読み表** \`search-indexer/src/analyzer/kanji-onyomi.ts\`: 常用漢字 ${config.kanjiOnyomi} 字。KANJIDIC（EDRDG、CC BY-SA 4.0）から \`npm run kanji:readings\` で作りました。「保健証」→「保険証」のような、同じ読みの漢字の変換ミスを読み取るために使います。`,
            `**方言の規則** \`search-indexer/src/analyzer/dialect.ts\`: 人が書いた規則 ${config.dialectRules} 個（「開いとる」→「開いている」、「なんぼ」→「いくら」、「しもうた」→「してしまった」など）。広島・関西の話し言葉を、FAQ の書き言葉に直してから検索します。`,
            `**個人情報のマスクの規則** \`analytics/src/pii/\`: 人が書いた規則による検出です。規則が見落とした部分を、学習した補助モデル（2.5）が補います。見つけたものは次の文字に置き換えます: ${config.pii.map((k) => `${k.placeholder}（\`${k.kind}\`）`).join('、')}。`,
          ],
        },
      ],
    },
    {
      id: 'data',
      title: '4. 使うデータと個人情報の保護（What data）',
      blocks: [
        {
          kind: 'table',
          caption: 'AI が使うデータ',
          head: ['データ', '使い道', '個人情報'],
          rows: [
            [
              '公開済みの FAQ・手続きガイド・出典（職員向けの FAQ とオペレーター向けメモを含みます）',
              '検索の索引、重みの学習、読みの同義語',
              '含みません（職員が作成し、承認した文書です）',
            ],
            [
              '評価用の質問集 `tests/eval`（golden・colloquial・colloquial2・offtopic・offtopic2）',
              '重みと確からしさの学習（golden の dev 分割と、一度読み終えた質問集）、精度の確認（golden の test 分割と、まだ読んでいない質問集の test 分割）',
              '含みません（開発者が作成した質問です）',
            ],
            [
              '応対記録の検索語・要約と、使った FAQ',
              '応対デスクの利用実績',
              '保存の前にマスク済みです。折り返し連絡先の欄は読みません',
            ],
            [
              '公開サイトの匿名イベント（検索語、役に立ったか、聞き返しの選択）',
              'ギャップ分析とレポート（AI の学習には使いません）',
              '保存の前にマスクします。Cookie や利用者 ID はありません',
            ],
          ],
        },
        {
          kind: 'p',
          text: '**個人情報をそのまま学習に使うことはありません。** 通話の要約、デスクの検索語、折り返しの希望の時間帯、エスカレーションの本文・回答・担当、公開サイトの検索語と意見は、保存・索引・記録の前に必ず一つのマスク処理（`cms/src/privacy/maskStored.ts` の `maskForStorage`。中身は `analytics/src/pii/mask.ts` の `maskPii`）を通ります。ナレッジベース（自治体情報と公開中の FAQ・ガイド）が案内している電話番号と所在地（市の窓口、国のフリーダイヤル、市役所の住所など）だけは、意味が変わらないように残します。折り返しの連絡先は専用の欄に保存し、オペレーターと分析からは見えません。（English: every free text is masked before it is stored; the prior learns from masked text only.）',
        },
      ],
    },
    {
      id: 'where',
      title:
        '5. 保存場所・作り直し・止め方（Where each model is stored, how to re-learn it, how to switch it off）',
      blocks: [
        {
          kind: 'table',
          caption: 'しくみごとの保存場所と止め方',
          head: ['しくみ', '保存場所', '使う場所', '作り直し', '止め方'],
          rows: [
            [
              '検索の重み',
              '`search-indexer/src/engine/content-weights.ts`',
              '応対デスク、公開サイト（保存済み索引）、`npm run ask`・`eval:content`',
              '`npm run train:ranker`',
              '設定項目なし。値を `{}` にするとエンジンの既定値',
            ],
            [
              'よくある聞き方',
              '`search-indexer/src/engine/asked-before.ts`',
              '応対デスク、公開サイト（保存済み索引）、`npm run ask`・`eval:content`',
              '`npm run train:asked-before`',
              '設定項目なし。重み `askedBefore` を 0 にすると使いません',
            ],
            [
              '確からしさの判定',
              '`search-indexer/src/engine/confidence-model.ts`',
              '応対デスク、公開サイト',
              '`npm run train:confidence`',
              '設定項目なし（表示にだけ使用）',
            ],
            [
              '対象範囲のモデル（確からしさの特徴の一つ）',
              '`search-indexer/src/engine/scope-model.ts`',
              '応対デスク、公開サイト',
              '`npm run train:confidence`',
              '設定項目なし。確からしさの重み `scope` を 0 にすると使いません',
            ],
            [
              '個人情報のマスクの補助モデル',
              '`analytics/src/pii/tagger/weights.json`',
              '保存・索引・記録の前のマスク（CMS）、`npm run mask`',
              '`npm run train:masker -w @kotae/analytics`',
              '設定項目なし。`maskPii` の `tagger: null` で規則だけ',
            ],
            [
              '聞き返し',
              '`search-indexer/src/engine/ask-back.ts`（規則）',
              '応対デスク、公開サイト',
              '—（学習しません）',
              '設定項目なし（選ぶのは人）',
            ],
            [
              '応対デスクの利用実績',
              'CMS のメモリの中だけ',
              '応対デスクだけ',
              '自動（起動時と新しい応対の記録）',
              `\`${p.envName}=0\` で CMS を再起動`,
            ],
            ['観点の語彙', '`content/facets.yaml`', '応対デスク、公開サイト', '人が編集', '設定項目なし'],
            [
              '同義語',
              '`content/synonyms.yaml`、管理画面の「同義語」',
              '応対デスク、公開サイト',
              '人が編集。読みの同義語は `npm run synonyms:readings -- --write`',
              '管理画面でグループを削除',
            ],
            [
              '漢字の音読み表',
              '`search-indexer/src/analyzer/kanji-onyomi.ts`',
              '応対デスク、公開サイト',
              '`npm run kanji:readings`',
              '設定項目なし',
            ],
            [
              '方言の規則',
              '`search-indexer/src/analyzer/dialect.ts`',
              '応対デスク、公開サイト',
              '人が編集',
              '設定項目なし',
            ],
          ],
        },
        {
          kind: 'p',
          text: '「設定項目なし」のものは、止めるのにプログラムの変更（と公開サイトの再構築、CMS の再起動）が必要です。作り直したファイルは、ほかのプログラムと同じように変更履歴（git）に残ります。',
        },
      ],
    },
    {
      id: 'never-leaves',
      title: '6. 外部に出ないもの（What never leaves the system）',
      blocks: [
        {
          kind: 'list',
          items: [
            '外部の AI サービス（生成 AI、翻訳、音声認識など）は呼び出しません。',
            '学習済みのモデルはダウンロードしません。kuromoji の辞書と KANJIDIC は npm パッケージに同梱されたもので、開発者が `npm run synonyms:readings`・`npm run kanji:readings` を実行したときだけ読み、結果をファイルとして保存します。本番のサーバーはこれらを読みません。',
            '個人情報で学習しません（「4. 使うデータ」）。',
            '公開サイトの検索は、訪問者のブラウザの中で、サイトから取得した保存済みの索引に対して行います。検索するために検索語をサーバーへ送ることはありません（分析のための匿名イベントは、下の一覧のとおり市の CMS へ送ります）。',
            'Payload・Next.js・Astro の利用統計（telemetry）の送信は無効にしています。PDF を作るためのブラウザは、ネットワークへの接続をすべて止めて動かします。',
            '外部のサイトへ接続するのは、出典の自動確認（`KOTAE_SOURCE_WATCH=on` のときだけ。既定は off）が出典のページを読むときだけです。送るのはページの要求だけで、Kotae のデータは送りません。',
          ],
        },
        {
          kind: 'p',
          text: 'ソースコードの中の通信（`fetch`、`http.request`、`sendBeacon`、メール送信）は、次のものだけです。送り先は、既定では off の出典の自動確認を除いて、すべて市のシステムの中です。`cms/test/outbound.unit.spec.ts` がソースコードを調べ、この一覧にない通信があれば失敗します。',
        },
        {
          kind: 'table',
          caption: 'ソースコードの中の通信の一覧',
          head: ['ファイル', '送り元', '送り先', '内容'],
          rows: OUTBOUND_CALLS.map((c) => [c.files.map((f) => `\`${f}\``).join('、'), c.from, c.to, c.what]),
        },
      ],
    },
    {
      id: 'requirements',
      title: '7. 市の要件と、それを確かめるテスト（Requirements and the tests that prove them）',
      blocks: [
        {
          kind: 'table',
          caption: '市の AI に関する要件と、それを確かめるテスト',
          head: ['要件', 'Kotae での実現方法', '確かめるテスト'],
          rows: REQUIREMENTS.map((r) => [
            r.requirement,
            r.how,
            r.proofs.map((t) => `\`${t.file}\`: ${t.shows}`),
          ]),
        },
      ],
    },
    {
      id: 'more',
      title: '8. 関連文書（Further reading）',
      blocks: [
        {
          kind: 'list',
          items: [
            '`docs/decisions/0027-callers-words.md`: 方言の規則、音による変換ミス、観点、学習した重み、確からしさ、聞き返しの設計と測定結果',
            '`docs/decisions/0013-desk-lookup-usage-prior.md`: 応対デスクの利用実績',
            '`docs/decisions/0026-one-masking-step-for-stored-text.md`: 保存する自由記述のマスク',
            '`docs/SECURITY.md`: セキュリティの約束と、それを確かめるテスト',
            '`analytics/README.md`: 個人情報のマスクの規則と精度',
          ],
        },
      ],
    },
  ]
  return {
    title: 'Kotae の AI について：しくみ・データの扱い・安全管理',
    sections,
    weights,
    confidence: { threshold: config.confidence.threshold, features },
    facets: facetTotals,
  }
}

const cell = (text: string | string[]) =>
  (Array.isArray(text) ? text : [text]).map((t) => t.replace(/\|/gu, '\\|').replace(/\n/gu, ' ')).join('<br>')

function blockMarkdown(b: Block): string {
  switch (b.kind) {
    case 'p':
      return b.text
    case 'note':
      return `> ${b.text}`
    case 'h3':
      return `### ${b.text}`
    case 'list':
      return b.items.map((i) => `- ${i}`).join('\n')
    case 'table':
      return [
        `${b.caption}:`,
        '',
        `| ${b.head.map(cell).join(' | ')} |`,
        `| ${b.head.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n')
  }
}

/** docs/AI.md: the explanation as Markdown. */
export function aiExplanationMarkdown(explanation: AiExplanation): string {
  const out = [
    `# ${explanation.title}`,
    '> この文書は `npm run docs:ai` が、稼働中の設定値（プログラムと content/ の設定ファイル）から自動で作成しています。手で編集しないでください。値が変わったら同じコマンドで作り直します（`cms/test/aiExplanation.unit.spec.ts` が、この文書が最新であることを確かめます）。同じ内容は管理画面の「AI の説明」（`/admin/ai`）でも見られます。\n>\n> *English: generated from the live configuration by `npm run docs:ai`; do not edit by hand. The admin page `/admin/ai` shows the same, with the running server’s settings.*',
  ]
  for (const s of explanation.sections) out.push(`## ${s.title}`, ...s.blocks.map(blockMarkdown))
  return `${out.join('\n\n')}\n`
}
