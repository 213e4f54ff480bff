/**
 * Outstanding principal on no installment plan, for SQL that splits an account's outstanding
 * principal (bind the account id twice): on a revolving account its unpaid revolving principal;
 * otherwise its captures without a plan, less their refunds (no due date, never repaid).
 */
export const UNPLANNED_PRINCIPAL_SQL = `coalesce((select ra.principal_fen from revolving_accounts ra where ra.account_id = ?),
  (select coalesce(sum(c.amount_fen - c.refunded_fen), 0) from captures c
    where c.account_id = ? and not exists (select 1 from installment_plans ip where ip.capture_id = c.id)))`;
