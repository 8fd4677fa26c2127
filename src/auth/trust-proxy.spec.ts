import { loadConfig } from '../common/config/app-config.js';
import { fastifyTrustProxy } from './trust-proxy.js';

const trustProxyOf = (value: string | undefined) =>
  loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40), AUDIT_HMAC_KEY: 'x'.repeat(40), TRUST_PROXY: value }).trustProxy;

describe('TRUST_PROXY', () => {
  it('is false by default and for false, 0 or no', () => {
    for (const value of [undefined, '', 'false', 'FALSE', '0', 'no']) expect(fastifyTrustProxy(trustProxyOf(value))).toBe(false);
  });

  it('as a hop count trusts that many hops nearest the server, and no more', () => {
    const trust = fastifyTrustProxy(trustProxyOf('2'));
    expect(typeof trust).toBe('function');
    const fn = trust as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => fn('127.0.0.1', hop))).toEqual([true, true, false]);
  });

  it('as a list of addresses and CIDRs (IPv4 and IPv6) passes them on', () => {
    expect(fastifyTrustProxy(trustProxyOf('10.0.0.1, 10.1.0.0/16,fd00::/8'))).toEqual(['10.0.0.1', '10.1.0.0/16', 'fd00::/8']);
  });

  it('refuses "trust everything" and what is neither a count nor addresses, naming the variable', () => {
    for (const value of ['true', '*', 'yes', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/2', '-1', '21']) {
      expect(() => trustProxyOf(value)).toThrow(/^TRUST_PROXY: /);
    }
  });
});
