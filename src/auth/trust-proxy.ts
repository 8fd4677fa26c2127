/**
 * TRUST_PROXY as Fastify takes it. A list of addresses/CIDRs goes through as it is. A hop count
 * becomes a function trusting that many hops nearest the server (Express's meaning): Fastify 5
 * itself now ignores a bare number (it cannot tell a proxy from a client that sends enough hops),
 * so without this a configured hop count would silently make every client one address. A hop count
 * is for a service reachable only through its proxies; the README recommends the addresses.
 */
export function fastifyTrustProxy(setting: false | number | string[]): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  if (setting === 0) return false;
  return (_address, hop) => hop < setting;
}
