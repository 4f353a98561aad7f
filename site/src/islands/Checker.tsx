/**
 * The what-to-bring checker: three questions → the exact list from the procedure guide, where
 * and when, printable. The list comes from lib/checker.ts (pure, tested); this only renders it.
 */
import { useEffect, useId, useState } from 'react'

import Marked, { PhraseText } from '../components/Marked'
import PhoneItem from '../components/PhoneItem'
import { asksNotice, checkList, noticeKind, WHO, type CheckerGuide } from '../lib/checker'
import type { BringCase, Procedure, RequiredItem } from '../data/types'
import { inLocale } from '../lib/japanese'
import { fill } from '../lib/text'

type CheckerText = {
  procedure: string
  who: string
  whoOptions: Readonly<Record<BringCase, string>>
  notice: string
  noticeDocs: Readonly<Record<'expiry' | 'pickup', string>>
  yes: string
  no: string
  result: string
  resultFor: string
  count: string
  optional: string
  missing: string
  missingText: string
  noticeHelp: string
  noCase: string
  where: string
  when: string
  print: string
  guide: string
  choose: string
  disclaimer: string
}

type Props = {
  /** The page's language: English pages show the guides' English fields where they have them. */
  locale: 'ja' | 'en'
  text: CheckerText
  guides: CheckerGuide[]
  /** FAQs to read when the notice letter is not at hand, by procedure. */
  noticeHelp: Partial<
    Record<Procedure, { href: string; question: string; shortAnswer: string; lang: 'ja' | 'en' }[]>
  >
  /** The Citizens Division's phone numbers (`labelEn` shown on English pages). */
  phones: { label: string; labelEn?: string; number: string }[]
  guideBase: string
}

function Items({
  items,
  text,
  prefix,
  locale,
}: {
  items: RequiredItem[]
  text: CheckerText
  prefix: string
  locale: 'ja' | 'en'
}) {
  return (
    <ul className="checklist">
      {items.map((i, n) => {
        const item = inLocale(locale, i.item, i.itemEn)
        const note = i.note ? inLocale(locale, i.note, i.noteEn) : undefined
        return (
          <li key={i.item}>
            <input type="checkbox" id={`${prefix}${n}`} />
            <label htmlFor={`${prefix}${n}`}>
              <span className="item" lang={item.lang}>
                <PhraseText phrase={item} />
              </span>
              {i.optional && <span className="tag">{text.optional}</span>}
              {note && (
                <span className="note" lang={note.lang}>
                  <PhraseText phrase={note} />
                </span>
              )}
            </label>
          </li>
        )
      })}
    </ul>
  )
}

