/**
 * The 「ふりがな」 switch's script, inline right after the checkbox so the saved choice is back before
 * the first paint: it restores the box from localStorage, keeps `html.furigana` in step (for
 * browsers without `:has()`), and saves each change. Without JavaScript the box still works (CSS
 * `:has()`), it is only not remembered.
 */
const FURIGANA_KEY = 'kotae-furigana'

export const FURIGANA_SCRIPT = `(function(){var c=document.getElementById('furigana-on');if(!c)return;var h=document.documentElement;function s(){h.classList.toggle('furigana',c.checked)}try{c.checked=localStorage.getItem('${FURIGANA_KEY}')==='on'}catch(e){}s();c.addEventListener('change',function(){s();try{localStorage.setItem('${FURIGANA_KEY}',c.checked?'on':'off')}catch(e){}})})()`
