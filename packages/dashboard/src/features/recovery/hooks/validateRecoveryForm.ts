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
  /** INCREASE: the limit asked for, as typed (yuan). */
  requestedLimit?: string;
  /** The account's base limit now (fen), when known: an increase must go above it. */
  currentLimitFen?: number;
}

/** The policy's cap on a base limit (yuan); the API checks it again. */
export const LIMIT_CAP_YUAN = 50_000;

/** A validation problem as an i18n key (under `recovery.validation`) and its parameters. */
export interface FormProblem {
  key: string;
  params?: Record<string, string | number>;
}
export interface RecoveryFormErrors {
  type?: FormProblem;
  requestedLimit?: FormProblem;
  reason?: FormProblem;
  documents: FormProblem[];
}

/** Check the form before sending; the API checks again, this only spares a round trip. */
export function validateRecoveryForm(values: RecoveryFormValues): RecoveryFormErrors {
  const errors: RecoveryFormErrors = { documents: [] };
  if (!values.type || !RECOVERY_TYPES.includes(values.type)) errors.type = { key: 'type' };
  if (values.type === 'INCREASE') {
    const raw = (values.requestedLimit ?? '').replace(/[,，\s¥]/g, '');
    const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(raw);
    if (!raw) errors.requestedLimit = { key: 'requestedRequired' };
    else if (!m) errors.requestedLimit = { key: 'requestedInvalid' };
    else {
      const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0') || 0);
      if (fen > LIMIT_CAP_YUAN * 100)
        errors.requestedLimit = { key: 'requestedAboveCap', params: { cap: LIMIT_CAP_YUAN } };
      else if (values.currentLimitFen != null && fen <= values.currentLimitFen)
        errors.requestedLimit = { key: 'requestedNotHigher' };
    }
  }
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
  return !!errors.type || !!errors.requestedLimit || !!errors.reason || errors.documents.length > 0;
}
