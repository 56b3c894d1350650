export { createPrng } from './prng.ts';
export type { Prng } from './prng.ts';
export { partyCatalogue, MAX_PARTIES } from './party-catalogue.ts';
export type { CataloguedParty } from './party-catalogue.ts';
export { GLASGOW_ADOPTION } from './glasgow-adoption.ts';
export { generateHistory, GEN_DEFAULT_SEED, GEN_DEFAULT_PARTIES } from './generate-history.ts';
export type { GenerateOptions } from './generate-history.ts';
export {
  nationalRegistry, nationalAccount, sharedAccount, sharedAccountOpened, activityId, blockId, authorizationId,
  corsiaUser, SECTORS, AIRLINES, COMPANIES, SHARED_REGISTRIES, A64_PENDING, CDM_PENDING, NATIONAL_ACCOUNTS,
  PENDING_ACCOUNTS,
} from './gen-vocabulary.ts';
export type { NationalAccount, SharedRegistry, GeneratedActivityKind } from './gen-vocabulary.ts';
