import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config.js';
import { Customer } from './customer.entity.js';
import type { FilterQuery } from '@mikro-orm/core';
import {
  blindIndex,
  decryptPii,
  isNationalId,
  isPhone,
  normalizeNationalId,
  normalizePhone,
  phoneLast4Index,
} from './pii.js';
import { pgArray } from '../decisions/pg-array.js';
import { toGlobalId } from '../../graphql/relay.js';
import { CustomerNode } from './customer.types.js';
import type { CustomerRead } from './customer.reads.js';

export type SearchKind =
  'PHONE' | 'PHONE_LAST4' | 'NATIONAL_ID' | 'ACCOUNT_NUMBER' | 'ACCOUNT_PREFIX' | 'NAME';

/**
 * What a search text is: exact phone / national ID / the phone's last four digits (through the
 * blind indexes), a whole account number or its start (`CL00012`), or the start of a name.
 */
export function classifySearch(text: string): SearchKind {
  const t = text.trim();
  if (isPhone(t)) return 'PHONE';
  if (isNationalId(t)) return 'NATIONAL_ID';
  if (/^\d{4}$/.test(t)) return 'PHONE_LAST4';
  if (/^CL\d{10}$/i.test(t)) return 'ACCOUNT_NUMBER';
  if (/^CL\d{1,9}$/i.test(t)) return 'ACCOUNT_PREFIX';
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
   * Customers matching a search, ordered by id, after an id cursor, with the number of all
   * matches (the "47 found" an agent reads; the page holds `limit`) — counted beside the page
   * when `countNow`, otherwise only when `totalCount()` is called (the query does not select it).
   * Phone, national ID and the
   * phone's last four are matched exactly through their keyed hashes (the clear text is never in
   * an index); an account number exactly or by its start (a range on the unique index); a name by
   * its start.
   */
  async search(
    em: EntityManager,
    text: string,
    limit: number,
    afterId?: string,
    countNow = true,
  ): Promise<{ rows: Customer[]; totalCount: () => Promise<number> }> {
    const t = text.trim();
    const key = this.config.secrets.blindIndexKey;
    let where: FilterQuery<Customer>;
    switch (classifySearch(t)) {
      case 'PHONE':
        where = { phoneHash: blindIndex('phone', normalizePhone(t), key) };
        break;
      case 'PHONE_LAST4':
        where = { phoneLast4Hash: phoneLast4Index(t, key) };
        break;
      case 'NATIONAL_ID':
        where = { nationalIdHash: blindIndex('national_id', normalizeNationalId(t), key) };
        break;
      case 'ACCOUNT_NUMBER':
      case 'ACCOUNT_PREFIX': {
        // CL + 10 digits: a prefix is the range [prefix000…, prefix999…] of the unique index.
        const p = t.toUpperCase();
        const range = [p.padEnd(12, '0'), p.padEnd(12, '9')];
        const totalCount = once(async () => {
          const [n] = await em
            .fork()
            .execute<{ n: number }[]>(
              `select count(*)::int as n from credit_accounts where account_number between ? and ?`,
              range,
            );
          return n!.n;
        });
        const [ids] = await Promise.all([
          em.execute<{ customer_id: string }[]>(
            `select customer_id from credit_accounts where account_number between ? and ?
               and (?::bigint is null or customer_id > ?::bigint) order by customer_id limit ?`,
            [...range, afterId ?? null, afterId ?? null, limit],
          ),
          countNow && totalCount(),
        ]);
        const rows = ids.length
          ? await em.find(
              Customer,
              { id: { $in: ids.map((r) => String(r.customer_id)) } },
              { orderBy: { id: 'asc' } },
            )
          : [];
        return { rows, totalCount };
      }
      case 'NAME':
        where = { name: { $like: `${escapeLike(t)}%` } };
        break;
    }
    const totalCount = once(() => em.fork().count(Customer, where));
    const [rows] = await Promise.all([
      em.find(Customer, afterId ? { $and: [where, { id: { $gt: afterId } }] } : where, {
        orderBy: { id: 'asc' },
        limit,
      }),
      countNow && totalCount(),
    ]);
    return { rows, totalCount };
  }

  /**
   * Fill the last-four index of customers that have none (rows from before the index existed).
   * Runs at start; decrypts each phone once, in batches, walking by id. A phone that does not
   * decrypt (a damaged row, or another key) is left without the index and counted, not allowed
   * to stop the start: such a customer is still found by the full phone's blind index.
   */
  async backfillPhoneLast4(em: EntityManager): Promise<{ filled: number; unreadable: number }> {
    const { piiKey, blindIndexKey } = this.config.secrets;
    let filled = 0;
    let unreadable = 0;
    let after = '0';
    for (;;) {
      const rows = await em.execute<{ id: string; phone_enc: Buffer }[]>(
        `select id, phone_enc from customers where phone_last4_hash is null and id > ? order by id limit 1000`,
        [after],
      );
      if (!rows.length) return { filled, unreadable };
      after = String(rows.at(-1)!.id);
      const ids: string[] = [];
      const hashes: string[] = [];
      for (const r of rows) {
        try {
          hashes.push(
            phoneLast4Index(decryptPii(r.phone_enc, piiKey), blindIndexKey).toString('hex'),
          );
          ids.push(String(r.id));
        } catch {
          unreadable++;
        }
      }
      if (ids.length)
        await em.execute(
          `update customers c set phone_last4_hash = decode(v.h, 'hex')
             from unnest(?::bigint[], ?::text[]) as v(id, h) where c.id = v.id`,
          [pgArray(ids), pgArray(hashes)],
        );
      filled += ids.length;
    }
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The first call's promise, for every call: a count asked for twice runs once. */
function once<T>(run: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => (started ??= run());
}
