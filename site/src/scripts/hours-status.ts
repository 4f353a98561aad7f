/**
 * Fills every `[data-hours-status]` element with today's hours and whether the counters are open
 * now, computed in the browser from the city profile and the holiday table the element carries
 * (so a page built last week still tells the truth today). Without JavaScript the weekly hours show.
 */
import { statusText, type HoursPayload } from '../lib/hours-text'

function el(tag: string, className: string, text: string): HTMLElement {
  const e = document.createElement(tag)
  e.className = className
  e.textContent = text
  return e
}

function run() {
  for (const target of document.querySelectorAll<HTMLElement>('[data-hours-status]')) {
    try {
      const st = statusText(JSON.parse(target.dataset.hoursStatus ?? '') as HoursPayload, new Date())
      const badge = el('p', `badge ${st.state}`, st.badge)
      if (st.until) badge.append(el('span', 'until', ` ${st.until}`))
      const parts = [badge, el('p', 'today', st.today)]
      if (st.reason) parts.push(el('p', 'reason', st.reason))
      if (st.next) parts.push(el('p', 'next', st.next))
      target.replaceChildren(...parts)
      target.dataset.state = st.state
      target.hidden = false
    } catch {
      // Leave the weekly hours, which are always on the page.
    }
  }
}

run()
// Stay right when the page is left open across an opening or closing time.
setInterval(run, 60_000)
