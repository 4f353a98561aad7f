/**
 * English word handling so that the analyzer does not break English FAQs: lowercase words, a few
 * stopwords, and a light suffix stemmer (plural -s/-es/-ies, -ing, -ed, -ly, -ment, -al). Not Porter: it only
 * needs queries and FAQs to meet on the same stem.
 */
export const ENGLISH_STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'it',
  'its',
  'this',
  'that',
  'these',
  'those',
  'i',
  'me',
  'my',
  'you',
  'your',
  'we',
  'our',
  'do',
  'does',
  'did',
  'can',
  'could',
  'would',
  'should',
  'will',
  'there',
  'what',
  'how',
  'which',
  'who',
  'any',
  'some',
  'so',
  'if',
  'as',
  'into',
  'about',
  'am',
  'have',
  'has',
  'had',
  'way',
  'possible',
  'please',
])

/** Stems one lowercase word. */
export function stemEnglish(word: string): string {
  let w = word.replace(/['’]s$/u, '')
  if (w.length <= 3) return w
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (/(sses|shes|ches|xes|zes)$/u.test(w)) w = w.slice(0, -2)
  else if (w.endsWith('s') && !/(ss|us|is)$/u.test(w)) w = w.slice(0, -1)
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3))
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2))
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2)
  // Nouns made from verbs meet their verb: renewal/renew, approval/approve, replacement/replace.
  else if (w.endsWith('ment') && w.length >= 8) w = w.slice(0, -4)
  else if (w.endsWith('al') && w.length > 6) w = w.slice(0, -2)
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1)
  return w
}

/** stopp → stop, runn → run (after -ing/-ed); keeps ll/ss/zz. */
function undouble(w: string): string {
  const a = w[w.length - 1]
  return a !== undefined && a === w[w.length - 2] && !'lsz'.includes(a) ? w.slice(0, -1) : w
}
