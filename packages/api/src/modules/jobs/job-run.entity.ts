import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Id } from '../../db/types.js';

/** Progress of a batch job; `cursorId` lets a crashed run resume where it stopped. */
@Entity({ tableName: 'job_runs' })
export class JobRun {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: 'text' }) job!: string;
  /** INTERRUPTED: its worker died; the queue retried the job in a new run. */
  @Property({ type: 'text' }) status!: 'RUNNING' | 'DONE' | 'FAILED' | 'INTERRUPTED';
  @Property({ type: Id }) cursorId = '0';
  @Property({ type: 'bigint' }) processed = 0;
  @Property({ type: 'datetime' }) asOf!: Date;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) startedAt: Date = new Date();
  @Property({ type: 'datetime', nullable: true }) finishedAt?: Date | null;
  @Property({ type: 'json', nullable: true }) result?: Record<string, unknown> | null;
  @Property({ type: 'text', nullable: true }) error?: string | null;
  /** graphile-worker's job id and attempt; the worker that ran it; schedule, cli, enqueued or wake. */
  @Property({ type: 'text', nullable: true }) queueJobId?: string | null;
  @Property({ type: 'integer', nullable: true }) attempt?: number | null;
  @Property({ type: 'text', nullable: true }) workerId?: string | null;
  @Property({ type: 'text', nullable: true }) trigger?: string | null;
}

/** A worker process's liveness: its worker ids and last heartbeat (see worker.ts). */
@Entity({ tableName: 'job_workers' })
export class JobWorker {
  @PrimaryKey({ type: 'text' }) workerId!: string;
  @Property({ type: 'text' }) host!: string;
  @Property({ type: 'integer' }) pid!: number;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) startedAt: Date = new Date();
  @Property({ type: 'datetime', defaultRaw: 'now()' }) heartbeatAt: Date = new Date();
}
