import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Id } from '../../db/types.js';

/** Progress of a batch job; `cursorId` lets a crashed run resume where it stopped. */
@Entity({ tableName: 'job_runs' })
export class JobRun {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: 'text' }) job!: string;
  @Property({ type: 'text' }) status!: 'RUNNING' | 'DONE' | 'FAILED';
  @Property({ type: Id }) cursorId = '0';
  @Property({ type: 'bigint' }) processed = 0;
  @Property({ type: 'datetime' }) asOf!: Date;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) startedAt: Date = new Date();
  @Property({ type: 'datetime', nullable: true }) finishedAt?: Date | null;
}
