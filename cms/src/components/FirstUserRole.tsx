/**
 * On the first-user screen, in place of the role field (which that screen would ignore: the first
 * account always becomes the administrator, collections/Users/firstUserIsAdmin.ts), the role it gets.
 */
export function FirstUserRole() {
  return (
    <div className="field-type kotae-first-user-role">
      <p className="field-label">役割</p>
      <p>
        このアカウントは<strong>システム管理者</strong>
        として登録されます。ほかの職員のアカウントは、サインインした後に「管理」→「ユーザー」から役割を選んで追加できます。
      </p>
    </div>
  )
}
