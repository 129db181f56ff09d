import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { listed } from '../config/app-config.js';
import { RANGE_NAMES, WEBHOOK_MESSAGES } from './webhook.messages.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** A robot URL or address the policy does not allow: sending again cannot help until an administrator changes it. */
export class WebhookRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookRefused';
  }
}

/** Where one call to a robot goes: the URL, and the address checked for it, which the connection must use. */
export interface WebhookTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/**
 * Which robot URLs duban posts to (SSRF protection). A URL must name a host of
 * WEBHOOK_ALLOWED_HOSTS; every address the host resolves to must be a public
 * unicast address or lie in WEBHOOK_ALLOWED_NETWORKS (an intranet relay the
 * operator listed); plain http is allowed only to such a listed network, so a
 * robot's key never crosses the internet in clear. The address checked is the
 * one connected to (see HttpWebhookDriver), so a second DNS answer cannot swap it.
 */
export class WebhookPolicy {
  private readonly hosts: Set<string>;
  private readonly networks: Array<[Address, number]>;

  constructor(allowedHosts: string, allowedNetworks?: string) {
    this.hosts = new Set(listed(allowedHosts).map(bareHost));
    this.networks = listed(allowedNetworks).map((entry) => {
      if (ipaddr.isValidCIDR(entry)) return ipaddr.parseCIDR(entry);
      const address = ipaddr.parse(entry);
      return [address, address.kind() === 'ipv4' ? 32 : 128];
    });
  }

  /** The URL's scheme and host, without a DNS lookup; throws WebhookRefused. */
  checkUrl(text: string): URL {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new WebhookRefused(WEBHOOK_MESSAGES.notAUrl);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookRefused(WEBHOOK_MESSAGES.httpsOnly);
    const host = bareHost(url.hostname);
    if (!this.hosts.has(host)) {
      throw new WebhookRefused(WEBHOOK_MESSAGES.hostNotAllowed(host, [...this.hosts]));
    }
    return url;
  }

  /** Checks the URL and resolves its host; every address must be allowed. Throws WebhookRefused, or the lookup's error. */
  async resolve(text: string, signal: AbortSignal): Promise<WebhookTarget> {
    const url = this.checkUrl(text);
    const host = bareHost(url.hostname);
    const answers = await abortable(lookup(host, { all: true, order: 'verbatim' }), signal);
    if (answers.length === 0) throw new Error(WEBHOOK_MESSAGES.unresolvable(host));
    let listedOnly = true;
    for (const answer of answers) {
      const address = ipaddr.process(answer.address);
      const inListed = this.inAllowedNetwork(address);
      listedOnly &&= inListed;
      const range = address.range();
      if (range !== 'unicast' && !inListed) {
        const what = RANGE_NAMES[range] ?? WEBHOOK_MESSAGES.nonPublic;
        const where = answer.address === host ? WEBHOOK_MESSAGES.isRange(what) : WEBHOOK_MESSAGES.resolvesToRange(what, answer.address);
        throw new WebhookRefused(WEBHOOK_MESSAGES.privateRefused(host, where));
      }
    }
    if (url.protocol === 'http:' && !listedOnly) throw new WebhookRefused(WEBHOOK_MESSAGES.httpOnlyForRelays);
    const first = ipaddr.process(answers[0].address);
    return { url, address: first.toString(), family: first.kind() === 'ipv4' ? 4 : 6 };
  }

  private inAllowedNetwork(address: Address): boolean {
    return this.networks.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
  }
}

/** A host as compared with the allow-list: lower case, without an IPv6 literal's brackets. */
function bareHost(host: string): string {
  return host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
