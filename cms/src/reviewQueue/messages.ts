/**
 * Texts of the send-back shared by the server and the admin's 「差し戻す」 dialog. A file of its own
 * because the dialog runs in the browser and must not import the hooks (they import Payload's server code).
 */
export const SEND_BACK_REASON_REQUIRED =
  '差し戻すときは、差し戻し理由を書いてください。編集者に表示されます。'
