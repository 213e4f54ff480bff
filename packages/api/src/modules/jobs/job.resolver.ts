import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { parseCronItem } from 'graphile-worker';
import type { GraphQLContext } from '../../graphql/context.js';
import { userError } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/relay.js';
import { asDate } from '../../graphql/dates.js';
import { Role } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { JOBS, jobNamed, schedulesFrom } from './job-definitions.js';
import { JobRunStatusEnum } from '../../graphql/enums.js';
import { Payload } from '../../graphql/payload.js';

@ObjectType('JobRun', { description: 'One run of a job, whoever started it.' })
export class JobRunNode {
  @Field(() => ID, { description: 'Global id.' }) id!: string;
  @Field(() => String, { description: "The job's name, e.g. periodic-review." }) job!: string;
  @Field(() => JobRunStatusEnum, {
    description:
      'RUNNING, DONE, FAILED, or INTERRUPTED (its worker died; the retry is another run).',
  })
  status!: string;
  @Field(() => String, { nullable: true, description: 'schedule, cli, enqueued or wake.' })
  trigger?: string | null;
  @Field(() => Int, { nullable: true, description: "The queue's attempt number." }) attempt?:
    number | null;
  @Field(() => GraphQLDateTime, { description: 'The business time the run worked for.' })
  asOf!: Date;
  @Field(() => GraphQLDateTime, { description: 'When it started.' }) startedAt!: Date;
  @Field(() => GraphQLDateTime, {
    description: 'When it finished; null while running.',
    nullable: true,
  })
  finishedAt?: Date | null;
  @Field(() => Int, {
    description: 'How long it took, in milliseconds; null while running.',
    nullable: true,
  })
  durationMs?: number | null;
  @Field(() => Int, { description: 'Items processed (accounts, holds, messages…).' })
  processed!: number;
  @Field(() => String, { nullable: true, description: 'The result summary as JSON.' }) result?:
    string | null;
  @Field(() => String, { description: 'The error it stopped with, if it failed.', nullable: true })
  error?: string | null;
}

@ObjectType('JobSchedule', { description: 'A job, when it runs, and how its last run went.' })
export class JobScheduleNode {
  @Field(() => String, { description: "The job's name." }) job!: string;
  @Field(() => String, { description: 'What the job does.' }) description!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Cron (UTC); null when not scheduled (JOB_SCHEDULES name=off).',
  })
  schedule?: string | null;
  @Field(() => GraphQLDateTime, {
    description: 'When it runs next; null when it is not scheduled.',
    nullable: true,
  })
  nextRunAt?: Date | null;
  @Field(() => JobRunNode, { description: 'Its latest run, if any.', nullable: true })
  lastRun?: JobRunNode | null;
  @Field(() => Int, {
    description: 'Worker processes that answered in the last 10 seconds (all jobs).',
  })
  liveWorkers!: number;
}

@ObjectType({
  description: 'The result of `runJobNow`, or the userErrors saying why nothing changed.',
})
export class RunJobPayload extends Payload('RunJob') {
  @Field(() => Boolean, { description: 'True when the run was queued.' }) enqueued!: boolean;
}

interface RunRow {
  id: string;
  job: string;
  status: string;
  trigger: string | null;
  attempt: number | null;
  as_of: Date;
  started_at: Date;
  finished_at: Date | null;
  processed: string;
  result: unknown;
  error: string | null;
}
const RUN_COLS = `id, job, status, trigger, attempt, as_of, started_at, finished_at, processed, result, error`;

const toRunNode = (r: RunRow) =>
  Object.assign(new JobRunNode(), {
    id: toGlobalId('JobRun', r.id),
    job: r.job,
    status: r.status,
    trigger: r.trigger,
    attempt: r.attempt,
    asOf: asDate(r.as_of),
    startedAt: asDate(r.started_at),
    finishedAt: asDate(r.finished_at),
    durationMs: r.finished_at
      ? new Date(r.finished_at).getTime() - new Date(r.started_at).getTime()
      : null,
    processed: Number(r.processed),
    result: r.result == null ? null : JSON.stringify(r.result),
    error: r.error,
  });

