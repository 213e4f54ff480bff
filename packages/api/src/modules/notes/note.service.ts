import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { NOTE_TAGS, type NoteTag } from './customer-note.entity.js';
import { pgArray } from '../decisions/pg-array.js';

export const NOTE_MAX_CHARS = 4000;

/**
 * Agents' notes on a customer, with tags (complaint, hardship, VIP) and an optional ticket
 * reference from the help desk. A note and its audit row commit together.
 */
export class NoteService {
  async add(
    em: EntityManager,
    viewer: Viewer,
    input: { customerId: string; body: string; tags: string[]; ticketRef?: string | null },
  ): Promise<
    Outcome<
      { noteId: string },
      | 'CUSTOMER_NOT_FOUND'
      | 'FORBIDDEN'
      | 'INVALID_TICKET_REF'
      | 'NOTE_BODY_REQUIRED'
      | 'NOTE_TOO_LONG'
      | 'UNKNOWN_NOTE_TAG'
    >
  > {
    if (viewer.kind !== 'agent') return fail('FORBIDDEN', 'Only staff can write notes.');
    const body = input.body.trim();
    if (!body) return fail('NOTE_BODY_REQUIRED', 'Write the note first.', 'body');
    if (body.length > NOTE_MAX_CHARS)
      return fail('NOTE_TOO_LONG', `A note is at most ${NOTE_MAX_CHARS} characters.`, 'body');
    const tags = [...new Set(input.tags)];
    const unknown = tags.find((t) => !(NOTE_TAGS as readonly string[]).includes(t));
    if (unknown) return fail('UNKNOWN_NOTE_TAG', `Tags are ${NOTE_TAGS.join(', ')}.`, 'tags');
    const ticketRef = input.ticketRef?.trim() || null;
    if (ticketRef && !/^[\w#./:-]{1,64}$/.test(ticketRef))
      return fail(
        'INVALID_TICKET_REF',
        'A ticket reference is 1 to 64 letters, digits or # . / : - _ (e.g. ZD-12345).',
        'ticketRef',
      );
    return em.transactional(async (tem) => {
      const [c] = await tem.execute<{ id: string }[]>(`select id from customers where id = ?`, [
        input.customerId,
      ]);
      if (!c) return fail('CUSTOMER_NOT_FOUND', 'There is no such customer.', 'customerId');
      const [row] = await tem.execute<{ id: string }[]>(
        `insert into customer_notes (customer_id, agent_id, body, tags, ticket_ref) values (?, ?, ?, ?::text[], ?) returning id`,
        [input.customerId, viewer.id, body, pgArray(tags as NoteTag[]), ticketRef],
      );
      const noteId = String(row!.id);
      await writeAudit(tem, viewer, {
        action: 'addCustomerNote',
        customerId: input.customerId,
        targetType: 'CustomerNote',
        targetId: noteId,
        details: { tags, ticketRef },
      });
      return ok({ noteId });
    });
  }
}
