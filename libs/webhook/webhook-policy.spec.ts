import { loadConfig } from '../config/app-config.js';
import { WebhookPolicy, WebhookRefused } from './webhook-policy.js';

const signal = () => AbortSignal.timeout(5000);

describe('WebhookPolicy', () => {
  const policy = new WebhookPolicy('qyapi.weixin.qq.com, oapi.dingtalk.com,127.0.0.1,localhost,169.254.169.254,10.0.0.1,[::1],8.8.8.8');

  it('allows only the listed hosts, over http(s)', () => {
    expect(policy.checkUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k').hostname).toBe('qyapi.weixin.qq.com');
    expect(policy.checkUrl('https://OAPI.DingTalk.com/robot/send').hostname).toBe('oapi.dingtalk.com');
    expect(() => policy.checkUrl('https://evil.example/hook')).toThrow('不在允许的主机之列（WEBHOOK_ALLOWED_HOSTS');
    // The host is what the URL parser finds, whatever comes before an @.
    expect(() => policy.checkUrl('https://qyapi.weixin.qq.com@evil.example/hook')).toThrow(WebhookRefused);
    expect(() => policy.checkUrl('https://qyapi.weixin.qq.com.evil.example/hook')).toThrow(WebhookRefused);
    expect(() => policy.checkUrl('ftp://qyapi.weixin.qq.com/x')).toThrow('必须是 https');
    expect(() => policy.checkUrl('file:///etc/passwd')).toThrow('必须是 https');
    expect(() => policy.checkUrl('not a url')).toThrow('不是有效的网址');
  });

  it.each([
    ['http://127.0.0.1:5432/', '是本机回环地址'],
    ['https://localhost/x', '解析到本机回环地址'],
    ['http://169.254.169.254/latest/meta-data/', '链路本地'],
    ['https://10.0.0.1/hook', '是内网地址'],
    ['https://[::1]/hook', '是本机回环地址'],
    // 2130706433 is 127.0.0.1 written as one number: the URL parser reads it so.
    ['http://2130706433/', '是本机回环地址'],
  ])('refuses %s: %s', async (url, reason) => {
    await expect(policy.resolve(url, signal())).rejects.toThrow(reason);
    await expect(policy.resolve(url, signal())).rejects.toBeInstanceOf(WebhookRefused);
  });

  it('allows a listed network, and http only there', async () => {
    const relay = new WebhookPolicy('127.0.0.1,localhost,8.8.8.8', '127.0.0.1/32, ::1');
    expect(await relay.resolve('http://127.0.0.1:8080/hook', signal())).toMatchObject({ address: '127.0.0.1', family: 4 });
    expect((await relay.resolve('http://localhost:8080/hook', signal())).address).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect(await relay.resolve('https://8.8.8.8/hook', signal())).toMatchObject({ address: '8.8.8.8', family: 4 });
    await expect(relay.resolve('http://8.8.8.8/hook', signal())).rejects.toThrow('http 只允许用于 WEBHOOK_ALLOWED_NETWORKS');
  });

  it('is configured by WEBHOOK_ALLOWED_HOSTS and WEBHOOK_ALLOWED_NETWORKS, validated at boot', () => {
    expect(loadConfig({}).WEBHOOK_ALLOWED_HOSTS).toBe('qyapi.weixin.qq.com,oapi.dingtalk.com');
    expect(loadConfig({ WEBHOOK_ALLOWED_NETWORKS: '10.8.0.5/32, fd00::/8,127.0.0.1' }).WEBHOOK_ALLOWED_NETWORKS).toBeDefined();
    expect(() => loadConfig({ WEBHOOK_ALLOWED_NETWORKS: '10.0.0.0/33' })).toThrow('WEBHOOK_ALLOWED_NETWORKS: 10.0.0.0/33 is neither');
    expect(() => loadConfig({ WEBHOOK_ALLOWED_NETWORKS: 'intranet' })).toThrow('WEBHOOK_ALLOWED_NETWORKS must list');
    expect(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: 'https://qyapi.weixin.qq.com' })).toThrow('WEBHOOK_ALLOWED_HOSTS must list');
  });
});
