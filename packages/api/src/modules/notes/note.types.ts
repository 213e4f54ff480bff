import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { UserError } from '../../graphql/errors.js';

export enum NoteTagEnum {
  COMPLAINT = 'COMPLAINT',
  HARDSHIP = 'HARDSHIP',
  VIP = 'VIP',
}
registerEnumType(NoteTagEnum, {
  name: 'NoteTag',
  description: 'COMPLAINT, HARDSHIP (the customer is in financial difficulty) or VIP.',
});

@ObjectType('CustomerNote', { description: "An agent's note on a customer." })
export class CustomerNoteNode {
  @Field(() => ID) id!: string;
  @Field(() => String) body!: string;
  @Field(() => [NoteTagEnum]) tags!: string[];
  @Field(() => String, { nullable: true, description: 'Help-desk ticket, e.g. ZD-12345.' })
  ticketRef?: string | null;
  @Field(() => String, { description: "The writing agent's display name." }) author!: string;
  @Field(() => GraphQLDateTime) createdAt!: Date;
}

@InputType()
export class AddCustomerNoteInput {
  @Field(() => ID) customerId!: string;
  @Field(() => String) body!: string;
  @Field(() => [NoteTagEnum], { defaultValue: [] }) tags!: NoteTagEnum[];
  @Field(() => String, { nullable: true }) ticketRef?: string | null;
}

@ObjectType()
export class AddCustomerNotePayload {
  @Field(() => CustomerNoteNode, { nullable: true }) note?: CustomerNoteNode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
