/**
 * The 14 host Parties of the CA tool snapshot, keyed by the workbook's country name, with their
 * ISO 3166-1 alpha-3 code (examples/data/README.md) and the name the ledger records.
 *
 * `groups` are not in the snapshot: they come from the UN list of least developed countries as of the
 * cutoff (Lao PDR and Cambodia have not graduated yet) and the UN M49 region (`Africa`), so that
 * CDM-transition and scope rulebooks that ask `party(activity.host).groups` see real facts.
 */
export interface HostParty {
  readonly party: string;
  readonly name: string;
  readonly groups: readonly string[];
}

export const HOST_PARTIES: Readonly<Record<string, HostParty>> = {
  Benin: { party: 'BEN', name: 'Benin', groups: ['LDC', 'Africa'] },
  Cambodia: { party: 'KHM', name: 'Cambodia', groups: ['LDC'] },
  Gambia: { party: 'GMB', name: 'Gambia', groups: ['LDC', 'Africa'] },
  Lao: { party: 'LAO', name: "Lao People's Democratic Republic", groups: ['LDC'] },
  Madagascar: { party: 'MDG', name: 'Madagascar', groups: ['LDC', 'Africa'] },
  Malawi: { party: 'MWI', name: 'Malawi', groups: ['LDC', 'Africa'] },
  Morocco: { party: 'MAR', name: 'Morocco', groups: ['Africa'] },
  Nigeria: { party: 'NGA', name: 'Nigeria', groups: ['Africa'] },
  Rwanda: { party: 'RWA', name: 'Rwanda', groups: ['LDC', 'Africa'] },
  'Sierra Leone': { party: 'SLE', name: 'Sierra Leone', groups: ['LDC', 'Africa'] },
  Tanzania: { party: 'TZA', name: 'United Republic of Tanzania', groups: ['LDC', 'Africa'] },
  Togo: { party: 'TGO', name: 'Togo', groups: ['LDC', 'Africa'] },
  Uzbekistan: { party: 'UZB', name: 'Uzbekistan', groups: [] },
  Zimbabwe: { party: 'ZWE', name: 'Zimbabwe', groups: ['Africa'] },
};
