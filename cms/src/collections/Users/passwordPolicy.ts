import { dictionary } from '@zxcvbn-ts/language-common'
import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

/** At least this many characters (NIST SP 800-63B asks for 8 at least; staff accounts reach personal data). */
const MIN_PASSWORD_LENGTH = 12

let common: Set<string> | undefined
/** zxcvbn-ts's list of about 49,000 passwords seen most often in leaks, compared in lower case. */
const commonPasswords = (): Set<string> =>
  (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())))

/** Why a password is refused, in Japanese for the admin, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください。`
  if (commonPasswords().has(password.toLowerCase()))
    return 'よく使われていて推測されやすいパスワードです。別のパスワードにしてください。'
  return undefined
}

/**
 * Every new password (first user, a user an admin creates, a changed password) meets the policy.
 * A password reset through the e-mailed link is checked by resetPasswordPolicy.ts (Payload's reset
 * does not hand this hook the new password).
 */
export const enforcePasswordPolicy: CollectionBeforeValidateHook = ({ data }) => {
  const password: unknown = data?.password
  if (typeof password !== 'string') return data
  const problem = passwordProblem(password)
  if (problem) throw new ValidationError({ errors: [{ path: 'password', message: problem }] })
  return data
}
