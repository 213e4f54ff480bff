/**
 * Readiness: may a load balancer send this process requests now? Each check is a named async
 * function that resolves when its part is usable and throws (with a message for the operator)
 * when not. The API registers the database and migrations checks; the worker adds its own
 * (`app.readiness.add('worker', …)`). While draining at shutdown every probe answers not ready.
 */
export type ReadinessCheck = () => Promise<void>;

export interface ReadinessReport {
  status: 'ready' | 'not ready' | 'draining';
  checks: Record<string, { ok: boolean; ms: number; error?: string }>;
}

/** A check that takes longer than this counts as failed: a probe must answer quickly. */
const CHECK_TIMEOUT_MS = 2000;

export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private drainingSince: number | undefined;

  /** Add (or replace) a named check. */
  add(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  remove(name: string): void {
    this.checks.delete(name);
  }

  /** From now on the process reports not ready (shutdown has begun). */
  drain(): void {
    this.drainingSince ??= Date.now();
  }

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  async report(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        const started = performance.now();
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            check(),
            new Promise<never>((_, reject) => {
              timer = setTimeout(
                () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
                CHECK_TIMEOUT_MS,
              );
            }),
          ]);
          return [name, { ok: true, ms: Math.round(performance.now() - started) }] as const;
        } catch (err) {
          return [
            name,
            {
              ok: false,
              ms: Math.round(performance.now() - started),
              error: (err as Error).message ?? String(err),
            },
          ] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    const allOk = entries.every(([, r]) => r.ok);
    return {
      status: this.draining ? 'draining' : allOk ? 'ready' : 'not ready',
      checks,
    };
  }
}
