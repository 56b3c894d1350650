import { DATE, NUMBER, STRING, listOf, recordOf, UNKNOWN, type StaticType } from './types.ts';

/** A parameter accepts any of `types` (an id string or the record it names, for example). */
export interface BuiltinParameter {
  readonly name: string;
  readonly types: readonly StaticType[];
}

export interface BuiltinFunction {
  readonly name: string;
  readonly parameters: readonly BuiltinParameter[];
  readonly returns: StaticType;
  readonly doc: string;
}

const parameter = (name: string, ...types: StaticType[]): BuiltinParameter => ({ name, types });

/** Built-in functions (docs/language.md, "Context: names and fields at each trigger"): state *before* the current event. */
export const BUILTIN_FUNCTIONS: readonly BuiltinFunction[] = [
  {
    name: 'party',
    parameters: [parameter('code', STRING)],
    returns: recordOf('party'),
    doc: 'The Party with this code: `name`, `groups`, `ndc`; none when it has not joined.',
  },
  {
    name: 'holdings',
    parameters: [parameter('party_or_account', STRING, recordOf('account'))],
    returns: NUMBER,
    doc: 'Units held by a Party (all its accounts) or by one account.',
  },
  { name: 'issued', parameters: [parameter('activity', STRING, recordOf('activity'))], returns: NUMBER, doc: 'Units issued so far for the activity.' },
  {
    name: 'first_transferred',
    parameters: [parameter('party', STRING), parameter('year', NUMBER)],
    returns: NUMBER,
    doc: 'ITMOs the Party first transferred in the year (structured summary row 5 + 6).',
  },
  { name: 'used', parameters: [parameter('party', STRING), parameter('year', NUMBER)], returns: NUMBER, doc: 'ITMOs the Party used toward its NDC in the year.' },
  { name: 'acquired', parameters: [parameter('party', STRING), parameter('year', NUMBER)], returns: NUMBER, doc: 'ITMOs the Party received by international transfer in the year.' },
  {
    name: 'inventory',
    parameters: [parameter('party', STRING), parameter('year', NUMBER)],
    returns: NUMBER,
    doc: "The Party's reported emissions for the year; none when not reported.",
  },
  {
    name: 'authorized_total',
    parameters: [parameter('authorization', STRING, recordOf('authorization'))],
    returns: NUMBER,
    doc: 'Units first transferred under the authorization so far (for caps).',
  },
  { name: 'len', parameters: [parameter('list', listOf(UNKNOWN), STRING)], returns: NUMBER, doc: 'The number of items of a list (or characters of a string).' },
  { name: 'min', parameters: [parameter('a', NUMBER, DATE), parameter('b', NUMBER, DATE)], returns: UNKNOWN, doc: 'The smaller of two numbers or dates.' },
  { name: 'max', parameters: [parameter('a', NUMBER, DATE), parameter('b', NUMBER, DATE)], returns: UNKNOWN, doc: 'The larger of two numbers or dates.' },
  { name: 'abs', parameters: [parameter('x', NUMBER)], returns: NUMBER, doc: 'The absolute value.' },
  { name: 'year', parameters: [parameter('date', DATE)], returns: NUMBER, doc: 'The calendar year of a date.' },
];

const functionIndex = new Map<string, BuiltinFunction>(BUILTIN_FUNCTIONS.map((fn) => [fn.name, fn]));

export function findBuiltinFunction(name: string): BuiltinFunction | undefined {
  return functionIndex.get(name);
}
