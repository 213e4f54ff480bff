import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/config.js';
import { WebhookService, isInternalHost } from '../webhook.service.js';

describe('webhook URLs', () => {
  it('refuses internal hosts in production (no SSRF into our network), accepts public https', () => {
    for (const h of [
      'localhost',
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '[::1]',
      '[fd00::1]',
      'db.internal',
    ])
      expect(isInternalHost(h), h).toBe(true);
    for (const h of ['checkout.example.com', '8.8.8.8', '172.32.0.1', '[2001:db8::1]'])
      expect(isInternalHost(h), h).toBe(false);
    const prod = new WebhookService({
      ...loadConfig({ NODE_ENV: 'development' }),
      NODE_ENV: 'production',
    });
    expect(prod.urlProblem('https://169.254.169.254/latest/meta-data')).toMatch(/public address/);
    expect(prod.urlProblem('http://checkout.example.com/hooks')).toMatch(/https/);
    expect(prod.urlProblem('https://checkout.example.com/hooks')).toBeUndefined();
    const dev = new WebhookService(loadConfig({ NODE_ENV: 'development' }));
    expect(dev.urlProblem('http://127.0.0.1:9999/hooks')).toBeUndefined();
  });
});
