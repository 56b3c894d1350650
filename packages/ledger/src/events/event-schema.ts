import { z } from 'zod';
import type { EventPayloads, EventType } from './types.ts';
import { isHistoryTimestamp } from './timestamp.ts';

/**
 * Runtime schema of events.md, schema version 1: every object is strict (an unknown field is an error,
 * "no silent typos"). Custom checks tag their issue with `params.history` so `parse-history-line.ts`
 * can map it to a stable `history.*` code; every other zod issue maps by its zod code.
 */

function tagged(code: 'unsafe_integer' | 'bad_value' | 'bad_timestamp', message: string) {
  return { code: 'custom' as const, message, params: { history: code } };
}

/** An integer within ±(2^53−1): JSON numbers beyond it have already lost precision. */
const integer = z.number().superRefine((value, ctx) => {
  if (!Number.isFinite(value) || !Number.isInteger(value)) {
    ctx.addIssue(tagged('bad_value', `expected an integer, got ${value}`));
  } else if (!Number.isSafeInteger(value)) {
    ctx.addIssue(tagged('unsafe_integer', `${value} exceeds 2^53−1 = 9007199254740991 (quantities and serials must be safe integers)`));
  }
});

const positiveInteger = integer.superRefine((value, ctx) => {
  if (Number.isSafeInteger(value) && value < 1) ctx.addIssue(tagged('bad_value', `expected a positive integer, got ${value}`));
});

const year = integer.superRefine((value, ctx) => {
  if (Number.isSafeInteger(value) && (value < 1000 || value > 9999)) {
    ctx.addIssue(tagged('bad_value', `expected a four-digit year, got ${value}`));
  }
});

const text = z.string().min(1, 'must not be empty');

const timestampSchema = z.string().superRefine((value, ctx) => {
  if (!isHistoryTimestamp(value)) {
    ctx.addIssue(
      tagged('bad_timestamp', `${JSON.stringify(value)} is neither YYYY-MM-DD nor an ISO-8601 UTC timestamp (…Z)`),
    );
  }
});

const partyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'a Party code is 3 upper-case letters (ISO 3166-1 alpha-3)');

const registryIdSchema = z.string().regex(/^[^\s:]+$/, 'a registry id is non-empty, without spaces or colons');

const accountRefSchema = z
  .string()
  .regex(/^[^\s:]+:\S+$/, 'an account reference is "REGISTRY:ACCOUNT"');

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 in lowercase hex (64 characters)');

const yearPair = z.strictObject({ from: year, to: year }).superRefine((pair, ctx) => {
  if (pair.from > pair.to) ctx.addIssue({ ...tagged('bad_value', `from (${pair.from}) is after to (${pair.to})`), path: ['to'] });
});

/** Dates compare by UTC day (events.md), so a same-day pair is in order whatever the times. */
const timestampPair = z.strictObject({ from: timestampSchema, to: timestampSchema }).superRefine((pair, ctx) => {
  if (pair.from.slice(0, 10) > pair.to.slice(0, 10)) {
    ctx.addIssue({ ...tagged('bad_value', `from (${pair.from}) is after to (${pair.to})`), path: ['to'] });
  }
});

const unitRangeSchema = z
  .strictObject({ block: text, from: positiveInteger, to: positiveInteger })
  .superRefine((range, ctx) => {
    if (range.from > range.to) {
      ctx.addIssue({ ...tagged('bad_value', `from (${range.from}) is greater than to (${range.to})`), path: ['to'] });
    }
  });

const unitRanges = z.array(unitRangeSchema).min(1, 'lists at least one unit range');

const ndcSchema = z
  .strictObject({
    id: text.optional(),
    kind: z.enum(['single-year', 'multi-year']),
    from: year,
    to: year,
    targetYear: year.optional(),
    metric: text,
    target: integer.optional(),
    sectors: z.array(text).optional(),
    gases: z.array(text).optional(),
    method: z.enum(['trajectory', 'averaging']).optional(),
    trajectory: z.record(z.string().regex(/^\d{4}$/, 'trajectory keys are years ("2021")'), integer).optional(),
  })
  .superRefine((ndc, ctx) => {
    if (ndc.from > ndc.to) ctx.addIssue({ ...tagged('bad_value', `from (${ndc.from}) is after to (${ndc.to})`), path: ['to'] });
  });

const purposes = z
  .array(z.enum(['NDC', 'OIMP']))
  .min(1, 'names at least one purpose')
  .max(2)
  .superRefine((list, ctx) => {
    if (new Set(list).size !== list.length) ctx.addIssue(tagged('bad_value', 'purposes are listed at most once'));
  });

