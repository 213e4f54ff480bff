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
registerEnumType(SinkChannelEnum, {
  name: 'SinkChannel',
  description: 'A channel of the development message sink.',
  valuesConfig: {
    EMAIL: { description: 'Email.' },
    SMS: { description: 'Text message.' },
  },
});

@ObjectType('SinkMessage', {
  description:
    'An email or SMS kept by the development sink instead of being sent (development only).',
})
export class SinkMessageNode {
  @Field(() => String, { description: "The message's id in the development mail and SMS sink." })
  id!: string;
  @Field(() => SinkChannelEnum, { description: 'SMS or email.' }) channel!: SinkChannelEnum;
  @Field(() => String, { description: 'Recipient: a phone number or an email address.' })
  to!: string;
  @Field(() => String, { description: 'Subject line (email only).', nullable: true }) subject?:
    string | null;
  @Field(() => String, { description: 'The message body.' }) text!: string;
  @Field(() => String, { nullable: true, description: 'The notice it delivered (local id).' })
  noticeId?: string | null;
  @Field(() => GraphQLDateTime, { description: 'When the sink received it.' }) receivedAt!: Date;
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
    @Arg('channel', () => SinkChannelEnum, { description: 'SMS or email.' })
    channel: SinkChannelEnum,
    @Arg('to', () => String, {
      description: 'Only messages to this phone number or address; all when omitted.',
      nullable: true,
    })
    to?: string | null,
    @Arg('first', () => Int, {
      description: 'How many items to return: 1 to 100.',
      defaultValue: 20,
    })
    first = 20,
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
