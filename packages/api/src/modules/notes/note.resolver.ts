import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/relay.js';
import { Role } from '../auth/viewer.js';
import { localIdOrError } from '../ledger/account-ref.js';
import { AddCustomerNoteInput, AddCustomerNotePayload, CustomerNoteNode } from './note.types.js';

@Resolver()
export class NoteResolver {
  @Authorized(Role.AGENT)
  @Mutation(() => AddCustomerNotePayload, {
    description:
      "Add a note to a customer's history (tags, optional ticket reference); audited. Notes appear in Customer.timeline.",
  })
  async addCustomerNote(
    @Arg('input', () => AddCustomerNoteInput, { description: 'The note.' })
    input: AddCustomerNoteInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AddCustomerNotePayload> {
    const customer = localIdOrError(input.customerId, 'Customer', 'customerId');
    if (!customer.ok) return { note: null, userErrors: customer.errors };
    const r = await ctx.services.notes.add(ctx.em, ctx.viewer, {
      customerId: customer.value,
      body: input.body,
      tags: input.tags ?? [],
      ticketRef: input.ticketRef,
    });
    if (!r.ok) return { note: null, userErrors: r.errors };
    const [row] = await ctx.em.fork().execute<
      {
        id: string;
        body: string;
        tags: string[];
        ticket_ref: string | null;
        created_at: Date;
        author: string;
      }[]
    >(
      `select n.id, n.body, n.tags, n.ticket_ref, n.created_at, g.display_name as author
         from customer_notes n join agents g on g.id = n.agent_id where n.id = ?`,
      [r.value.noteId],
    );
    return {
      note: Object.assign(new CustomerNoteNode(), {
        id: toGlobalId('CustomerNote', row!.id),
        body: row!.body,
        tags: row!.tags,
        ticketRef: row!.ticket_ref,
        author: row!.author,
        createdAt: new Date(row!.created_at),
      }),
      userErrors: [],
    };
  }
}
