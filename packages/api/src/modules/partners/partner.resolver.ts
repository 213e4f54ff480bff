import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { MaxLength } from 'class-validator';
import type { GraphQLContext } from '../../graphql/context.js';
import { type Outcome } from '../../graphql/errors.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import { groupByKey } from '../../graphql/loaders.js';
import { localIdOrError } from '../ledger/account-ref.js';
import { Role } from '../auth/viewer.js';
import type { PartnerApiKey, PartnerApp } from './partner-app.entity.js';
import type { IssuedKey } from './partner-keys.service.js';
import { PartnerApiKeyStatusEnum } from '../../graphql/enums.js';
import { Payload, payloadOf, type PayloadCode } from '../../graphql/payload.js';

@ObjectType('PartnerApiKey', {
  description: 'An API key of a partner app (the secret is shown only when the key is issued).',
})
export class PartnerApiKeyNode {
  @Field(() => String, { description: 'The public part of the key, before the dot.' })
  keyId!: string;
  @Field(() => [String], { description: 'What the key may do, e.g. limits:read, purchases:write.' })
  scopes!: string[];
  @Field(() => String, { description: 'A label to tell keys apart.', nullable: true }) label?:
    string | null;
  @Field(() => PartnerApiKeyStatusEnum, {
    description: 'LIVE, ROTATING (ends at expiresAt), EXPIRED or REVOKED.',
  })
  status!: string;
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
  @Field(() => GraphQLDateTime, { description: 'When it expires.', nullable: true })
  expiresAt?: Date | null;
  @Field(() => GraphQLDateTime, {
    description: 'When it was revoked; null unless revoked.',
    nullable: true,
  })
  revokedAt?: Date | null;
  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: 'Last request made with the key (to the minute).',
  })
  lastUsedAt?: Date | null;
}

function toKeyNode(k: PartnerApiKey): PartnerApiKeyNode {
  const now = new Date();
  const status = k.revokedAt
    ? 'REVOKED'
    : k.expiresAt && k.expiresAt <= now
      ? 'EXPIRED'
      : k.expiresAt
        ? 'ROTATING'
        : 'LIVE';
  return Object.assign(new PartnerApiKeyNode(), {
    keyId: k.keyId,
    scopes: k.scopes,
    label: k.label ?? null,
    status,
    createdAt: k.createdAt,
    expiresAt: k.expiresAt ?? null,
    revokedAt: k.revokedAt ?? null,
    lastUsedAt: k.lastUsedAt ?? null,
  });
}

@ObjectType('PartnerApp', {
  implements: Node,
  description: 'A partner app (checkout, wallet) and what it may do.',
})
export class PartnerAppNode extends Node {
  localId!: string;
  @Field(() => String, { description: 'Name of the partner app.' }) name!: string;
  @Field(() => [String], { description: "Upper bound of its keys' and links' scopes." })
  scopes!: string[];
  @Field(() => Boolean, { description: 'Whether its keys are accepted.' }) active!: boolean;
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
}

function toAppNode(a: PartnerApp): PartnerAppNode {
  return Object.assign(new PartnerAppNode(), {
    id: toGlobalId('PartnerApp', a.id),
    localId: a.id,
    name: a.name,
    scopes: a.scopes,
    active: a.active,
    createdAt: a.createdAt,
  });
}

@InputType({ description: 'The input of `createPartnerApp`.' })
class CreatePartnerAppInput {
  @Field(() => String, { description: 'Name of the partner app (2 to 100 characters).' })
  @MaxLength(100)
  name!: string;
  @Field(() => [String], {
    description: 'limits:read, quotes:read, purchases:write, repayments:write, accounts:apply',
  })
  scopes!: string[];
}

@InputType({ description: 'The input of `issuePartnerKey`.' })
class IssuePartnerKeyInput {
  @Field(() => ID, { description: 'Global id of the partner app.' }) partnerAppId!: string;
  @Field(() => [String], { nullable: true, description: "Fewer than the app's scopes, or all." })
  scopes?: string[] | null;
  @Field(() => String, { description: 'A label to tell keys apart.', nullable: true })
  @MaxLength(100)
  label?: string | null;
}

@InputType({ description: 'The input of `rotatePartnerKey`.' })
class RotatePartnerKeyInput {
  @Field(() => String, { description: "The key's public id." }) @MaxLength(64) keyId!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Hours the old key keeps working (default 24; 0 ends it now).',
  })
  graceHours?: number | null;
}

@InputType({ description: 'The input of `revokePartnerKey`.' })
class RevokePartnerKeyInput {
  @Field(() => String, { description: "The key's public id." }) @MaxLength(64) keyId!: string;
  @Field(() => String, { description: 'Why (required; kept in the audit log).', nullable: true })
  @MaxLength(500)
  reason?: string | null;
}

