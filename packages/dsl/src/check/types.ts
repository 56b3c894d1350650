/**
 * Static types of the rulebook language. Almost every fact may be absent at run time (`none`), so types
 * do not track nullability: `none` is its own type only for the literal, and it is compatible with
 * everything under `==` / `!=` (docs/language.md, "Expressions").
 */
export type RecordKind = 'event' | 'unit' | 'activity' | 'authorization' | 'account' | 'party' | 'ndc';

export type StaticType =
  | { readonly kind: 'number' }
  | { readonly kind: 'string' }
  | { readonly kind: 'date' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'none' }
  /** After an error, so one mistake is reported once. */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'list'; readonly element: StaticType }
  | { readonly kind: 'record'; readonly record: RecordKind };

export const NUMBER: StaticType = { kind: 'number' };
export const STRING: StaticType = { kind: 'string' };
export const DATE: StaticType = { kind: 'date' };
export const BOOL: StaticType = { kind: 'bool' };
export const NONE: StaticType = { kind: 'none' };
export const UNKNOWN: StaticType = { kind: 'unknown' };

export function listOf(element: StaticType): StaticType {
  return { kind: 'list', element };
}

export function recordOf(record: RecordKind): StaticType {
  return { kind: 'record', record };
}

export function typeToString(type: StaticType): string {
  switch (type.kind) {
    case 'list':
      return `list<${typeToString(type.element)}>`;
    case 'record':
      return type.record;
    default:
      return type.kind;
  }
}

/** Whether values of the two types may be compared with `==` (none and unknown fit anything). */
export function isCompatible(a: StaticType, b: StaticType): boolean {
  if (a.kind === 'unknown' || b.kind === 'unknown' || a.kind === 'none' || b.kind === 'none') return true;
  if (a.kind === 'list' && b.kind === 'list') return isCompatible(a.element, b.element);
  if (a.kind === 'record' && b.kind === 'record') return a.record === b.record;
  return a.kind === b.kind;
}

/** Whether a value of `actual` fits where `expected` is wanted (unknown and none pass: none fails closed at run time). */
export function isAssignable(actual: StaticType, expected: StaticType): boolean {
  return isCompatible(actual, expected);
}
