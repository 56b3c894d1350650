/**
 * The rulebook the synthetic history says was in force (`RulebookAdopted` at its start) and that its
 * `TransactionDecided` verdicts come from: examples/rulebooks/glasgow-2021.a6. The sha256 is of that
 * file's exact bytes (a test checks it), so `a6 verify --rulebook examples/rulebooks/glasgow-2021.a6`
 * can check the recorded verdicts of a generated history.
 */
export const GLASGOW_ADOPTION = {
  name: 'glasgow_2021',
  sha256: '451c79cdb257a9632fe30f1522c0976c23890e2db98d33394c254e34b704d822',
} as const;
