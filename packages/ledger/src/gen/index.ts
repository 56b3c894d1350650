export * from './prng.ts';
export * from './party-catalogue.ts';
export * from './glasgow-adoption.ts';
export * from './generate-history.ts';
export * from './gen-vocabulary.ts';
