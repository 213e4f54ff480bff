import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { seedDatabase } from './seed/load.js';
import { runPeriodicReview } from '../modules/decisions/periodic-review.js';
import { ensureDemoPurchases } from './demo-purchases.js';

/**
 * On the embedded database's first start: fill it with the deterministic demo population
 * (DEMO_CUSTOMERS customers), review it once, and let the demo partner checkout make a few
 * purchases, plans and repayments. A later start finds the data and leaves it alone.
 */
export async function ensureDemoData(
  orm: MikroORM,
  url: string,
  config: Config,
  logger: Logger,
): Promise<void> {
  const [{ n }] = await orm.em
    .getConnection()
    .execute<{ n: string }[]>('select count(*)::text as n from agents');
  if (Number(n) > 0 || config.DEMO_CUSTOMERS === 0) return;
  logger.info({ customers: config.DEMO_CUSTOMERS }, 'seeding the demo population (first start)');
  const result = await seedDatabase(url, {
    customers: config.DEMO_CUSTOMERS,
    piiKey: config.secrets.piiKey,
    blindIndexKey: config.secrets.blindIndexKey,
  });
  logger.info({ ms: result.ms, rows: result.rows }, 'demo population loaded');
  // The imported limits carry no score yet: one periodic review scores every active account
  // with the platform model, so each has a decision with reasons to explain.
  const review = await runPeriodicReview(orm);
  logger.info({ reviewed: review.processed, changed: review.changed }, 'demo population reviewed');
  const purchases = await ensureDemoPurchases(orm, config, logger);
  logger.info(purchases, 'demo purchases made through the partner checkout');
}
