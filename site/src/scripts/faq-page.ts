/**
 * An FAQ page in the browser: one `faq-view` event, and the 「解決しましたか？」 vote. The vote is
 * held while the optional reason is typed and sent with it (or as it is when the page is left),
 * so one visit gives one vote.
 */
import { hold, release, track } from '../lib/events'

const box = document.querySelector<HTMLElement>('[data-feedback]')
const faqId = box?.dataset.feedback
if (box && faqId) {
  track({ type: 'faq-view', faqId })
  box.hidden = false
  const form = box.querySelector<HTMLFormElement>('form.reason')!
  const reason = box.querySelector<HTMLTextAreaElement>('textarea')!
  const label = box.querySelector<HTMLElement>('[data-reason-label]')!
  const status = box.querySelector<HTMLElement>('.thanks')!
  const thanks = box.querySelector<HTMLElement>('.thanks-text')?.textContent ?? ''
  const buttons = [...box.querySelectorAll<HTMLButtonElement>('[data-helpful]')]
  let helpful: boolean | undefined

  const done = () => {
    release(
      'vote',
      helpful === undefined
        ? undefined
        : { type: 'helpful', faqId, helpful, ...(reason.value.trim() ? { reason: reason.value } : {}) },
    )
    form.hidden = true
    for (const b of buttons) b.disabled = true
    status.textContent = thanks
  }

  for (const b of buttons) {
    b.addEventListener('click', () => {
      helpful = b.dataset.helpful === 'yes'
      for (const x of buttons) x.setAttribute('aria-pressed', String(x === b))
      hold('vote', { type: 'helpful', faqId, helpful })
      label.textContent = (helpful ? box.dataset.reasonYes : box.dataset.reasonNo) ?? label.textContent
      form.hidden = false
      reason.focus()
    })
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    done()
  })
  box.querySelector('[data-skip]')?.addEventListener('click', done)
}
