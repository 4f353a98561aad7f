/**
 * The kanji of the (unofficial) JLPT N5, N4 and N3 lists: 805 kanji a learner knows at an intermediate
 * level. A word with a kanji outside them counts as above intermediate (readability.ts).
 * Source: KANJIDIC (© Electronic Dictionary Research and Development Group, CC BY-SA 4.0,
 * https://www.edrdg.org/edrdg/licence.html) through the `kanji` npm package 0.19.3 (`jlpt.n5/n4/n3`), copied
 * once (it is a devDependency of search-indexer); regenerate the same way to change the level.
 */
export const INTERMEDIATE_KANJI: ReadonlySet<string> = new Set(
  '一七万三上下中九二五人今休会何先入八六円出分前北十千午半南友口古右名四国土外多大天女子学安小少山川左年店後手新日時書月木本来東校母毎気水火父生男白百目社空立耳聞花行西見言話語読買足車週道金長間雨電食飲駅高魚不世主乗事京仕代以低住体作使便借働元兄光公写冬切別力勉動区医去可台合同味品員問回図地堂場声売夏夕夜太好妹姉始字室家寒屋工市帰広度建引弟弱強待心思急悪意所持教文料方旅族早明映春昼暑暗曜有服朝村林森業楽歌止正歩死民池注洋洗海漢無牛物特犬理産用田町画界病発的県真着知短研私秋究答紙終習考者肉自色英茶菜薬親計試説貸質赤走起身転軽近送通進運遠都重野銀門開院集青音頭題顔風飯館首験鳥黒丁与両丸予争互亡交他付令仲件任伝似位余例供係信俺倉倍倒候値偉停健側偶備億優兆児全共兵具典内冷処刀列初判利到制刷刻副割功加助努労勇務勝勤包化卒協単博印危原参反収取受史号司各向君否吸吹告周呼命和唱商喜器因困囲固園在坂型報塩増士変夢夫央失妻委娘婚婦存季孫宅守完官定実客宮害容宿寄富寝察寺対局居岡岩岸島州巣差希師席帯帳常平幸幾底府座庫庭康式弓当形役彼径徒得御必忘忙念怒怖性恐恥息悲情想愛感慣成戦戸戻才打払投折抜抱押招拾指挙捕掛探支改放政救敗散数整断旗易昔星昨昭晩景晴暮曲更最望期未末札材束杯松板果柱栄根格案梅械植極構様標権横橋機欠次欲歯歳歴残段殺毒毛氏氷求決汽油治法波泣泳活流浅浮浴消深清済渡温港湖湯満漁演灯炭点然焼煙照熱牧犯状猫玉王現球由申畑留番疑疲痛登皆皮皿盗直相省眠矢石破確示礼祖祝神票祭福科秒程種積突窓章童競竹笑笛第筆等算管箱節米粉精糸紀約級細組経結給絵絶続緑緒線練罪置羊美羽老職育胃背能脈腸腹臣舞航船良芸芽若苦草荷落葉虫血術街衣表要規覚観角解訓記訪許詩認誤誰課調談論識警議谷豆象貝負財貧貨責貯費資賛賞越路軍輪辞農辺込迎返迷追退逃途速連遅遊過達違適選郡部配酒里量鉄録鏡閉関降限除陸険陽隊階際雑難雪雲静非面靴頂順頼願類飛養馬髪鳴麦黄鼻',
)
