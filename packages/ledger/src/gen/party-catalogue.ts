/**
 * Parties the synthetic history draws from: real ISO 3166-1 alpha-3 codes, alternating buyers (Parties
 * that have signed Article 6.2 purchase agreements) and hosts, so a small `--parties` still has both.
 * Beyond the catalogue, codes come from the ISO user-assigned range `XAA`–`XZZ`.
 */
export interface CataloguedParty {
  readonly party: string;
  readonly name: string;
  readonly groups: readonly string[];
  /** Acquires ITMOs rather than hosting activities. */
  readonly buyer: boolean;
}

const B = true;
const H = false;

const CATALOGUE: readonly [string, string, readonly string[], boolean][] = [
  ['CHE', 'Switzerland', ['AnnexI'], B],
  ['GHA', 'Ghana', ['Africa'], H],
  ['SGP', 'Singapore', ['SIDS'], B],
  ['PER', 'Peru', [], H],
  ['JPN', 'Japan', ['AnnexI'], B],
  ['THA', 'Thailand', [], H],
  ['SWE', 'Sweden', ['AnnexI'], B],
  ['SEN', 'Senegal', ['LDC', 'Africa'], H],
  ['NOR', 'Norway', ['AnnexI'], B],
  ['GUY', 'Guyana', ['SIDS'], H],
  ['KOR', 'Republic of Korea', [], B],
  ['RWA', 'Rwanda', ['LDC', 'Africa'], H],
  ['VUT', 'Vanuatu', ['SIDS'], H],
  ['KEN', 'Kenya', ['Africa'], H],
  ['MAR', 'Morocco', ['Africa'], H],
  ['DEU', 'Germany', ['AnnexI'], B],
  ['MNG', 'Mongolia', [], H],
  ['IDN', 'Indonesia', [], H],
  ['LAO', "Lao People's Democratic Republic", ['LDC'], H],
  ['KHM', 'Cambodia', ['LDC'], H],
  ['BEL', 'Belgium', ['AnnexI'], B],
  ['MWI', 'Malawi', ['LDC', 'Africa'], H],
  ['MDG', 'Madagascar', ['LDC', 'Africa'], H],
  ['TZA', 'United Republic of Tanzania', ['LDC', 'Africa'], H],
  ['DOM', 'Dominican Republic', ['SIDS'], H],
  ['CHL', 'Chile', [], H],
  ['ITA', 'Italy', ['AnnexI'], B],
  ['COL', 'Colombia', [], H],
  ['VNM', 'Viet Nam', [], H],
  ['PHL', 'Philippines', [], H],
  ['BGD', 'Bangladesh', ['LDC'], H],
  ['NPL', 'Nepal', ['LDC'], H],
  ['ETH', 'Ethiopia', ['LDC', 'Africa'], H],
  ['NGA', 'Nigeria', ['Africa'], H],
  ['AUS', 'Australia', ['AnnexI'], B],
  ['BEN', 'Benin', ['LDC', 'Africa'], H],
  ['TGO', 'Togo', ['LDC', 'Africa'], H],
  ['GMB', 'Gambia', ['LDC', 'Africa'], H],
  ['SLE', 'Sierra Leone', ['LDC', 'Africa'], H],
  ['ZWE', 'Zimbabwe', ['Africa'], H],
  ['UZB', 'Uzbekistan', [], H],
  ['MEX', 'Mexico', [], H],
  ['BRA', 'Brazil', [], H],
  ['URY', 'Uruguay', [], H],
  ['CRI', 'Costa Rica', [], H],
  ['PAN', 'Panama', [], H],
  ['ZAF', 'South Africa', ['Africa'], H],
  ['EGY', 'Egypt', ['Africa'], H],
  ['TUN', 'Tunisia', ['Africa'], H],
  ['JOR', 'Jordan', [], H],
  ['GEO', 'Georgia', [], H],
  ['UKR', 'Ukraine', ['AnnexI'], H],
  ['FJI', 'Fiji', ['SIDS'], H],
  ['PNG', 'Papua New Guinea', ['SIDS'], H],
  ['JAM', 'Jamaica', ['SIDS'], H],
  ['MDV', 'Maldives', ['SIDS'], H],
  ['KIR', 'Kiribati', ['LDC', 'SIDS'], H],
  ['HTI', 'Haiti', ['LDC', 'SIDS'], H],
  ['SLB', 'Solomon Islands', ['LDC', 'SIDS'], H],
  ['LKA', 'Sri Lanka', [], H],
  ['PAK', 'Pakistan', [], H],
  ['MOZ', 'Mozambique', ['LDC', 'Africa'], H],
  ['ZMB', 'Zambia', ['LDC', 'Africa'], H],
  ['UGA', 'Uganda', ['LDC', 'Africa'], H],
  ['CIV', "Côte d'Ivoire", ['Africa'], H],
  ['CMR', 'Cameroon', ['Africa'], H],
];

export const MAX_PARTIES = CATALOGUE.length + 26 * 26;

/** The first `count` Parties (2 ≤ count ≤ MAX_PARTIES). */
export function partyCatalogue(count: number): CataloguedParty[] {
  const parties: CataloguedParty[] = CATALOGUE.slice(0, count).map(([party, name, groups, buyer]) => ({ party, name, groups, buyer }));
  for (let i = 0; parties.length < count; i++) {
    const code = `X${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`;
    // Every fourth synthetic Party buys, as in the catalogue.
    parties.push({ party: code, name: `Synthetic Party ${code}`, groups: i % 3 === 0 ? ['LDC'] : [], buyer: i % 4 === 0 });
  }
  return parties;
}