export default function Checker({ locale, text: t, guides, noticeHelp, phones, guideBase }: Props) {
  const say = (ja: string, en: string | undefined) => inLocale(locale, ja, en)
  const id = useId()
  const [procedure, setProcedure] = useState<Procedure | undefined>()
  const [who, setWho] = useState<BringCase>('self')
  const [hasNotice, setHasNotice] = useState(true)

  useEffect(() => {
    const p = new URLSearchParams(location.search).get('procedure')
    if (p && guides.some((g) => g.procedure === p)) setProcedure(p as Procedure)
  }, [guides])

  const guide = guides.find((g) => g.procedure === procedure)
  const ask = guide ? asksNotice(guide, who) : false
  const kind = procedure ? noticeKind(procedure) : undefined
  const result = procedure ? checkList(guides, { procedure, who, hasNotice }) : undefined
  const help = procedure ? (noticeHelp[procedure] ?? []) : []

  return (
    <div className="checker">
      <form className="checker-form" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>{t.procedure}</legend>
          {guides.map((g) => (
            <div className="choice" key={g.procedure}>
              <input
                type="radio"
                id={`${id}-p-${g.procedure}`}
                name="procedure"
                value={g.procedure}
                checked={procedure === g.procedure}
                onChange={() => setProcedure(g.procedure)}
              />
              <label htmlFor={`${id}-p-${g.procedure}`} lang={say(g.title, g.en?.title).lang}>
                <PhraseText phrase={say(g.title, g.en?.title)} />
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t.who}</legend>
          {WHO.map((w) => (
            <div className="choice" key={w}>
              <input
                type="radio"
                id={`${id}-w-${w}`}
                name="who"
                value={w}
                checked={who === w}
                onChange={() => setWho(w)}
              />
              <label htmlFor={`${id}-w-${w}`}>{t.whoOptions[w]}</label>
            </div>
          ))}
        </fieldset>
        {ask && kind && (
          <fieldset>
            <legend>
              {t.notice}{' '}
              <span className="doc">
                <Marked text={t.noticeDocs[kind]} lang={locale} />
              </span>
            </legend>
            <div className="choice">
              <input
                type="radio"
                id={`${id}-n-yes`}
                name="notice"
                value="yes"
                checked={hasNotice}
                onChange={() => setHasNotice(true)}
              />
              <label htmlFor={`${id}-n-yes`}>{t.yes}</label>
            </div>
            <div className="choice">
              <input
                type="radio"
                id={`${id}-n-no`}
                name="notice"
                value="no"
                checked={!hasNotice}
                onChange={() => setHasNotice(false)}
              />
              <label htmlFor={`${id}-n-no`}>{t.no}</label>
            </div>
          </fieldset>
        )}
      </form>

      <section className="checker-result card" aria-labelledby={`${id}-result`} data-testid="checker-result">
        <h2 id={`${id}-result`}>{t.result}</h2>
        <div aria-live="polite">
          {!result && <p>{t.choose}</p>}
          {result && result.kind !== 'no-guide' && (
            <p className="result-for">
              <Marked
                text={fill(t.resultFor, {
                  procedure: say(result.guide.title, result.guide.en?.title).text,
                  who: t.whoOptions[who],
                })}
                lang={locale}
              />
              {result.kind === 'list' && (
                <span className="count">{` ${fill(t.count, { n: result.items.length })}`}</span>
              )}
            </p>
          )}
        </div>
        {result?.kind === 'no-case' && (
          <p className="warning">
            <Marked text={t.noCase} lang={locale} />
          </p>
        )}
        {result?.kind === 'list' && (
          <>
            <Items items={result.items} text={t} prefix={`${id}-i-`} locale={locale} />
            {result.missing.length > 0 && (
              <div className="missing warning" data-testid="checker-missing">
                <h3>{t.missing}</h3>
                <ul>
                  {result.missing.map((m) => (
                    <li key={m.item} lang={say(m.item, m.itemEn).lang}>
                      <PhraseText phrase={say(m.item, m.itemEn)} />
                    </li>
                  ))}
                </ul>
                <p>
                  <Marked text={t.missingText} lang={locale} />
                </p>
              </div>
            )}
            {result.noticeAsked && !hasNotice && help.length > 0 && (
              <div className="notice-help">
                <h3>{t.noticeHelp}</h3>
                <ul className="links">
                  {help.map((h) => (
                    <li key={h.href} lang={h.lang}>
                      <a href={h.href}>
                        <PhraseText phrase={{ text: h.question, lang: h.lang }} />
                      </a>
                      <p className="small">
                        <PhraseText phrase={{ text: h.shortAnswer, lang: h.lang }} />
                      </p>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <h3>{t.where}</h3>
            <p lang={say(result.guide.where, result.guide.en?.where).lang}>
              <PhraseText phrase={say(result.guide.where, result.guide.en?.where)} />
            </p>
            <h3>{t.when}</h3>
            <p lang={say(result.guide.when, result.guide.en?.when).lang}>
              <PhraseText phrase={say(result.guide.when, result.guide.en?.when)} />
            </p>
          </>
        )}
        {result && result.kind !== 'no-guide' && (
          <>
            {(result.kind === 'no-case' || (result.kind === 'list' && result.missing.length > 0)) && (
              <ul className="phones">
                {phones.map((p) => (
                  <PhoneItem key={p.number} number={p.number} lang={say(p.label, p.labelEn).lang}>
                    <PhraseText phrase={say(p.label, p.labelEn)} />
                  </PhoneItem>
                ))}
              </ul>
            )}
            <p className="small">
              <Marked text={t.disclaimer} lang={locale} />
            </p>
            <div className="actions no-print">
              <button type="button" onClick={() => window.print()}>
                {t.print}
              </button>
              <a href={`${guideBase}${result.guide.id}/`}>{t.guide}</a>
            </div>
          </>
        )}
      </section>
    </div>
  )
}
