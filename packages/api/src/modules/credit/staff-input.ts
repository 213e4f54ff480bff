import { fail } from '../../graphql/errors.js';

/**
 * A reason (and an outgoing reference) of only spaces is no reason: refused before anything is
 * locked (the schema only asks for one character).
 */
export function blankStaffInput(input: { reason?: string; reference?: string; channel?: string }) {
  if (input.reason !== undefined && !input.reason.trim())
    return fail('REASON_REQUIRED', 'Give a reason.', 'reason');
  if (input.reference !== undefined && !input.reference.trim())
    return fail('REFERENCE_REQUIRED', 'Give the payment reference.', 'reference');
  if (input.channel !== undefined && !input.channel.trim())
    return fail('REFERENCE_REQUIRED', 'Name the channel the money came through.', 'channel');
  return null;
}
