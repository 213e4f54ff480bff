import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_PAGES, parseRoute, paths } from './router';

describe('routes', () => {
  it('parses every page and round-trips the path builders', () => {
    expect(parseRoute('/')).toEqual({ name: 'lookup', search: '' });
    expect(parseRoute('/', '?q=%E7%8E%8B')).toEqual({ name: 'lookup', search: '王' });
    expect(parseRoute('/sign-in')).toEqual({ name: 'signIn' });
    expect(parseRoute('/queue')).toEqual({ name: 'queue' });
    expect(parseRoute('/customers/Q3VzdG9tZXI6MQ==')).toEqual({
      name: 'customer',
      customerId: 'Q3VzdG9tZXI6MQ==',
      tab: 'overview',
    });
    const [p, q] = paths.customer('Q3VzdG9tZXI6MQ==', 'history').split('?');
    expect(parseRoute(p, `?${q}`)).toEqual({
      name: 'customer',
      customerId: 'Q3VzdG9tZXI6MQ==',
      tab: 'history',
    });
    expect(parseRoute(paths.newRecovery('C/1'))).toEqual({
      name: 'newRecovery',
      customerId: 'C/1',
    });
    expect(parseRoute(paths.recovery('R1'))).toEqual({ name: 'recovery', requestId: 'R1' });
    expect(parseRoute(paths.admin('partners'))).toEqual({ name: 'admin', page: 'partners' });
    expect(parseRoute(paths.admin('stress-tests'))).toEqual({
      name: 'admin',
      page: 'stress-tests',
    });
    expect(parseRoute(paths.admin('jobs'))).toEqual({ name: 'admin', page: 'jobs' });
    expect(parseRoute('/admin/nothing')).toEqual({ name: 'notFound' });
    expect(parseRoute('/nowhere')).toEqual({ name: 'notFound' });
  });

  it('every page is a route the API answers with the dashboard (DASHBOARD_ROUTES)', () => {
    // Tests run from packages/dashboard.
    const served = readFileSync(path.resolve('../api/src/server/dashboard.ts'), 'utf8');
    for (const page of ADMIN_PAGES) expect(served).toContain(`'${paths.admin(page)}'`);
    for (const p of ['/sign-in', '/queue', '/recovery-requests/:requestId'])
      expect(served).toContain(`'${p}'`);
  });
});
