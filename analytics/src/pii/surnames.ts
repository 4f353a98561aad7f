/**
 * Common Japanese surnames, used only where a name has no honorific or introduction around it
 * (「小林です。」「西村が対応」, a surname standing alone after a phone number). Names that are also
 * prefectures or everyday words (千葉, 福島, 林, 森, 東 …) are left out on purpose.
 */
export const COMMON_SURNAMES: ReadonlySet<string> = new Set(
  `佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 山本 中村 小林 加藤 吉田 山田 佐々木 松本 井上 木村 斎藤 斉藤 清水 山崎 池田 橋本 阿部
  山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田
  中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 内田 柴田 酒井 横山 高木 安藤 宮本 大野 小島 谷口 今井 工藤 高田 増田 丸山
  杉山 村田 大塚 新井 小山 平野 藤本 河野 上野 野口 武田 松井 岩崎 菅原 木下 久保 佐野 野村 松尾 市川 菊地 杉本 古川 大西 島田
  水野 桜井 高野 渡部 吉川 山内 西田 飯田 菊池 西川 小松 北村 安田 五十嵐 川口 平田 中田 久保田 服部 岩田 土屋 川崎 本田 樋口
  秋山 田口 永井 山中 中西 吉村 川上 石原 大橋 松岡 馬場 浅野 荒木 大久保 野田 小沢 田辺 川村 星野 黒田 尾崎 望月 永田 熊谷
  内藤 松村 西山 大谷 平井 岩本 片山 本間 早川 横田 岡崎 荒井 大石 鎌田 成田 宮田 小田 石橋 篠原 須藤 河合 大川 矢野 小池
  吉岡 田所 東海林 西岡 松下 堀田 北川 今村 竹田 関口 辻本 米田 梅田 小西 松浦 新田 浜田 井口 大森 津田 片岡 下田 池上`.split(
    /\s+/,
  ),
)