/** The next minute (UTC) a cron expression matches, within 32 days; null beyond. */
export function nextRun(cron: string, from = new Date()): Date | null {
  const item = parseCronItem({ task: 'x', match: cron });
  const t = new Date(Math.floor(from.getTime() / 60_000) * 60_000 + 60_000);
  for (let i = 0; i < 32 * 24 * 60; i++, t.setTime(t.getTime() + 60_000)) {
    if (
      item.match({
        min: t.getUTCMinutes(),
        hour: t.getUTCHours(),
        date: t.getUTCDate(),
        month: t.getUTCMonth() + 1,
        dow: t.getUTCDay(),
      })
    )
      return new Date(t);
  }
  return null;
}

@Resolver()
export class JobResolver {
  @Authorized(Role.RISK_ADMIN)
  @Query(() => [JobScheduleNode], {
    description: 'Every scheduled job: its schedule, next run and last run (risk admins).',
  })
  async jobSchedules(@Ctx() ctx: GraphQLContext): Promise<JobScheduleNode[]> {
    const schedules = schedulesFrom(ctx.config.JOB_SCHEDULES);
    const last = await ctx.em.execute<RunRow[]>(
      `select distinct on (job) ${RUN_COLS} from job_runs order by job, id desc`,
    );
    const [{ n }] = (await ctx.em.execute<{ n: string }[]>(
      `select count(distinct (host, pid)) as n from job_workers where heartbeat_at > now() - interval '10 seconds'`,
    )) as [{ n: string }];
    return JOBS.map((j) => {
      const cron = schedules.get(j.name) ?? null;
      const run = last.find((r) => r.job === j.name);
      return Object.assign(new JobScheduleNode(), {
        job: j.name,
        description: j.describe,
        schedule: cron,
        nextRunAt: cron ? nextRun(cron) : null,
        lastRun: run ? toRunNode(run) : null,
        liveWorkers: Number(n),
      });
    });
  }

  @Authorized(Role.RISK_ADMIN)
  @Query(() => [JobRunNode], { description: 'Recent runs, newest first, of one job or of all.' })
  async jobRuns(
    @Ctx() ctx: GraphQLContext,
    @Arg('job', () => String, {
      description: 'Only runs of this job; every job when omitted.',
      nullable: true,
    })
    job?: string | null,
    @Arg('first', () => Int, {
      description: 'How many items to return: 1 to 100.',
      defaultValue: 20,
    })
    first = 20,
  ): Promise<JobRunNode[]> {
    const rows = await ctx.em.execute<RunRow[]>(
      `select ${RUN_COLS} from job_runs ${job ? 'where job = ?' : ''} order by id desc limit ?`,
      job ? [job, Math.min(Math.max(first, 1), 100)] : [Math.min(Math.max(first, 1), 100)],
    );
    return rows.map(toRunNode);
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => RunJobPayload, {
    description: 'Enqueue a job to run now on a worker (one pending "run now" per job).',
  })
  async runJobNow(
    @Ctx() ctx: GraphQLContext,
    @Arg('job', () => String, { description: "The job's name, e.g. periodic-review." }) job: string,
  ): Promise<RunJobPayload> {
    const def = jobNamed(job);
    if (!def)
      return {
        enqueued: false,
        userErrors: [
          userError(
            'UNKNOWN_JOB',
            `No job named "${job}" (jobs: ${JOBS.map((j) => j.name).join(', ')}).`,
            'job',
          ),
        ],
      };
    await ctx.em.execute(
      `select graphile_worker.add_job(?, ?::json, job_key := ?, max_attempts := ?)`,
      [def.name, JSON.stringify({ trigger: 'enqueued' }), `${def.name}:enqueued`, def.maxAttempts],
    );
    await writeAudit(ctx.em, ctx.viewer, {
      action: 'runJobNow',
      targetType: 'Job',
      targetId: def.name,
    });
    return { enqueued: true, userErrors: [] };
  }
}
