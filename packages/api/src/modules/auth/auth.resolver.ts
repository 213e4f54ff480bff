import {
  Arg,
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
import { UserError, userError } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/relay.js';
import { AGENT_ROLES, Agent, type AgentRole } from '../agents/agent.entity.js';
import { writeAudit } from '../audit/audit.service.js';
import { DEMO_LOGINS } from './demo-logins.js';

export enum RoleEnum {
  AGENT = 'AGENT',
  SUPERVISOR = 'SUPERVISOR',
  RISK_ADMIN = 'RISK_ADMIN',
}
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'A staff role: support agent (客服), supervisor (主管), risk admin.',
});
void AGENT_ROLES;

@ObjectType('Agent', { description: 'A signed-in staff member.' })
export class AgentNode {
  @Field(() => ID) id!: string;
  @Field(() => String) username!: string;
  @Field(() => String) displayName!: string;
  @Field(() => RoleEnum) role!: AgentRole;
}

export function toAgentNode(a: Pick<Agent, 'id' | 'username' | 'displayName' | 'role'>): AgentNode {
  return Object.assign(new AgentNode(), {
    id: toGlobalId('Agent', a.id),
    username: a.username,
    displayName: a.displayName,
    role: a.role,
  });
}

@InputType()
class SignInInput {
  @Field(() => String)
  @MinLength(1, { message: 'Enter your username.' })
  @MaxLength(64)
  username!: string;
  @Field(() => String)
  @MinLength(1, { message: 'Enter your password.' })
  @MaxLength(256)
  password!: string;
}

@ObjectType()
class SignInPayload {
  @Field(() => String, {
    nullable: true,
    description: 'A bearer token for `Authorization: Bearer …`, valid 8 hours.',
  })
  token?: string | null;
  @Field(() => AgentNode, { nullable: true }) agent?: AgentNode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
class DemoLogin {
  @Field(() => String) username!: string;
  @Field(() => String) password!: string;
  @Field(() => RoleEnum) role!: AgentRole;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => SignInPayload, { description: 'Sign a staff member in.' })
  async signIn(
    @Arg('input', () => SignInInput) input: SignInInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SignInPayload> {
    const result = await ctx.services.auth.signIn(ctx.em, input.username.trim(), input.password);
    if (!result)
      return {
        token: null,
        agent: null,
        userErrors: [userError('INVALID_CREDENTIALS', 'Wrong username or password.')],
      };
    await writeAudit(
      ctx.em,
      {
        kind: 'agent',
        id: result.agent.id,
        username: result.agent.username,
        role: result.agent.role,
      },
      { action: 'signIn', targetType: 'Agent', targetId: result.agent.id },
    );
    return { token: result.token, agent: toAgentNode(result.agent), userErrors: [] };
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
