/**
 * One of the city's phone numbers in an island's list (the search's "call us", the checker's
 * "ask us"): its name in the language it is written in, then the number as a tel: link.
 */
import type { ReactNode } from 'react'

import { telHref } from '../lib/format'

export default function PhoneItem({
  number,
  lang,
  children,
}: {
  number: string
  lang: string
  children: ReactNode
}) {
  return (
    <li>
      <span className="phone-label" lang={lang}>
        {children}
      </span>
      <a className="phone-number" href={telHref(number)}>
        {number}
      </a>
    </li>
  )
}
