import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import { MaxLength, MinLength } from 'class-validator';
import type { GraphQLContext } from '../../graphql/context.js';
import { userError } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/relay.js';
import { AGENT_ROLES, Agent, type AgentRole } from '../agents/agent.entity.js';
import type { AgentSummary } from '../agents/agent-admin.service.js';
import { writeAudit, writeRefusalAudit } from '../audit/audit.service.js';
import { DEMO_LOGINS } from './demo-logins.js';
import { Role } from './viewer.js';
import type { Outcome } from '../../graphql/errors.js';
import { Payload, type PayloadCode } from '../../graphql/payload.js';

export enum RoleEnum {
  AGENT = 'AGENT',
  SUPERVISOR = 'SUPERVISOR',
  RISK_ADMIN = 'RISK_ADMIN',
}
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'A staff role: support agent (客服), supervisor (主管), risk admin.',
  valuesConfig: {
    AGENT: { description: 'Support agent (客服): reads customers and handles requests.' },
    SUPERVISOR: {
      description:
        'Supervisor (主管): an agent who also freezes, decides and reveals personal data.',
    },
    RISK_ADMIN: { description: 'Risk admin: policy, promotions, models and staff.' },
  },
});
void AGENT_ROLES;

@ObjectType('Agent', { description: 'A signed-in staff member.' })
export class AgentNode {
  @Field(() => ID, { description: 'Global id.' }) id!: string;
  @Field(() => String, { description: 'Sign-in name, unique.' }) username!: string;
  @Field(() => String, { description: 'Name shown in the dashboard.' }) displayName!: string;
  @Field(() => RoleEnum, { description: 'What the staff user may do.' }) role!: AgentRole;
  @Field(() => Boolean, { description: 'False once deactivated: the agent can no longer sign in.' })
  active!: boolean;
}

export function toAgentNode(
  a: Pick<Agent, 'id' | 'username' | 'displayName' | 'role' | 'active'>,
): AgentNode {
  return Object.assign(new AgentNode(), {
    id: toGlobalId('Agent', a.id),
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    active: a.active,
  });
}

@InputType({ description: 'The input of `createAgent`.' })
class CreateAgentInput {
  @Field(() => String, {
    description:
      'Sign-in name: 3 to 64 lowercase letters, digits, dots, dashes or underscores, starting with a letter or digit; unique.',
  })
  @MaxLength(64)
  username!: string;
  @Field(() => String, { description: 'Name shown in the dashboard.' })
  @MaxLength(100)
  displayName!: string;
  @Field(() => RoleEnum, { description: 'What the new staff user may do.' }) role!: AgentRole;
  @Field(() => String, {
    description: 'At least 12 characters; tell it to the person out of band.',
  })
  @MaxLength(256)
  password!: string;
}

@ObjectType({
  description: 'The staff user created or changed, or the userErrors saying why nothing changed.',
})
class AgentPayload extends Payload('Agent') {
  @Field(() => AgentNode, {
    description: 'The agent created or changed; null when there are userErrors.',
    nullable: true,
  })
  agent?: AgentNode | null;
}

@InputType({ description: 'The input of `changePassword`.' })
class ChangePasswordInput {
  @Field(() => String, { description: 'The password in use now.' })
  @MaxLength(256)
  currentPassword!: string;
  @Field(() => String, { description: 'At least 12 characters.' })
  @MaxLength(256)
  newPassword!: string;
}

@ObjectType({
  description:
    'The result of `changePassword`: what changed, or the userErrors saying why nothing did.',
})
class ChangePasswordPayload extends Payload('ChangePassword') {
  @Field(() => String, {
    nullable: true,
    description: 'A new token: every earlier session (this one included) has ended.',
  })
  token?: string | null;
}

@ObjectType({
  description: 'The result of `signOut`.',
})
class SignOutPayload {
  @Field(() => Boolean, { description: 'True: every session of this staff member has ended.' })
  signedOut!: boolean;
}

