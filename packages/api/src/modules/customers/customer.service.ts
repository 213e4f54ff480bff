import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config.js';
import { CreditAccount } from '../accounts/credit-account.entity.js';
import { Customer } from './customer.entity.js';
import { blindIndex, isNationalId, isPhone, normalizeNationalId, normalizePhone } from './pii.js';
import { toGlobalId } from '../../graphql/relay.js';
import { CustomerNode } from './customer.types.js';
import type { CustomerRead } from './customer.reads.js';

export type SearchKind = 'PHONE' | 'NATIONAL_ID' | 'ACCOUNT_NUMBER' | 'NAME';

/** What a search text is: exact phone / national ID (through the blind index), account number, or a name. */
export function classifySearch(text: string): SearchKind {
  const t = text.trim();
  if (isPhone(t)) return 'PHONE';
  if (isNationalId(t)) return 'NATIONAL_ID';
  if (/^CL\d{10}$/i.test(t)) return 'ACCOUNT_NUMBER';
  return 'NAME';
}

export function toCustomerNode(c: CustomerRead): CustomerNode {
  return Object.assign(new CustomerNode(), {
    id: toGlobalId('Customer', c.id),
    localId: c.id,
    name: c.name,
    maskedPhone: c.phoneMasked,
    maskedNationalId: c.nationalIdMasked,
    realNameVerified: c.realNameVerified,
    phoneBound: c.phoneBound,
    bankCardBound: c.bankCardBound,
    incomeBand: c.incomeBand,
    registeredAt: c.registeredAt,
  });
}

export class CustomerService {
  constructor(private readonly config: Config) {}

  /**
   * Customers matching a search, ordered by id, after an id cursor. Phone and national ID are
   * matched exactly through their keyed hash (the clear text is never in an index); a name
   * matches by prefix or, failing that, by trigram similarity.
   */
  async search(
    em: EntityManager,
    text: string,
    limit: number,
    afterId?: string,
  ): Promise<Customer[]> {
    const t = text.trim();
    const kind = classifySearch(t);
    const key = this.config.secrets.blindIndexKey;
    const after = afterId ? { id: { $gt: afterId } } : {};
    const opts = { orderBy: { id: 'asc' as const }, limit };
    switch (kind) {
      case 'PHONE':
        return em.find(
          Customer,
          { phoneHash: blindIndex('phone', normalizePhone(t), key), ...after },
          opts,
        );
      case 'NATIONAL_ID':
        return em.find(
          Customer,
          { nationalIdHash: blindIndex('national_id', normalizeNationalId(t), key), ...after },
          opts,
        );
      case 'ACCOUNT_NUMBER': {
        const rows = await em
          .getConnection()
          .execute<{ customer_id: string }[]>(
            `select customer_id from credit_accounts where account_number = ? and (?::bigint is null or customer_id > ?::bigint)`,
            [t.toUpperCase(), afterId ?? null, afterId ?? null],
          );
        return rows.length
          ? em.find(Customer, { id: { $in: rows.map((r) => String(r.customer_id)) } }, opts)
          : [];
      }
      case 'NAME':
        return em.find(Customer, { name: { $like: `${escapeLike(t)}%` }, ...after }, opts);
    }
  }

  /** How many customers `search` finds for this text over all pages. */
  async countMatches(em: EntityManager, text: string): Promise<number> {
    const t = text.trim();
    const key = this.config.secrets.blindIndexKey;
    switch (classifySearch(t)) {
      case 'PHONE':
        return em.count(Customer, { phoneHash: blindIndex('phone', normalizePhone(t), key) });
      case 'NATIONAL_ID':
        return em.count(Customer, {
          nationalIdHash: blindIndex('national_id', normalizeNationalId(t), key),
        });
      case 'ACCOUNT_NUMBER':
        return em.count(CreditAccount, { accountNumber: t.toUpperCase() });
      case 'NAME':
        return em.count(Customer, { name: { $like: `${escapeLike(t)}%` } });
    }
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
