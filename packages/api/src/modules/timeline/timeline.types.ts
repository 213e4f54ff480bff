import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Money } from '../../graphql/money.js';
import { Connection } from '../../graphql/relay.js';
import { Locale } from '../decisions/decision.types.js';
import { NoteTagEnum } from '../notes/note.types.js';

export enum TimelineKindEnum {
  DECISION = 'DECISION',
  PURCHASE = 'PURCHASE',
  REPAYMENT = 'REPAYMENT',
  NOTICE = 'NOTICE',
  RECOVERY = 'RECOVERY',
  NOTE = 'NOTE',
}
registerEnumType(TimelineKindEnum, {
  name: 'TimelineKind',
  description:
    'DECISION (limit decision), PURCHASE, REPAYMENT, NOTICE (to the customer), RECOVERY (a step of a recovery request) or NOTE (an agent note).',
  valuesConfig: {
    DECISION: { description: 'A limit decision.' },
    PURCHASE: { description: 'A purchase.' },
    REPAYMENT: { description: 'A repayment.' },
    NOTICE: { description: 'A notice to the customer.' },
    RECOVERY: { description: 'A step of a recovery request.' },
    NOTE: { description: "An agent's note." },
  },
});

@ObjectType('TimelineEntry', {
  description:
    "One event in a customer's history, already in words in the requested locale (title and text).",
})
export class TimelineEntryNode {
  @Field(() => ID, { description: 'Stable within the timeline (kind and row).' }) id!: string;
  @Field(() => TimelineKindEnum, { description: 'What kind of event.' }) kind!: string;
  @Field(() => GraphQLDateTime, { description: 'When it happened.' }) at!: Date;
  @Field(() => String, { description: 'What happened, in a few words.' }) title!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The words of the event: a decision's explanation, a notice's text, a request's reason, a note.",
  })
  text?: string | null;
  @Field(() => Money, {
    nullable: true,
    description: 'Purchase or repayment amount; the limit after a decision.',
  })
  amount?: Money | null;
  @Field(() => String, {
    nullable: true,
    description: "The staff member's display name; null for the system or the customer.",
  })
  actorName?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'For a purchase: the merchant as the partner named it (data, not translated); null otherwise.',
  })
  merchant?: string | null;
  @Field(() => [NoteTagEnum], { description: "A note's tags; empty for other entries." })
  tags!: string[];
  @Field(() => String, {
    nullable: true,
    description: "A note's help-desk ticket reference, when the agent gave one.",
  })
  ticketRef?: string | null;
  @Field(() => ID, { nullable: true, description: 'The LimitDecision, for DECISION entries.' })
  decisionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The RecoveryRequest, for RECOVERY entries.' })
  recoveryRequestId?: string | null;
}

export const TimelineConnection = Connection(TimelineEntryNode, 'TimelineEntry');

@ArgsType()
export class TimelineArgs {
  @Field(() => Int, { description: 'How many entries (1 to 100).' }) first!: number;
  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the last entry already read; omit for the first page.',
  })
  after?: string | null;
  @Field(() => Locale, { description: 'The language of titles and texts.' }) locale!: Locale;
  @Field(() => [TimelineKindEnum], {
    nullable: true,
    description: 'Only these kinds (all when omitted).',
  })
  kinds?: TimelineKindEnum[] | null;
}
