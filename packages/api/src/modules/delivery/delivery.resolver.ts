import {
  Arg,
  Authorized,
  Ctx,
  Field,
  Int,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { GraphQLContext } from '../../graphql/context.js';
import { forbidden } from '../../graphql/errors.js';
import { Role } from '../auth/viewer.js';
import { listSinkMessages } from './sinks.js';

export enum SinkChannelEnum {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
}
registerEnumType(SinkChannelEnum, { name: 'SinkChannel' });

@ObjectType('SinkMessage', {
  description:
    'An email or SMS kept by the development sink instead of being sent (development only).',
})
export class SinkMessageNode {
  @Field(() => String) id!: string;
  @Field(() => SinkChannelEnum) channel!: SinkChannelEnum;
  @Field(() => String, { description: 'Recipient: a phone number or an email address.' })
  to!: string;
  @Field(() => String, { nullable: true }) subject?: string | null;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true, description: 'The notice it delivered (local id).' })
  noticeId?: string | null;
  @Field(() => GraphQLDateTime) receivedAt!: Date;
}

@Resolver()
export class DeliveryResolver {
  @Authorized(Role.AGENT)
  @Query(() => [SinkMessageNode], {
    description:
      'Development only (staff): messages the local SMTP and SMS sinks received, newest first; `to` narrows to one phone or address (e.g. the latest one-time code sent to a phone: first: 1). In production there is no sink and this answers FORBIDDEN.',
  })
  sinkMessages(
    @Ctx() ctx: GraphQLContext,
    @Arg('channel', () => SinkChannelEnum) channel: SinkChannelEnum,
    @Arg('to', () => String, { nullable: true }) to?: string | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
  ): SinkMessageNode[] {
    if (ctx.config.NODE_ENV === 'production')
      throw forbidden(
        'There are no development sinks in production: messages go to the configured SMTP server and SMS gateway.',
      );
    return listSinkMessages(ctx.config.DATA_DIR, channel, {
      to,
      first: Math.min(Math.max(first, 1), 100),
    }).map((m) =>
      Object.assign(new SinkMessageNode(), {
        id: m.id,
        channel: m.channel as SinkChannelEnum,
        to: m.to,
        subject: m.subject ?? null,
        text: m.text,
        noticeId: m.noticeId ?? null,
        receivedAt: new Date(m.receivedAt),
      }),
    );
  }
}