const payloadSchemas = {
  PartyJoined: z.strictObject({ party: partyCodeSchema, name: text, groups: z.array(text).optional() }),
  NdcCommunicated: z.strictObject({ party: partyCodeSchema, ndc: ndcSchema }),
  RegistryOpened: z.strictObject({
    registry: registryIdSchema.refine((id) => id !== 'LEVY', 'LEVY is a reserved registry (its accounts exist implicitly)'),
    kind: z.enum(['national', 'international', 'mechanism', 'cdm', 'independent', 'ets']),
    party: partyCodeSchema.optional(),
    name: text.optional(),
  }),
  AccountOpened: z.strictObject({
    account: accountRefSchema.refine(
      (ref) => !ref.startsWith('LEVY:'),
      'LEVY accounts exist implicitly and are never opened',
    ),
    kind: z.enum(['holding', 'pending', 'retirement', 'cancellation', 'omge', 'sop']),
    holder: text,
    party: partyCodeSchema.optional(),
    entity: text.optional(),
  }),
  ActivityRegistered: z.strictObject({
    activity: text,
    host: partyCodeSchema,
    mechanism: z.enum(['6.2', '6.4', 'CDM', 'JCM', 'independent']),
    standard: text.optional(),
    title: z.string().optional(),
    sector: text.optional(),
    type: text.optional(),
    gases: z.array(text).optional(),
    inNdc: z.boolean().optional(),
    registeredOn: timestampSchema.optional(),
    crediting: timestampPair.optional(),
    approvals: z.array(text).optional(),
    cooperativeApproach: text.optional(),
    mitigationType: text.optional(),
    gwp: text.optional(),
  }),
  ActivityTransitioned: z.strictObject({
    activity: text,
    to: z.literal('6.4'),
    requestedOn: timestampSchema,
    hostApprovedOn: timestampSchema.optional(),
  }),
  AuthorizationIssued: z.strictObject({
    authorization: text,
    party: partyCodeSchema,
    activity: text.optional(),
    cooperativeApproach: text.optional(),
    purposes,
    firstTransfer: z.enum(['authorization', 'issuance', 'use', 'international_transfer']).optional(),
    acquirers: z.array(partyCodeSchema).optional(),
    cap: integer.optional(),
    vintages: yearPair.optional(),
    version: positiveInteger.optional(),
    metric: text.optional(),
    sector: text.optional(),
    activityType: text.optional(),
    oimp: text.optional(),
    entities: z.array(text).optional(),
    terms: text.optional(),
  }),
  AuthorizationRevoked: z.strictObject({ authorization: text, reason: z.string().optional() }),
  UnitsIssued: z
    .strictObject({
      account: accountRefSchema,
      activity: text,
      unitType: text,
      block: text,
      from: positiveInteger,
      to: positiveInteger,
      vintage: year,
      metric: text.optional(),
      authorization: text.optional(),
    })
    .superRefine((issued, ctx) => {
      if (issued.from > issued.to) {
        ctx.addIssue({ ...tagged('bad_value', `from (${issued.from}) is greater than to (${issued.to})`), path: ['to'] });
      }
    }),
  UnitsTransferred: z.strictObject({ from: accountRefSchema, to: accountRefSchema, units: unitRanges }),
  UnitsUsed: z
    .strictObject({
      account: accountRefSchema,
      units: unitRanges,
      purpose: z.enum(['NDC', 'OIMP', 'voluntary']),
      by: text,
      year: year.optional(),
    })
    .superRefine((use, ctx) => {
      if (use.purpose === 'NDC' && !/^[A-Z]{3}$/.test(use.by)) {
        ctx.addIssue({ ...tagged('bad_value', 'for an NDC use, `by` is the using Party (3 upper-case letters)'), path: ['by'] });
      }
    }),
  UnitsCancelled: z.strictObject({ account: accountRefSchema, units: unitRanges, reason: z.enum(['voluntary', 'omge', 'other']) }),
  InventoryReported: z.strictObject({ party: partyCodeSchema, year, emissions: integer }),
  RulebookAdopted: z.strictObject({
    name: text,
    sha256: sha256Schema,
    imports: z.record(text, sha256Schema).optional(),
    source: z.string().optional(),
  }),
  TransactionDecided: z.strictObject({
    event: text,
    rulebook: z.strictObject({ name: text, sha256: sha256Schema }),
    verdict: z.enum(['accepted', 'rejected']),
    reasons: z.array(z.strictObject({ rule: z.string().nullable(), code: text, message: z.string() })),
  }),
} satisfies Record<EventType, z.ZodType>;

export type PayloadSchemas = typeof payloadSchemas;

/** The payload schema of one event type. */
export function payloadSchema<T extends EventType>(type: T): PayloadSchemas[T] {
  return payloadSchemas[type];
}

function buildLineSchema<T extends EventType>(type: T) {
  return z.strictObject({
    type: z.literal(type),
    id: text.optional(),
    at: timestampSchema,
    data: payloadSchemas[type],
    meta: z.record(z.string(), z.unknown()).optional(),
  });
}

type LineSchema<T extends EventType> = ReturnType<typeof buildLineSchema<T>>;
// Built once per type: constructing zod schemas per line dominated decoding time.
const lineSchemas = new Map<EventType, LineSchema<EventType>>();

/** Schema of a whole NDJSON line once its `type` is known (`id` optional: derived when absent). */
export function lineSchema<T extends EventType>(type: T): LineSchema<T> {
  let schema = lineSchemas.get(type);
  if (schema === undefined) {
    schema = buildLineSchema(type);
    lineSchemas.set(type, schema);
  }
  return schema as unknown as LineSchema<T>;
}

/** Compile-time proof that what the schema accepts is what `types.ts` declares. */
export type SchemaPayloads = { [T in EventType]: z.output<PayloadSchemas[T]> };
type Assignable<Sub, Super> = Sub extends Super ? true : false;
export const schemaMatchesTypes: { [T in EventType]: Assignable<SchemaPayloads[T], EventPayloads[T]> } = {
  PartyJoined: true,
  NdcCommunicated: true,
  RegistryOpened: true,
  AccountOpened: true,
  ActivityRegistered: true,
  ActivityTransitioned: true,
  AuthorizationIssued: true,
  AuthorizationRevoked: true,
  UnitsIssued: true,
  UnitsTransferred: true,
  UnitsUsed: true,
  UnitsCancelled: true,
  InventoryReported: true,
  RulebookAdopted: true,
  TransactionDecided: true,
};
