/** Text the site server shows itself (the site's own strings live in site/src/i18n). */
export const BUILDING_PAGE = {
  title: '準備中',
  heading: 'ただいまサイトを準備しています',
  body: '1分ほどで表示されます。このページは自動で再読み込みします。',
}
