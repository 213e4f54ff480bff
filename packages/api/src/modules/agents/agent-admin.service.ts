import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Viewer } from '../auth/viewer.js';
import { AGENT_ROLES, Agent, type AgentRole } from './agent.entity.js';
import { hashPassword } from './passwords.js';

/** What a list of staff shows (never the password hash). */
export interface AgentSummary {
  id: string;
  username: string;
  displayName: string;
  role: AgentRole;
  active: boolean;
  demo: boolean;
  createdAt: Date;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const MIN_PASSWORD_LENGTH = 12;

const summary = (a: Agent): AgentSummary => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  active: a.active,
  demo: a.demo,
  createdAt: a.createdAt,
});

/**
 * Staff accounts, managed by a risk admin (GraphQL) or an operator (CLI): create, deactivate,
 * reactivate, change role, set password. Every change is audited with its actor, and every
 * change that alters what a session may do raises the agent's session version, so tokens issued
 * before stop working on every process within seconds (AuthService.staffSession).
 */
export class AgentAdminService {
  /** Added to every audit row's details, e.g. `{ via: 'cli', osUser }` for the command line. */
  constructor(private readonly origin: Record<string, unknown> = {}) {}

  async list(em: EntityManager): Promise<AgentSummary[]> {
    return (await em.find(Agent, {}, { orderBy: { id: 'asc' } })).map(summary);
  }

  async create(
    em: EntityManager,
    actor: Viewer,
    input: { username: string; displayName: string; role: string; password: string },
  ): Promise<
    Outcome<AgentSummary, 'INVALID_ROLE' | 'INVALID_USERNAME' | 'USERNAME_TAKEN' | 'WEAK_PASSWORD'>
  > {
    const username = input.username.trim().toLowerCase();
    if (!USERNAME.test(username))
      return fail(
        'INVALID_USERNAME',
        'A username is 3 to 64 of a-z, 0-9, dot, dash or underscore, starting with a letter or digit.',
        'username',
      );
    const role = roleOrUndefined(input.role);
    if (!role)
      return fail('INVALID_ROLE', `Role must be one of ${AGENT_ROLES.join(', ')}.`, 'role');
    if (input.password.length < MIN_PASSWORD_LENGTH)
      return fail(
        'WEAK_PASSWORD',
        `A password has at least ${MIN_PASSWORD_LENGTH} characters.`,
        'password',
      );
    const displayName = input.displayName.trim() || username;
    const passwordHash = await hashPassword(input.password);
    return em.transactional(async (tem) => {
      const rows = await tem.execute<{ id: string }[]>(
        `insert into agents (username, display_name, role, password_hash) values (?, ?, ?, ?)
         on conflict (username) do nothing returning id::text as id`,
        [username, displayName, role, passwordHash],
      );
      if (!rows[0]) return fail('USERNAME_TAKEN', `The username ${username} is taken.`, 'username');
      await writeAudit(tem, actor, {
        action: 'createAgent',
        targetType: 'Agent',
        targetId: rows[0].id,
        details: { username, role, ...this.origin },
      });
      const agent = await tem.findOneOrFail(Agent, { id: rows[0].id });
      return ok(summary(agent));
    });
  }

  /** Deactivate (active = false) or reactivate; deactivation ends every session. */
  setActive(
    em: EntityManager,
    actor: Viewer,
    username: string,
    active: boolean,
  ): Promise<Outcome<AgentSummary, 'AGENT_NOT_FOUND' | 'NOT_ALLOWED'>> {
    return this.change(em, actor, username, active ? 'reactivateAgent' : 'deactivateAgent', (a) => {
      if (actor.kind === 'agent' && actor.id === a.id && !active)
        return 'You cannot deactivate yourself; ask another admin.';
      const before = a.active;
      a.active = active;
      return { active: { before, after: active } };
    });
  }

  setRole(
    em: EntityManager,
    actor: Viewer,
    username: string,
    role: string,
  ): Promise<Outcome<AgentSummary, 'AGENT_NOT_FOUND' | 'INVALID_ROLE' | 'NOT_ALLOWED'>> {
    const r = roleOrUndefined(role);
    if (!r)
      return Promise.resolve(
        fail('INVALID_ROLE', `Role must be one of ${AGENT_ROLES.join(', ')}.`, 'role'),
      );
    return this.change(em, actor, username, 'changeAgentRole', (a) => {
      const before = a.role;
      a.role = r;
      return { role: { before, after: r } };
    });
  }

  async setPassword(
    em: EntityManager,
    actor: Viewer,
    username: string,
    password: string,
  ): Promise<Outcome<AgentSummary, 'AGENT_NOT_FOUND' | 'NOT_ALLOWED' | 'WEAK_PASSWORD'>> {
    if (password.length < MIN_PASSWORD_LENGTH)
      return fail(
        'WEAK_PASSWORD',
        `A password has at least ${MIN_PASSWORD_LENGTH} characters.`,
        'password',
      );
    const hash = await hashPassword(password);
    return this.change(em, actor, username, 'setAgentPassword', (a) => {
      a.passwordHash = hash;
      // A new password makes the row an ordinary login, also if it was a demo one.
      a.demo = false;
      return {};
    });
  }

  /** Lock the row, apply the change, raise the session version, audit: one transaction. */
  private change(
    em: EntityManager,
    actor: Viewer,
    username: string,
    action: string,
    apply: (a: Agent) => Record<string, unknown> | string,
  ): Promise<Outcome<AgentSummary, 'AGENT_NOT_FOUND' | 'NOT_ALLOWED'>> {
    return em.transactional(async (tem) => {
      const agent = await tem.findOne(
        Agent,
        { username: username.trim().toLowerCase() },
        { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['passwordHash'] },
      );
      if (!agent) return fail('AGENT_NOT_FOUND', `No staff member is called ${username}.`);
      const details = apply(agent);
      if (typeof details === 'string') return fail('NOT_ALLOWED', details);
      agent.sessionVersion += 1;
      await tem.flush();
      await writeAudit(tem, actor, {
        action,
        targetType: 'Agent',
        targetId: agent.id,
        details: { username: agent.username, ...details, ...this.origin },
      });
      return ok(summary(agent));
    });
  }
}

function roleOrUndefined(role: string): AgentRole | undefined {
  const r = role.trim().toUpperCase();
  return (AGENT_ROLES as readonly string[]).includes(r) ? (r as AgentRole) : undefined;
}
