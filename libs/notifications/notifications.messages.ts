/**
 * What the notifications domain says to people (Simplified Chinese) outside its templates: the 4xx texts of messages
 * and group robots, why a delivery is given up, the robot digest's lines. Reminder, escalation and event texts (mail
 * and in-app) are the templates in templates.ts and event-templates.ts.
 */
export const NOTIFICATION_MESSAGES = {
  notFound: (id: string) => `消息不存在：${id}`,
  noRobot: (departmentCode: string) => `部门 ${departmentCode} 未配置群机器人`,
  unresolvableHost: (reason: string) => `无法解析群机器人地址的主机名：${reason}`,
  departmentNotFound: (code: string) => `部门不存在：${code}`,
  unknownChannel: (channel: string) => `未知的发送渠道：${channel}`,
  robotGone: '该部门的群机器人已删除或停用',
  unknownRobotKind: (kind: string) => `未知的群机器人类型：${kind}`,
  departmentTarget: (code: string | null) => `部门 ${code ?? ''}`,
  /** Who acted, when no person did. */
  system: '系统',
  calendarNote: (year: number) => `${year} 年的法定节假日安排尚未录入，工作日暂按周一至周五计算`,
} as const;

/** The group robot's digest of a department's events. */
export const ROBOT_DIGEST = {
  heading: (department: string, count: number) => `督办动态：${department} ${count} 条`,
  line: (subject: string, link: string) => `- ${subject}，[查看任务](${link})`,
  more: (count: number, link: string) => `\n\n另有 ${count} 条，请登录系统查看：${link}`,
} as const;
