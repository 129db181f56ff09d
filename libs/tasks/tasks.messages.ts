import { ExtensionStatus, TaskStatus } from '../vocabulary/tasks.js';
import { TaskTransition } from './task-status.js';

/**
 * What the tasks domain says to people (Simplified Chinese), in one place: the names of statuses and steps, and the
 * messages of the 4xx answers of tasks, sub-tasks, progress reports, comments, bulk changes, imports and extension
 * requests. Tests assert these texts: change one here and in the tests together.
 */

/** Chinese names of statuses, for messages people read (the export's 状态 column, the 通报, the calendar feed). */
export const STATUS_LABEL: Record<TaskStatus, string> = {
  [TaskStatus.Assigned]: '待签收',
  [TaskStatus.InProgress]: '办理中',
  [TaskStatus.LeaderReview]: '待负责人审签',
  [TaskStatus.Submitted]: '待审核',
  [TaskStatus.Completed]: '已办结',
  [TaskStatus.Cancelled]: '已撤销',
};

/** A status machine step, as the refusal of a step names it. */
export const TRANSITION_LABEL: Record<TaskTransition, string> = {
  [TaskTransition.Accept]: '签收',
  [TaskTransition.Submit]: '提交',
  [TaskTransition.SignOff]: '审签',
  [TaskTransition.Approve]: '审核通过',
  [TaskTransition.Return]: '退回',
  [TaskTransition.Cancel]: '撤销',
  [TaskTransition.Reopen]: '重新打开',
};

/** The pace light, as the task export writes it. */
export const LIGHT_LABEL = { red: '红灯', yellow: '黄灯', green: '绿灯' } as const;

/** An extension request past its pending state, as a refusal names it. */
const EXTENSION_DECIDED_LABEL: Partial<Record<ExtensionStatus, string>> = {
  [ExtensionStatus.Approved]: '已批准',
  [ExtensionStatus.Rejected]: '已驳回',
  [ExtensionStatus.AwaitingLeader]: '待承办单位负责人同意',
};

const list = (items: readonly string[]) => items.join(', ');

export const TASK_MESSAGES = {
  openEndedNeedsCycle: 'dueDate 为空（长期坚持，无最终期限）的任务必须设置报送周期 reportEvery',
  notFound: (id: string) => `任务不存在：${id}`,
  staleVersion: (current: number, requested: number) => `任务已被他人修改（当前版本 ${current}，请求版本 ${requested}），请刷新后重试`,
  nothingToChange: '没有需要修改的字段',
  notEditable: (status: TaskStatus) => `任务${STATUS_LABEL[status]}，不能再修改（可先重新打开）`,
  stepRefused: (status: TaskStatus, from: readonly TaskStatus[], transition: TaskTransition) =>
    `任务当前状态为「${STATUS_LABEL[status]}」，只有「${from.map((s) => STATUS_LABEL[s]).join('、')}」的任务可以${TRANSITION_LABEL[transition]}`,
  evidenceRequired: 'evidenceIds 至少需要一个佐证材料',
  foreignEvidence: (ids: readonly string[]) => `evidenceIds 不属于该任务：${list(ids)}`,
  openChildrenBlockApproval: (open: readonly string[]) => `还有 ${open.length} 项子任务未办结，不能审核通过：${open.join('、')}`,
  openChildrenNeedChoice: (open: readonly string[]) =>
    `该任务还有 ${open.length} 项未办结的子任务（${open.join('、')}），请选择一并撤销（children: "cancel"）或保留（children: "keep"）`,
  noMoreProgress: (status: TaskStatus) => `任务当前状态为「${STATUS_LABEL[status]}」，不能再报送进展`,
  noReportCycle: '该任务没有定期报送要求，period 不适用',
  coDepartmentsDoNotReport: '该任务未要求配合单位定期报送，period 不适用（配合单位的进展请不填报送期）',
  unknownPeriod: (period: string) => `period 不是该任务的报送期：${period}`,
  periodNotStarted: (period: string, from: string) => `报送期 ${period} 尚未开始（${from} 起）`,
  onlySupervisorsCreate: '只有督查人员可以新建任务；牵头单位的联络员、负责人可在本单位牵头的任务下分解子任务（填写 parentId）',
  unknownParent: (id: string) => `parentId 对应的任务不存在：${id}`,
  onlyLeadSplits: '只有牵头单位可以分解本任务（配合单位不能分解）',
  parentClosed: (status: TaskStatus) => `上级任务${STATUS_LABEL[status]}，不能再分解`,
  childOutsideParent: (parts: readonly string[]) => `子任务只能由上级任务的牵头或配合单位承办：${parts.join('、')}`,
  childDueAfterParent: (dueDate: string) => `dueDate 不能晚于上级任务的截止日期 ${dueDate}`,
  notASupervisor: (id: string) => `supervisorId 必须是在职的督查人员：${id}`,
  unknownDepartments: (codes: readonly string[]) => `部门不存在：${list(codes)}`,
  unknownAssignee: (id: string) => `assigneeId 对应的用户不存在：${id}`,
  assigneeOutsideLead: (name: string, lead: string) => `承办人 ${name} 不属于牵头部门 ${lead}`,
  returnAwaitsLeader: '任务待承办单位负责人审签，只能由负责人退回',
  returnAwaitsSupervisor: '任务已报督查审核，只能由督查人员退回（负责人只能退回待审签的任务）',
} as const;

export const COMMENT_MESSAGES = {
  emptyBody: 'body 不能为空',
  controlCharacters: 'body 含有控制字符，请删除后重试',
  instructionRefused: '只有督查人员和部门负责人可以作出批示',
  taskClosed: (status: TaskStatus) => `任务${STATUS_LABEL[status]}，不能再评论`,
} as const;

export const BULK_MESSAGES = {
  nothingToChange: 'set 中没有需要修改的字段（dueDate、assigneeId、supervisorId、coDepartments）',
  repeatedIds: (ids: readonly string[]) => `ids 中有重复的任务：${list(ids)}`,
  itemRefused: (id: string, reason: string) => `任务 ${id} 未能修改，全部未改：${reason}`,
} as const;

export const TASK_IMPORT_MESSAGES = {
  unreadable: (reason: string) => `无法读取 XLSX 文件，请用 Excel 或 WPS 另存为 .xlsx 后重试（${reason}）`,
  noHeaderRow: (title: string, lead: string, due: string) => `未找到表头行：各工作表前 10 行中没有同时含「${title}」「${lead}」「${due}」（或其同义词）的行`,
  taskInOtherPlan: (code: string, plan: string) => `任务「${code}」属于规划《${plan}》，请在该规划下导入（导入不会把任务移出其规划）`,
} as const;

export const EXTENSION_MESSAGES = {
  notFound: (id: string) => `延期申请不存在：${id}`,
  taskRefuses: (status: TaskStatus) => `任务当前状态为「${STATUS_LABEL[status]}」，不能申请延期`,
  notLater: (dueDate: string) => `requestedDueDate 必须晚于当前期限 ${dueDate}`,
  alreadyPending: '该任务已有待审批的延期申请',
  openEnded: '该任务为长期坚持任务，没有最终期限，不能申请延期',
  notAwaitingLeader: (status: ExtensionStatus) =>
    `延期申请${status === ExtensionStatus.Pending ? '已由负责人同意，待督查审批' : `已处理（${EXTENSION_DECIDED_LABEL[status]}）`}`,
  notPending: (status: ExtensionStatus) => `延期申请${EXTENSION_DECIDED_LABEL[status]}，督查人员不能审批`,
} as const;
