/**
 * What the group-robot driver says to people (Simplified Chinese): why a robot address is refused (a 400 when an
 * administrator sets it) and why a send failed (shown on the delivery that gave up).
 */

/** Chinese names of the address ranges ipaddr.js reports, for the refusal messages. */
export const RANGE_NAMES: Record<string, string> = {
  loopback: '本机回环',
  private: '内网',
  uniqueLocal: '内网',
  linkLocal: '链路本地（含云主机元数据服务）',
  carrierGradeNat: '运营商级 NAT',
  unspecified: '未指定',
  multicast: '组播',
  broadcast: '广播',
};

export const WEBHOOK_MESSAGES = {
  notAUrl: '群机器人地址不是有效的网址',
  httpsOnly: '群机器人地址必须是 https 网址',
  hostNotAllowed: (host: string, allowed: readonly string[]) => `群机器人地址的主机 ${host} 不在允许的主机之列（WEBHOOK_ALLOWED_HOSTS：${allowed.join(', ')}）`,
  unresolvable: (host: string) => `无法解析群机器人的主机名 ${host}`,
  nonPublic: '非公网',
  isRange: (range: string) => `是${range}地址`,
  resolvesToRange: (range: string, address: string) => `解析到${range}地址 ${address}`,
  privateRefused: (host: string, where: string) => `群机器人地址 ${host} ${where}，已拒绝（内网中转须将其地址列入 WEBHOOK_ALLOWED_NETWORKS）`,
  httpOnlyForRelays: '群机器人地址必须是 https 网址（http 只允许用于 WEBHOOK_ALLOWED_NETWORKS 中的内网中转）',
  timeout: (ms: number) => `群机器人在 ${ms} 毫秒内没有应答`,
  unreachable: (reason: string) => `无法连接群机器人：${reason}`,
  redirected: '群机器人地址发生了跳转，已拒绝',
  httpStatus: (status: number) => `群机器人返回 HTTP ${status}`,
  unknownErrcode: '（无法识别）',
  rejected: (code: string, reason: string) => `群机器人拒绝了消息：errcode ${code}${reason}`,
  cutOff: '群机器人的回答中途断开',
} as const;
