/**
 * Readiness: may a load balancer send this process requests now? Each check is a named async
 * function that resolves when its part is usable and throws (with a message for the operator)
 * when not. The API registers the database and migrations checks; the worker adds its own
 * (`app.readiness.add('worker', …)`). While draining at shutdown every probe answers not ready.
 *
 * A check may be optional: it is reported, and when it fails the status is `degraded` but the
 * answer stays 200. The job worker is such a check for an API process: the API still serves
 * partners when no worker runs, and a load balancer that took every API out of service because
 * the worker died would turn a delayed review into an outage.
 */
export type ReadinessCheck = () => Promise<void>;

export interface ReadinessReport {
  status: 'ready' | 'degraded' | 'not ready' | 'draining';
  checks: Record<string, { ok: boolean; ms: number; optional?: true; error?: string }>;
}

/** A check that takes longer than this counts as failed: a probe must answer quickly. */
const CHECK_TIMEOUT_MS = 2000;

export class Readiness {
  private readonly checks = new Map<string, { check: ReadinessCheck; optional: boolean }>();
  private drainingSince: number | undefined;

  /** Add (or replace) a named check; an optional one degrades the status instead of failing it. */
  add(name: string, check: ReadinessCheck, opts: { optional?: boolean } = {}): void {
    this.checks.set(name, { check, optional: opts.optional ?? false });
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
      [...this.checks].map(async ([name, { check, optional }]) => {
        const tag = optional ? { optional: true as const } : {};
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
          return [name, { ok: true, ms: Math.round(performance.now() - started), ...tag }] as const;
        } catch (err) {
          return [
            name,
            {
              ok: false,
              ms: Math.round(performance.now() - started),
              ...tag,
              error: (err as Error).message ?? String(err),
            },
          ] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    const requiredOk = entries.every(([, r]) => r.ok || r.optional);
    const allOk = entries.every(([, r]) => r.ok);
    return {
      status: this.draining ? 'draining' : !requiredOk ? 'not ready' : allOk ? 'ready' : 'degraded',
      checks,
    };
  }
}
