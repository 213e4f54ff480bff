import type { Config } from '../config/config.js';
import type { Logger } from 'pino';
import { AuthService } from '../modules/auth/auth.service.js';
import { CustomerService } from '../modules/customers/customer.service.js';

/** Process-wide services, built once at start and shared by every request. */
export interface Services {
  auth: AuthService;
  customers: CustomerService;
}

export function createServices(config: Config, _logger: Logger): Services {
  return {
    auth: new AuthService(config),
    customers: new CustomerService(config),
  };
}