@ObjectType({
  description:
    'The API key issued, rotated or revoked, or the userErrors saying why nothing changed.',
})
class PartnerKeyPayload extends Payload('PartnerKey') {
  @Field(() => PartnerApiKeyNode, {
    description: 'The partner api key created or changed; null when there are userErrors.',
    nullable: true,
  })
  key?: PartnerApiKeyNode | null;
  @Field(() => String, {
    nullable: true,
    description: 'The X-Api-Key value (`keyId.secret`). Shown once: store it now.',
  })
  apiKey?: string | null;
}

@ObjectType({
  description:
    'The result of `createPartnerApp`: what changed, or the userErrors saying why nothing did.',
})
class CreatePartnerAppPayload extends Payload('CreatePartnerApp') {
  @Field(() => PartnerAppNode, {
    description: 'The partner app created or changed; null when there are userErrors.',
    nullable: true,
  })
  partnerApp?: PartnerAppNode | null;
  @Field(() => PartnerApiKeyNode, {
    description: 'The partner api key created or changed; null when there are userErrors.',
    nullable: true,
  })
  key?: PartnerApiKeyNode | null;
  @Field(() => String, {
    nullable: true,
    description: 'The X-Api-Key value (`keyId.secret`). Shown once: store it now.',
  })
  apiKey?: string | null;
}

const keyPayload = (r: Outcome<IssuedKey, PayloadCode<'PartnerKey'>>): Promise<PartnerKeyPayload> =>
  payloadOf(r, { key: null, apiKey: null }, (v) => ({ key: toKeyNode(v.key), apiKey: v.apiKey }));

/** Partner apps and keys, for risk admins (the jobs CLI does the same for operators). */
@Resolver(() => PartnerAppNode)
export class PartnerAppResolver {
  @Authorized(Role.RISK_ADMIN)
  @Query(() => [PartnerAppNode], { description: 'Every partner app.' })
  async partnerApps(@Ctx() ctx: GraphQLContext): Promise<PartnerAppNode[]> {
    return (await ctx.services.partnerKeys.apps(ctx.em)).map(toAppNode);
  }

  @Authorized(Role.RISK_ADMIN)
  @FieldResolver(() => [PartnerApiKeyNode], { description: 'Its keys, oldest first.' })
  async keys(@Root() app: PartnerAppNode, @Ctx() ctx: GraphQLContext) {
    const keys = await ctx.loaders
      .get<PartnerApiKey[]>('partnerKeys', (ids, em) =>
        groupByKey(ctx.services.partnerKeys.keysOf(em, ids), ids, (k) => k.partnerAppId),
      )
      .load(app.localId);
    return (keys ?? []).map(toKeyNode);
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => CreatePartnerAppPayload, {
    description: 'Register a partner app with its scopes and its first key (shown once).',
  })
  async createPartnerApp(
    @Arg('input', () => CreatePartnerAppInput, { description: 'What to create partner app.' })
    input: CreatePartnerAppInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreatePartnerAppPayload> {
    const r = await ctx.services.partnerKeys.createApp(ctx.em, ctx.viewer, input);
    return payloadOf(r, { partnerApp: null, key: null, apiKey: null }, (v) => ({
      partnerApp: toAppNode(v.app),
      key: toKeyNode(v.key),
      apiKey: v.apiKey,
    }));
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => PartnerKeyPayload, {
    description: 'Another key for an app (several may be live), optionally with fewer scopes.',
  })
  async issuePartnerKey(
    @Arg('input', () => IssuePartnerKeyInput, { description: 'What to issue partner key.' })
    input: IssuePartnerKeyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnerKeyPayload> {
    const id = localIdOrError(input.partnerAppId, 'PartnerApp', 'partnerAppId');
    if (!id.ok) return keyPayload(id);
    return keyPayload(
      await ctx.services.partnerKeys.issueKey(ctx.em, ctx.viewer, {
        partnerAppId: id.value,
        scopes: input.scopes,
        label: input.label,
      }),
    );
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => PartnerKeyPayload, {
    description:
      'Replace a key: a new key with the same scopes; the old one works until the grace period ends.',
  })
  async rotatePartnerKey(
    @Arg('input', () => RotatePartnerKeyInput, { description: 'What to rotate partner key.' })
    input: RotatePartnerKeyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnerKeyPayload> {
    return keyPayload(await ctx.services.partnerKeys.rotateKey(ctx.em, ctx.viewer, input));
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => PartnerKeyPayload, {
    description: 'End a key now (every API process refuses it within seconds).',
  })
  async revokePartnerKey(
    @Arg('input', () => RevokePartnerKeyInput, { description: 'What to revoke partner key.' })
    input: RevokePartnerKeyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnerKeyPayload> {
    const r = await ctx.services.partnerKeys.revokeKey(ctx.em, ctx.viewer, input);
    return payloadOf(r, { key: null, apiKey: null }, (k) => ({ key: toKeyNode(k), apiKey: null }));
  }
}
