/** `REGISTRY` of an account reference `"REGISTRY:ACCOUNT"` (the part before the first colon). */
export function registryOf(account: string): string {
  const colon = account.indexOf(':');
  return colon < 0 ? account : account.slice(0, colon);
}
