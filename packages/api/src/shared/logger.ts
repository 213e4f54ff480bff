import { pino, type Logger } from 'pino';

/** One structured logger for the process; children carry a `module` field. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'creditline-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export type { Logger };
