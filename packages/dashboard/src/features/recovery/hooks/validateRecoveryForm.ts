export const RECOVERY_TYPES = ['UNFREEZE', 'RESTORE_REDUCTION', 'INCREASE'] as const;
export type RecoveryTypeValue = (typeof RECOVERY_TYPES)[number];
export const DOCUMENT_KINDS = [
  'INCOME_PROOF',
  'BANK_STATEMENT',
  'REPAYMENT_PROOF',
  'ID_DOCUMENT',
  'OTHER',
] as const;
export const ACCEPTED_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS = 5;
export const REASON_MIN = 10;
export const REASON_MAX = 1000;

export interface RecoveryDocumentDraft {
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}
export interface RecoveryFormValues {
  type: RecoveryTypeValue | null;
  reason: string;
  documents: RecoveryDocumentDraft[];
}

/** A validation problem as an i18n key (under `recovery.validation`) and its parameters. */
export interface FormProblem {
  key: string;
  params?: Record<string, string | number>;
}
export interface RecoveryFormErrors {
  type?: FormProblem;
  reason?: FormProblem;
  documents: FormProblem[];
}

/** Check the form before sending; the API checks again, this only spares a round trip. */
export function validateRecoveryForm(values: RecoveryFormValues): RecoveryFormErrors {
  const errors: RecoveryFormErrors = { documents: [] };
  if (!values.type || !RECOVERY_TYPES.includes(values.type)) errors.type = { key: 'type' };
  const reason = values.reason.trim();
  if ([...reason].length < REASON_MIN) errors.reason = { key: 'reasonShort' };
  else if ([...reason].length > REASON_MAX) errors.reason = { key: 'reasonLong' };
  if (values.documents.length > MAX_DOCUMENTS) errors.documents.push({ key: 'tooMany' });
  for (const d of values.documents) {
    if (!ACCEPTED_CONTENT_TYPES.includes(d.contentType))
      errors.documents.push({ key: 'fileType', params: { name: d.fileName } });
    else if (d.sizeBytes === 0)
      errors.documents.push({ key: 'fileEmpty', params: { name: d.fileName } });
    else if (d.sizeBytes > MAX_DOCUMENT_BYTES)
      errors.documents.push({ key: 'fileSize', params: { name: d.fileName } });
  }
  return errors;
}

export function hasErrors(errors: RecoveryFormErrors): boolean {
  return !!errors.type || !!errors.reason || errors.documents.length > 0;
}
