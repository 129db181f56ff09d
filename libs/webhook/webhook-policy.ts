import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { listed } from '../config/app-config.js';

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

/** Chinese names of the address ranges ipaddr.js reports, for the refusal messages. */
const RANGE_NAMES: Record<string, string> = {
  loopback: '本机回环',
  private: '内网',
  uniqueLocal: '内网',
  linkLocal: '链路本地（含云主机元数据服务）',
  carrierGradeNat: '运营商级 NAT',
  unspecified: '未指定',
  multicast: '组播',
  broadcast: '广播',
};

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
      throw new WebhookRefused('群机器人地址不是有效的网址');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookRefused('群机器人地址必须是 https 网址');
    const host = bareHost(url.hostname);
    if (!this.hosts.has(host)) {
      throw new WebhookRefused(`群机器人地址的主机 ${host} 不在允许的主机之列（WEBHOOK_ALLOWED_HOSTS：${[...this.hosts].join(', ')}）`);
    }
    return url;
  }

  /** Checks the URL and resolves its host; every address must be allowed. Throws WebhookRefused, or the lookup's error. */
  async resolve(text: string, signal: AbortSignal): Promise<WebhookTarget> {
    const url = this.checkUrl(text);
    const host = bareHost(url.hostname);
    const answers = await abortable(lookup(host, { all: true, order: 'verbatim' }), signal);
    if (answers.length === 0) throw new Error(`无法解析群机器人的主机名 ${host}`);
    let listedOnly = true;
    for (const answer of answers) {
      const address = ipaddr.process(answer.address);
      const inListed = this.inAllowedNetwork(address);
      listedOnly &&= inListed;
      const range = address.range();
      if (range !== 'unicast' && !inListed) {
        const what = RANGE_NAMES[range] ?? '非公网';
        const where = answer.address === host ? `是${what}地址` : `解析到${what}地址 ${answer.address}`;
        throw new WebhookRefused(`群机器人地址 ${host} ${where}，已拒绝（内网中转须将其地址列入 WEBHOOK_ALLOWED_NETWORKS）`);
      }
    }
    if (url.protocol === 'http:' && !listedOnly)
      throw new WebhookRefused('群机器人地址必须是 https 网址（http 只允许用于 WEBHOOK_ALLOWED_NETWORKS 中的内网中转）');
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
