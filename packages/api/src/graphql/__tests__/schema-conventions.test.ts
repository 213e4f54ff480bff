import 'reflect-metadata';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { USER_ERROR_CODE_DESCRIPTIONS } from '../errors.js';
import { PAYLOAD_ERROR_CODES, type PayloadName } from '../payload.js';
import { createSchema } from '../schema.js';

/** Payloads that carry no userErrors: the mutation cannot refuse its input. */
const PAYLOADS_WITHOUT_USER_ERRORS = new Set(['SignOutPayload']);

/**
 * The only nullable arguments without a default: null has a meaning, written in the argument's
 * description (which must say what omitting it does).
 */
const NULL_MEANS: Record<string, string> = {
  after: 'from the first page (a cursor argument of every connection)',
  'CreditAccount.purchases(status)': 'every status',
  'Customer.timeline(kinds)': 'every kind',
  'Query.jobRuns(job)': 'every job',
  'Query.promotions(status)': 'every status',
  'Query.quoteInstallments(accountId)': 'no account: customerId or a middle grade',
  'Query.quoteInstallments(customerId)': 'no customer: accountId or a middle grade',
  'Query.quoteInstallments(couponCode)': 'no coupon',
  'Query.recoveryQueue(type)': 'every type',
  'Query.sinkMessages(to)': 'every recipient',
  'Query.webhookDeliveries(endpointId)': 'every endpoint',
  'Query.webhookDeliveries(status)': 'every status',
  'Query.webhookEndpoints(partnerAppId)': "every app's (staff)",
};

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

describe('mutation payloads: userErrors with a code enum of their own', () => {
  it('every mutation answers a payload whose userErrors list its own described error type', () => {
    const seen = new Set<string>();
    for (const mutation of Object.values(schema.getMutationType()!.getFields())) {
      const payload = getNamedType(mutation.type);
      expect(isObjectType(payload), mutation.name).toBe(true);
      if (!isObjectType(payload)) continue;
      expect(payload.name, mutation.name).toMatch(/Payload$/);
      const userErrors = payload.getFields().userErrors;
      if (PAYLOADS_WITHOUT_USER_ERRORS.has(payload.name)) {
        expect(userErrors, payload.name).toBeUndefined();
        continue;
      }
      expect(userErrors, `${payload.name}.userErrors`).toBeDefined();
      const name = payload.name.replace(/Payload$/, '') as PayloadName;
      seen.add(name);
      // [XUserError!]!
      expect(String(userErrors!.type), payload.name).toBe(`[${name}UserError!]!`);
      expect(userErrors!.description).toBeTruthy();

      const errorType = schema.getType(`${name}UserError`);
      expect(isObjectType(errorType), `${name}UserError`).toBe(true);
      if (!isObjectType(errorType)) continue;
      expect(errorType.description).toBeTruthy();
      expect(errorType.getInterfaces().map((i) => i.name)).toEqual(['UserError']);
      const fields = errorType.getFields();
      expect(Object.keys(fields).sort()).toEqual(['code', 'field', 'message']);
      expect(String(fields.code!.type)).toBe(`${name}ErrorCode!`);
      for (const f of Object.values(fields)) expect(f.description, f.name).toBeTruthy();

      const codeEnum = getNamedType(fields.code!.type);
      expect(isEnumType(codeEnum)).toBe(true);
      if (!isEnumType(codeEnum)) continue;
      expect(codeEnum.description).toBeTruthy();
      const values = codeEnum.getValues();
      expect(values.map((v) => v.name).sort()).toEqual([...PAYLOAD_ERROR_CODES[name]].sort());
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) {
        expect(v.value, v.name).toBe(v.name);
        expect(v.description, `${codeEnum.name}.${v.name}`).toBe(
          USER_ERROR_CODE_DESCRIPTIONS[v.name as keyof typeof USER_ERROR_CODE_DESCRIPTIONS],
        );
      }
    }
    // No payload in the table that no mutation answers (a stale row).
    expect([...seen].sort()).toEqual(Object.keys(PAYLOAD_ERROR_CODES).sort());
  });

  it('the UserError interface carries field and message, described, and nothing else', () => {
    const iface = schema.getType('UserError');
    expect(isInterfaceType(iface)).toBe(true);
    if (!isInterfaceType(iface)) return;
    expect(iface.description).toBeTruthy();
    expect(Object.keys(iface.getFields()).sort()).toEqual(['field', 'message']);
    expect(String(iface.getFields().field!.type)).toBe('[String!]');
    expect(schema.getImplementations(iface).objects).toHaveLength(
      Object.keys(PAYLOAD_ERROR_CODES).length,
    );
    // The one API-wide enum is gone: each payload has its own.
    expect(schema.getType('UserErrorCode')).toBeUndefined();
  });

  it('a decline code is an enum, not a string', () => {
    for (const [type, field] of [
      ['Purchase', 'declineCode'],
      ['AuthorizePurchasePayload', 'declineCode'],
    ] as const) {
      const t = schema.getType(type);
      if (!isObjectType(t)) throw new Error(`${type} is not an object type`);
      expect(String(t.getFields()[field]!.type), `${type}.${field}`).toBe('DeclineCode');
    }
  });
});

describe('argument nullability says the truth', () => {
  it('every nullable argument has a default, or null has a documented meaning', () => {
    const offenders: string[] = [];
    const used = new Set<string>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) {
          if (isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
          const key = `${type.name}.${field.name}(${arg.name})`;
          const allowed = key in NULL_MEANS ? key : arg.name === 'after' ? 'after' : null;
          if (!allowed) {
            offenders.push(`${key}: nullable without a default`);
            continue;
          }
          used.add(allowed);
          // The description must say what leaving it out does.
          if (!/omit/i.test(arg.description ?? ''))
            offenders.push(`${key}: the description does not say what omitting it means`);
        }
      }
    }
    expect(offenders).toEqual([]);
    expect([...used].sort()).toEqual(Object.keys(NULL_MEANS).sort());
  });

  it('a mutation takes its input as a non-null argument unless the whole input may be omitted', () => {
    for (const mutation of Object.values(schema.getMutationType()!.getFields())) {
      for (const arg of mutation.args) {
        const input = getNullableType(arg.type);
        if (!isInputObjectType(input)) continue;
        const optional = Object.values(input.getFields()).every(
          (f) => !isNonNullType(f.type) || f.defaultValue !== undefined,
        );
        if (!isNonNullType(arg.type)) {
          expect(
            optional,
            `${mutation.name}(${arg.name}) is nullable but has required fields`,
          ).toBe(true);
          expect(arg.defaultValue, `${mutation.name}(${arg.name})`).toBeDefined();
        }
      }
    }
  });

  it('list arguments hold non-null items', () => {
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !isObjectType(type)) continue;
      for (const field of Object.values(type.getFields()))
        for (const arg of field.args) {
          const t = getNullableType(arg.type);
          if (isListType(t))
            expect(isNonNullType(t.ofType), `${type.name}.${field.name}(${arg.name})`).toBe(true);
        }
    }
  });
});
