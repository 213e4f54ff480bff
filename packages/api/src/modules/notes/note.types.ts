import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Payload } from '../../graphql/payload.js';

export enum NoteTagEnum {
  COMPLAINT = 'COMPLAINT',
  HARDSHIP = 'HARDSHIP',
  VIP = 'VIP',
}
registerEnumType(NoteTagEnum, {
  name: 'NoteTag',
  description: 'COMPLAINT, HARDSHIP (the customer is in financial difficulty) or VIP.',
  valuesConfig: {
    COMPLAINT: { description: 'The customer complained.' },
    HARDSHIP: { description: 'The customer is in financial difficulty.' },
    VIP: { description: 'A customer to be looked after with priority.' },
  },
});

@ObjectType('CustomerNote', { description: "An agent's note on a customer." })
export class CustomerNoteNode {
  @Field(() => ID, { description: 'The note (Relay id).' }) id!: string;
  @Field(() => String, { description: 'What the agent wrote (staff only).' }) body!: string;
  @Field(() => [NoteTagEnum], { description: 'Tags for finding the note again.' }) tags!: string[];
  @Field(() => String, { nullable: true, description: 'Help-desk ticket, e.g. ZD-12345.' })
  ticketRef?: string | null;
  @Field(() => String, { description: "The writing agent's display name." }) author!: string;
  @Field(() => GraphQLDateTime, { description: 'When it was written.' }) createdAt!: Date;
}

@InputType({ description: 'A note on a customer, by the signed-in agent.' })
export class AddCustomerNoteInput {
  @Field(() => ID, { description: 'The customer (Relay id).' }) customerId!: string;
  @Field(() => String, { description: 'The note, 1 to 4000 characters.' }) body!: string;
  @Field(() => [NoteTagEnum], { defaultValue: [], description: 'Tags (none by default).' })
  tags!: NoteTagEnum[];
  @Field(() => String, {
    nullable: true,
    description: 'A help-desk ticket reference, e.g. ZD-12345 (letters, digits, # . / : - _).',
  })
  ticketRef?: string | null;
}

@ObjectType({ description: 'The note added, or why not.' })
export class AddCustomerNotePayload extends Payload('AddCustomerNote') {
  @Field(() => CustomerNoteNode, { nullable: true, description: 'The new note.' })
  note?: CustomerNoteNode | null;
}
