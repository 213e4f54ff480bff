import { Field, ObjectType, Authorized } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Node } from '../../graphql/relay.js';
import { Role } from '../auth/viewer.js';
import { IncomeBandEnum } from '../../graphql/enums.js';

/**
 * The GraphQL view of a customer. Personal data (name, masked phone and ID) is for staff only:
 * partner apps see the account, never the person. Full values come only from
 * `revealCustomerPii` (supervisors, audited).
 */
@ObjectType('Customer', { implements: Node, description: 'A person with a credit line.' })
export class CustomerNode extends Node {
  /** Local database id (not exposed; `id` is the global id). */
  localId!: string;
  @Authorized(Role.AGENT) @Field(() => String, { description: 'Full name.' }) name!: string;
  @Authorized(Role.AGENT)
  @Field(() => String, { description: 'Phone masked as 138****5678.' })
  maskedPhone!: string;
  @Authorized(Role.AGENT)
  @Field(() => String, { description: 'National ID masked: region prefix and last four.' })
  maskedNationalId!: string;
  @Field(() => Boolean, { description: 'Real-name verification passed.' })
  realNameVerified!: boolean;
  @Field(() => Boolean, { description: 'Whether a phone number is bound.' }) phoneBound!: boolean;
  @Field(() => Boolean, { description: 'Whether a bank card is bound.' }) bankCardBound!: boolean;
  @Authorized(Role.AGENT)
  @Field(() => IncomeBandEnum, { description: 'LOW, MID, HIGH or VERY_HIGH.' })
  incomeBand!: string;
  @Field(() => GraphQLDateTime, { description: 'When the customer registered.' })
  registeredAt!: Date;
}
