/**
 * Sales and invoicing behaviour: order totals and invoice status, confirming orders, the
 * credit check (a demo feature standing in for Odoo's credit-limit/hold add-ons), invoices
 * created from orders, posting them, and registering payments.
 *
 * Sources: odoo/odoo `addons/sale/models/sale_order.py` (SALE_ORDER_STATE, `action_confirm`,
 * `_compute_invoice_status`), `addons/account/models/account_move.py` (move_type, state,
 * PAYMENT_STATE_SELECTION, `action_post`); field and method calls as in
 * https://www.odoo.com/documentation/18.0/developer/reference/external_api.html; docs/vendor-apis.md section 4.6.
 */
import { createRecord, existing } from './crud.ts';
import type { OdooDb } from './database.ts';
import type { Row } from './fields.ts';
import { userError } from './odoo-error.ts';

const money = (n: number) => Math.round(n * 100) / 100;
const format = (n: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function touch(db: OdooDb, model: string, id: number | false): void {
  const row = id === false ? undefined : db.table(model).get(id);
  if (row) row.write_date = db.now();
}

export function orderAmount(db: OdooDb, order: Row): number {
  const lines = [...db.table('sale.order.line').values()].filter((l) => l.order_id === order.id);
  return money(lines.reduce((sum, l) => sum + lineAmount(l), 0));
}

export const lineAmount = (line: Row) =>
  money(Number(line.product_uom_qty || 0) * Number(line.price_unit || 0));

/** The customer invoices of an order (Odoo links them through the lines; the sandbox by origin). */
export function invoicesOf(db: OdooDb, order: Row): Row[] {
  return [...db.table('account.move').values()].filter(
    (m) => m.move_type === 'out_invoice' && m.invoice_origin === order.name && m.state !== 'cancel',
  );
}

export function invoiceStatus(db: OdooDb, order: Row): string {
  if (order.state !== 'sale' && order.state !== 'done') return 'no';
  return invoicesOf(db, order).length > 0 ? 'invoiced' : 'to invoice';
}

/** An order still owed: not cancelled, and not invoiced and paid in full. */
function isOpen(db: OdooDb, order: Row): boolean {
  if (order.state === 'cancel') return false;
  const invoices = invoicesOf(db, order);
  return !(invoices.length > 0 && invoices.every((m) => m.payment_state === 'paid'));
}

/**
 * With `creditCheck` on: an order whose partner has a credit limit, and whose amount plus the
 * partner's other open orders exceeds it, is refused with a UserError naming the credit hold.
 */
export function creditCheck(db: OdooDb, order: Row): void {
  if (!db.options.creditCheck || order.state === 'cancel') return;
  const partner = db.table('res.partner').get(order.partner_id as number);
  const limit = Number(partner?.credit_limit || 0);
  if (!partner || !(limit > 0)) return;
  const others = [...db.table('sale.order').values()].filter(
    (o) => o.id !== order.id && o.partner_id === partner.id && isOpen(db, o),
  );
  const open = money(others.reduce((sum, o) => sum + orderAmount(db, o), 0));
  const amount = orderAmount(db, order);
  if (open + amount > limit)
    throw userError(
      `Order ${String(order.name)} for ${String(partner.name)}: ${format(amount)} plus open orders of ${format(open)} exceeds the credit limit of ${format(limit)} (credit hold).`,
    );
}

/** `sale.order.action_confirm`: quotations become sales orders. */
export function confirmOrders(db: OdooDb, ids: number[], uid: number): true {
  const orders = existing(db, 'sale.order', ids, uid);
  const wrong = orders.filter((o) => o.state !== 'draft' && o.state !== 'sent');
  if (wrong.length > 0)
    throw userError(
      `The following orders are not in a state requiring confirmation: ${wrong.map((o) => o.name).join(', ')}`,
    );
  for (const order of orders) {
    creditCheck(db, order);
    order.state = 'sale';
    order.write_date = db.now();
  }
  return true;
}

/** An invoice for a confirmed order's total (posted unless `post` is false). */
export function createInvoice(db: OdooDb, orderId: number, post: boolean, uid: number): number {
  const [order] = existing(db, 'sale.order', [orderId], uid) as [Row];
  if (invoiceStatus(db, order) !== 'to invoice')
    throw userError(
      'There is no invoiceable line. If a product has a control policy based on ordered quantity, please make sure that a quantity has been set.',
    );
  const today = db.now().slice(0, 10);
  const due = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000);
  const amount = orderAmount(db, order);
  const id = createRecord(
    db,
    'account.move',
    {
      move_type: 'out_invoice',
      partner_id: order.partner_id,
      invoice_origin: order.name,
      invoice_date: today,
      invoice_date_due: due.toISOString().slice(0, 10),
      amount_total: amount,
      amount_residual: amount,
    },
    uid,
  );
  if (post) postInvoices(db, [id], uid);
  touch(db, 'sale.order', order.id);
  return id;
}

/** The journals' sequence prefixes (Odoo's defaults for a new company). */
const PREFIXES: Record<string, string> = {
  out_invoice: 'INV',
  out_refund: 'RINV',
  in_invoice: 'BILL',
  in_refund: 'RBILL',
};

/** `account.move.action_post`: a draft gets its number (INV/YYYY/NNNNN) and is posted. */
export function postInvoices(db: OdooDb, ids: number[], uid: number): false {
  for (const move of existing(db, 'account.move', ids, uid)) {
    if (move.state === 'posted')
      throw userError(`The entry ${String(move.name)} (id ${move.id}) is already posted.`);
    const prefix = PREFIXES[String(move.move_type)] ?? 'MISC';
    const next = (db.sequences[prefix] ?? 0) + 1;
    db.sequences[prefix] = next;
    const year = String(move.invoice_date || db.now()).slice(0, 4);
    move.name = `${prefix}/${year}/${String(next).padStart(5, '0')}`;
    move.state = 'posted';
    move.write_date = db.now();
  }
  return false;
}

/** A customer payment against a posted invoice: partial, or paid once nothing is left. */
export function registerPayment(
  db: OdooDb,
  invoiceId: number,
  amount: number | undefined,
  uid: number,
): void {
  const [move] = existing(db, 'account.move', [invoiceId], uid) as [Row];
  if (move.state !== 'posted')
    throw userError('You can only register payment for posted journal entries.');
  const residual = Number(move.amount_residual || 0);
  if (residual <= 0)
    throw userError(
      "You can't register a payment because there is nothing left to pay on the selected journal items.",
    );
  move.amount_residual = money(Math.max(0, residual - (amount ?? residual)));
  move.payment_state = move.amount_residual === 0 ? 'paid' : 'partial';
  // The order is not touched: none of its stored fields depends on payments.
  move.write_date = db.now();
}