const agentPayload = (r: Outcome<AgentSummary, PayloadCode<'Agent'>>): AgentPayload =>
  r.ok ? { agent: toAgentNode(r.value), userErrors: [] } : { agent: null, userErrors: r.errors };

/** Only one signIn field may run per request (checked before execution: see graphql/limits.ts). */
export const SIGN_IN_FIELD = 'signIn';

@InputType({ description: 'The input of `signIn`.' })
class SignInInput {
  @Field(() => String, { description: 'Staff sign-in name.' })
  @MinLength(1, { message: 'Enter your username.' })
  @MaxLength(64)
  username!: string;
  @Field(() => String, { description: 'Staff password.' })
  @MinLength(1, { message: 'Enter your password.' })
  @MaxLength(256)
  password!: string;
}

@ObjectType({
  description: 'The result of `signIn`: what changed, or the userErrors saying why nothing did.',
})
class SignInPayload extends Payload('SignIn') {
  @Field(() => String, {
    nullable: true,
    description: 'A bearer token for `Authorization: Bearer …`, valid 8 hours.',
  })
  token?: string | null;
  @Field(() => AgentNode, {
    description: 'The agent created or changed; null when there are userErrors.',
    nullable: true,
  })
  agent?: AgentNode | null;
}

@ObjectType({
  description: 'A demo staff sign-in, listed only when the server runs with the demo population.',
})
class DemoLogin {
  @Field(() => String, { description: 'Sign-in name.' }) username!: string;
  @Field(() => String, { description: 'Password.' }) password!: string;
  @Field(() => RoleEnum, { description: 'The role it signs in as.' }) role!: AgentRole;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => SignInPayload, {
    description:
      'Sign a staff member in. One per request; after repeated failures the username and the address are locked out for a while (RATE_LIMITED with Retry-After), longer each time.',
  })
  async signIn(
    @Arg('input', () => SignInInput, { description: 'What to sign in.' }) input: SignInInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SignInPayload> {
    const username = input.username.trim();
    const address = ctx.clientAddress;
    const { abuse } = ctx.services;
    try {
      await abuse.signInAllowedOrThrow(username, address);
    } catch (e) {
      await writeRefusalAudit(ctx.em, ctx.viewer, {
        action: 'signInRefused',
        targetType: 'Agent',
        details: { username, address, reason: 'LOCKED_OUT' },
      });
      throw e;
    }
    const result = await ctx.services.auth.signIn(ctx.em, username, input.password);
    if (!result.ok) {
      const lockoutMs = await abuse.signInFailed(username, address);
      await writeRefusalAudit(ctx.em, ctx.viewer, {
        action: 'signInFailed',
        targetType: 'Agent',
        details: {
          username,
          address,
          reason: result.reason,
          ...(lockoutMs ? { lockoutSeconds: lockoutMs / 1000 } : {}),
        },
      });
      return {
        token: null,
        agent: null,
        userErrors: [userError('INVALID_CREDENTIALS', 'Wrong username or password.')],
      };
    }
    await abuse.signInSucceeded(username);
    await writeAudit(
      ctx.em,
      {
        kind: 'agent',
        id: result.agent.id,
        username: result.agent.username,
        role: result.agent.role,
      },
      { action: 'signIn', targetType: 'Agent', targetId: result.agent.id, details: { address } },
    );
    return { token: result.token, agent: toAgentNode(result.agent), userErrors: [] };
  }

  @Authorized(Role.AGENT)
  @Mutation(() => SignOutPayload, {
    description:
      'End every session of the signed-in staff member (all devices): their tokens are refused on every API process within seconds.',
  })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<SignOutPayload> {
    if (ctx.viewer.kind !== 'agent') return { signedOut: false };
    await ctx.em.transactional(async (tem) => {
      await ctx.services.auth.endSessions(tem, (ctx.viewer as { id: string }).id);
      await writeAudit(tem, ctx.viewer, {
        action: 'signOut',
        targetType: 'Agent',
        targetId: (ctx.viewer as { id: string }).id,
      });
    });
    return { signedOut: true };
  }

  @Authorized(Role.AGENT)
  @Mutation(() => ChangePasswordPayload, {
    description:
      "Change the signed-in staff member's password. Ends every session (all devices, every process) and returns a new token.",
  })
  async changePassword(
    @Arg('input', () => ChangePasswordInput, { description: 'What to change password.' })
    input: ChangePasswordInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ChangePasswordPayload> {
    const viewer = ctx.viewer as Extract<GraphQLContext['viewer'], { kind: 'agent' }>;
    // The current password is checked like a sign-in: same lockout, same audit.
    await ctx.services.abuse.signInAllowedOrThrow(viewer.username, ctx.clientAddress);
    const check = await ctx.services.auth.signIn(ctx.em, viewer.username, input.currentPassword);
    if (!check.ok) {
      await ctx.services.abuse.signInFailed(viewer.username, ctx.clientAddress);
      await writeRefusalAudit(ctx.em, viewer, {
        action: 'changePasswordFailed',
        targetType: 'Agent',
        targetId: viewer.id,
        details: { username: viewer.username, address: ctx.clientAddress, reason: check.reason },
      });
      return {
        token: null,
        userErrors: [
          userError('INVALID_CREDENTIALS', 'The current password is wrong.', 'currentPassword'),
        ],
      };
    }
    const changed = await ctx.services.agents.setPassword(
      ctx.em,
      viewer,
      viewer.username,
      input.newPassword,
    );
    if (!changed.ok) return { token: null, userErrors: changed.errors };
    const agent = await ctx.em.fork().findOneOrFail(Agent, { id: viewer.id });
    return { token: await ctx.services.auth.issueToken(agent), userErrors: [] };
  }

  @Authorized(Role.RISK_ADMIN)
  @Query(() => [AgentNode], { description: 'Every staff member (risk admin).' })
  async agents(@Ctx() ctx: GraphQLContext): Promise<AgentNode[]> {
    return (await ctx.services.agents.list(ctx.em)).map(toAgentNode);
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => AgentPayload, { description: 'Create a staff member (risk admin; audited).' })
  async createAgent(
    @Arg('input', () => CreateAgentInput, { description: 'What to create agent.' })
    input: CreateAgentInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AgentPayload> {
    return agentPayload(await ctx.services.agents.create(ctx.em, ctx.viewer, input));
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => AgentPayload, {
    description:
      'Deactivate (active: false) or reactivate a staff member (risk admin; audited). Deactivation ends their sessions within seconds.',
  })
  async setAgentActive(
    @Arg('username', () => String, { description: "The staff user's sign-in name." })
    username: string,
    @Arg('active', () => Boolean, {
      description: 'True to allow sign-in, false to block it (and end their sessions).',
    })
    active: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AgentPayload> {
    return agentPayload(await ctx.services.agents.setActive(ctx.em, ctx.viewer, username, active));
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => AgentPayload, {
    description:
      "Change a staff member's role (risk admin; audited). Their sessions end; they sign in again with the new role.",
  })
  async changeAgentRole(
    @Arg('username', () => String, { description: "The staff user's sign-in name." })
    username: string,
    @Arg('role', () => RoleEnum, { description: 'The new role.' }) role: AgentRole,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AgentPayload> {
    return agentPayload(await ctx.services.agents.setRole(ctx.em, ctx.viewer, username, role));
  }

  @Query(() => AgentNode, { nullable: true, description: 'The signed-in staff member, or null.' })
  async me(@Ctx() ctx: GraphQLContext): Promise<AgentNode | null> {
    if (ctx.viewer.kind !== 'agent') return null;
    const agent = await ctx.em.findOne(Agent, { id: ctx.viewer.id });
    return agent ? toAgentNode(agent) : null;
  }

  @Query(() => [DemoLogin], {
    description: 'Demo staff logins; an empty list outside development.',
  })
  demoLogins(@Ctx() ctx: GraphQLContext): DemoLogin[] {
    if (ctx.config.NODE_ENV !== 'development') return [];
    return DEMO_LOGINS.map(({ username, password, role }) =>
      Object.assign(new DemoLogin(), { username, password, role }),
    );
  }
}
