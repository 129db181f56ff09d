import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { CheckboxGroupField, ChineseDatePicker, dateField, useDraftForm } from '../components/forms';
import { LightDot, PageTitle, QueryError, StatusTag } from '../components/bits';
import { useAuth, useDepartments } from '../hooks';
import { download, get, post, uploadFile } from '../lib/api';
import { NoticeButtons } from '../components/NoticeButtons';
import { errorText } from '../lib/errors';
import { can } from '../lib/permissions';
import { formatBytes, formatDate, formatDateTime, todayInPlanZone } from '../lib/format';
import {
  availableActions,
  deadlineText,
  dueDateText,
  GRADE_LABELS,
  historyActionLabel,
  historyDetail,
  lightOf,
  periodLabel,
  REPORT_CYCLE_LABELS,
  SLOT_STATUS,
  type Grade,
} from '../lib/tasks';
import type { CoDepartmentSlots, Evidence, HistoryEntry, Page, ReportSlot, TaskComment, TaskDetail, TaskSummary } from '../lib/types';

export function TaskDetailPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const { name } = useDepartments();
  const client = useQueryClient();
  const task = useQuery({ queryKey: ['task', id], queryFn: () => get<TaskDetail>(`/tasks/${id}`) });
  const history = useQuery({ queryKey: ['task', id, 'history'], queryFn: () => get<HistoryEntry[]>(`/tasks/${id}/history`) });
  const comments = useQuery({ queryKey: ['task', id, 'comments'], queryFn: () => get<TaskComment[]>(`/tasks/${id}/comments`) });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['task', id] });
    void client.invalidateQueries({ queryKey: ['tasks'] });
    void client.invalidateQueries({ queryKey: ['dashboard'] });
  };
  if (task.error) return <QueryError error={task.error} retry={() => task.refetch()} />;
  if (!task.data) return <Card loading />;
  const t = task.data;
  const today = todayInPlanZone();
  const actions = availableActions(user, t);
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            {actions.has('edit') && (
              <Link to={`/tasks/${t.id}/edit`}>
                <Button>修改任务</Button>
              </Link>
            )}
            {can(user, 'task.notice', t) && <NoticeButtons taskId={t.id} />}
            <Link to="/tasks">返回任务列表</Link>
          </Space>
        }
      >
        {t.code ? `${t.code} ` : ''}
        {t.title}
      </PageTitle>
      {t.returnReason && t.status === 'in_progress' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="该任务已被退回，请按意见补充后重新提交"
          description={`退回理由：${t.returnReason}`}
          data-testid="return-reason"
        />
      )}
      {t.status === 'cancelled' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`该任务已于 ${t.cancelledAt ? formatDateTime(t.cancelledAt) : ''} 撤销，不再提醒，也不计入统计和考核`}
          data-testid="cancelled-banner"
        />
      )}
      {t.status === 'leader_review' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="办结材料已提交，等待承办单位负责人审签后报督查审核" data-testid="signoff-banner" />
      )}
      {t.calendarNote && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t.calendarNote} />}
      <Instructions comments={comments.data ?? []} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="任务信息" size="small">
            <Descriptions column={1} size="small" labelStyle={{ width: 96 }}>
              <Descriptions.Item label="状态">
                <Space>
                  <StatusTag status={t.status} />
                  <LightDot light={lightOf(t, today)} />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="截止日期">
                {dueDateText(t.dueDate)}（{deadlineText(t.status, t.dueDate, today)}）
              </Descriptions.Item>
              <Descriptions.Item label="牵头单位">{name(t.leadDepartmentCode)}</Descriptions.Item>
              <Descriptions.Item label="配合单位">{t.coDepartmentCodes.length ? t.coDepartmentCodes.map(name).join('、') : '无'}</Descriptions.Item>
              <Descriptions.Item label="督办责任人">{t.supervisor?.name ?? '全体督查人员'}</Descriptions.Item>
              {t.parentId && (
                <Descriptions.Item label="上级任务">
                  <Link to={`/tasks/${t.parentId}`} data-testid="parent-link">
                    查看上级任务
                  </Link>
                </Descriptions.Item>
              )}
              {t.requireSignOff && <Descriptions.Item label="负责人审签">需承办单位负责人审签后报送</Descriptions.Item>}
              {t.submittedAt && (t.status === 'submitted' || t.status === 'leader_review') && (
                <Descriptions.Item label="提交时间">
                  {formatDateTime(t.submittedAt)}（{t.overdue ? '逾期提交' : '按期提交，审签和审核期间不计逾期'}）
                </Descriptions.Item>
              )}
              <Descriptions.Item label="完成进度">
                <Progress percent={t.percent ?? 0} size="small" style={{ maxWidth: 240 }} aria-label="完成进度" />
              </Descriptions.Item>
              {t.grade && <Descriptions.Item label="评定等次">{GRADE_LABELS[t.grade] ?? t.grade}</Descriptions.Item>}
              {t.clauseRef && (
                <Descriptions.Item label="规划条款">
                  <div>
                    <Link to={`/plan#clause-${encodeURIComponent(t.clauseRef)}`}>{t.clauseRef}</Link>
                    {t.clauseText && <div style={{ color: '#555' }}>{t.clauseText}</div>}
                  </div>
                </Descriptions.Item>
              )}
              {t.carriedFrom && (
                <Descriptions.Item label="结转">
                  <span data-testid="carried-from">
                    自《{t.carriedFrom.planTitle}》结转（{formatDateTime(t.carriedFrom.movedAt)}
                    {t.carriedFrom.movedBy ? `，${t.carriedFrom.movedBy.name}` : ''}
                    {t.carriedFrom.clauseRef ? `，原条文 ${t.carriedFrom.clauseRef}` : ''}）
                  </span>
                </Descriptions.Item>
              )}
              {t.description && (
                <Descriptions.Item label="任务说明">
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{t.description}</Typography.Paragraph>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <ChildrenCard task={t} canSplit={actions.has('split')} />
          {t.reportEvery && <ReportSlotsCard task={t} />}
          {t.reportEvery && t.coDepartmentsReport && <CoReportSlotsCard task={t} />}
          <EvidenceCard task={t} canUpload={actions.has('evidence')} onChange={refresh} />
          <Card title="办理进展" size="small" style={{ marginTop: 16 }}>
            {t.progress.length === 0 ? (
              <Typography.Text type="secondary">尚无进展</Typography.Text>
            ) : (
              <Timeline
                items={t.progress.map((p) => ({
                  children: (
                    <>
                      <div>
                        <b>{formatDateTime(p.createdAt)}</b> {name(p.departmentCode)}
                        {p.percent !== null ? ` · ${p.percent}%` : ''}
                      </div>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{p.note}</div>
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <TaskActions task={t} actions={actions} onChange={refresh} />
          <ExtensionCard
            task={t}
            canRequest={actions.has('extend')}
            canEndorse={actions.has('endorse')}
            canDecide={can(user, 'extension.decide', t)}
            onChange={refresh}
          />
          <CommentsCard
            task={t}
            comments={comments.data ?? []}
            canComment={can(user, 'task.comment', t) && t.status !== 'cancelled'}
            canInstruct={can(user, 'task.comment', t) && (user.role === 'supervisor' || user.role === 'leader')}
            onChange={refresh}
          />
          <Card title="办理记录（全部留痕）" size="small" style={{ marginTop: 16 }}>
            {history.error && <QueryError error={history.error} />}
            <Timeline
              items={(history.data ?? []).map((h) => ({
                children: (
                  <div data-testid="history-entry">
                    <div>
                      <b>{historyActionLabel(h.action)}</b>
                    </div>
                    {historyDetail(h).map((line) => (
                      <div key={line} style={{ whiteSpace: 'pre-wrap' }}>
                        {line}
                      </div>
                    ))}
                    <small style={{ color: '#666' }}>
                      {formatDateTime(h.at)} · {h.actor?.name ?? '系统'}
                    </small>
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** 领导批示: shown apart, at the top of the task. */
function Instructions({ comments }: { comments: TaskComment[] }) {
  const instructions = comments.filter((c) => c.instruction);
  if (instructions.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="instructions"
      title="领导批示"
      description={instructions.map((c) => (
        <div key={c.id} style={{ whiteSpace: 'pre-wrap' }}>
          {c.body}{' '}
          <small style={{ color: '#666' }}>
            —— {c.author.name}，{formatDateTime(c.createdAt)}
          </small>
        </div>
      ))}
    />
  );
}

/** The conversation on the task: comments, and 批示 for supervisors and leaders. */
function CommentsCard({
  task,
  comments,
  canComment,
  canInstruct,
  onChange,
}: {
  task: TaskDetail;
  comments: TaskComment[];
  canComment: boolean;
  canInstruct: boolean;
  onChange: () => void;
}) {
  const action = useAction(onChange);
  const draft = useDraftForm<{ body: string; instruction?: boolean }>(`comment:${task.id}`);
  return (
    <Card title={`评论与批示（${comments.length}）`} size="small" style={{ marginTop: 16 }} data-testid="comments">
      <List
        size="small"
        dataSource={comments}
        locale={{ emptyText: '暂无评论' }}
        renderItem={(c) => (
          <List.Item data-testid="comment">
            <div style={{ width: '100%' }}>
              <Space wrap>
                <b>{c.author.name}</b>
                {c.instruction && <Tag color="red">批示</Tag>}
                <small style={{ color: '#666' }}>{formatDateTime(c.createdAt)}</small>
              </Space>
              <div style={{ whiteSpace: 'pre-wrap' }}>{c.body}</div>
            </div>
          </List.Item>
        )}
      />
      {canComment && (
        <Form
          form={draft.form}
          name="taskComment"
          layout="vertical"
          initialValues={draft.initialValues}
          onValuesChange={draft.onValuesChange}
          style={{ marginTop: 12 }}
          onFinish={(v) =>
            action.mutate({
              path: `/tasks/${task.id}/comments`,
              body: { body: v.body, instruction: canInstruct ? !!v.instruction : undefined },
              ok: v.instruction ? '批示已发布' : '评论已发布',
              then: draft.done,
            })
          }
        >
          <Form.Item label="评论（@姓名 可提醒对方）" name="body" rules={[{ required: true, whitespace: true, message: '请填写内容' }]}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          {canInstruct && (
            <Form.Item name="instruction" valuePropName="checked">
              <Checkbox>作为领导批示（显示在任务顶部）</Checkbox>
            </Form.Item>
          )}
          <Button htmlType="submit" loading={action.isPending}>
            发布
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** 定期报送: each period's report, its deadline and whether it came. */
function ReportSlotsCard({ task }: { task: TaskDetail }) {
  const slots = useReportSlots(task);
  const missed = (slots.data ?? []).filter((s) => s.status === 'missed').length;
  return (
    <Card
      title={`定期报送（${task.reportEvery ? REPORT_CYCLE_LABELS[task.reportEvery] : ''}，次月 ${task.reportDueDay} 日前${missed ? `；逾期未报 ${missed} 期` : ''}）`}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="report-slots"
    >
      {slots.error && <QueryError error={slots.error} />}
      <List
        size="small"
        loading={slots.isLoading}
        dataSource={slots.data ?? []}
        locale={{ emptyText: '尚无报送期' }}
        renderItem={(s) => (
          <List.Item data-testid="report-slot">
            <Space wrap>
              <b>{periodLabel(s.period)}</b>
              <Tag color={SLOT_STATUS[s.status].color}>{SLOT_STATUS[s.status].label}</Tag>
              <span style={{ color: '#666' }}>截止 {formatDate(s.dueDate)}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function useReportSlots(task: TaskDetail) {
  return useQuery({
    queryKey: ['task', task.id, 'report-slots'],
    queryFn: () => get<ReportSlot[]>(`/tasks/${task.id}/report-slots`),
    enabled: !!task.reportEvery,
  });
}

/** 配合单位反馈: each co-department's own periods (all of them for the lead and supervisors, its own for a co-department). */
function useCoReportSlots(task: TaskDetail) {
  return useQuery({
    queryKey: ['task', task.id, 'co-report-slots'],
    queryFn: () => get<CoDepartmentSlots[]>(`/tasks/${task.id}/co-report-slots`),
    enabled: !!task.reportEvery && task.coDepartmentsReport,
  });
}

/** 配合单位反馈: per co-department, its latest report, the periods it missed, and every period's state. */
function CoReportSlotsCard({ task }: { task: TaskDetail }) {
  const co = useCoReportSlots(task);
  const today = todayInPlanZone();
  return (
    <Card title="配合单位反馈（各配合单位按同一周期报送本单位负责部分）" size="small" style={{ marginTop: 16 }} data-testid="co-report-slots">
      {co.error && <QueryError error={co.error} />}
      <List
        size="small"
        loading={co.isLoading}
        dataSource={co.data ?? []}
        rowKey={(d) => d.departmentCode}
        locale={{ emptyText: '无配合单位' }}
        renderItem={(d) => (
          <List.Item data-testid="co-department-slots">
            <Space direction="vertical" size={4}>
              <Space wrap>
                <b>{d.departmentName}</b>
                <span>
                  最近报送：
                  {d.latest ? `${periodLabel(d.latest.period)}（${SLOT_STATUS[d.latest.status].label}）` : '尚未报送'}
                </span>
                {d.missed.length > 0 && <Tag color={SLOT_STATUS.missed.color}>逾期未报 {d.missed.length} 期</Tag>}
              </Space>
              {d.missed.length > 0 && <span style={{ color: '#666' }}>未报：{d.missed.map(periodLabel).join('、')}</span>}
              <Space wrap size={4}>
                {/* The periods begun so far: a five-year monthly task has sixty. */}
                {d.slots
                  .filter((s) => s.from <= today)
                  .map((s) => (
                    <Tag key={s.period} color={SLOT_STATUS[s.status].color}>
                      {periodLabel(s.period)} {SLOT_STATUS[s.status].label}
                    </Tag>
                  ))}
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 分解: the sub-tasks with their progress, and the way to add one. */
function ChildrenCard({ task, canSplit }: { task: TaskDetail; canSplit: boolean }) {
  const navigate = useNavigate();
  const { name } = useDepartments();
  const today = todayInPlanZone();
  const children = useQuery({
    queryKey: ['tasks', 'children', task.id],
    queryFn: () => get<Page<TaskSummary>>(`/tasks?parentId=${task.id}&limit=100`),
    enabled: task.children.total > 0,
  });
  if (task.children.total === 0 && !canSplit) return null;
  return (
    <Card
      title={`子任务（已办结 ${task.children.completed}/${task.children.total}${task.children.percent !== null ? `，${task.children.percent}%` : ''}）`}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="children"
      extra={
        canSplit && (
          <Button size="small" onClick={() => navigate(`/tasks/new?parent=${task.id}`)}>
            分解子任务
          </Button>
        )
      }
    >
      <List
        size="small"
        loading={children.isLoading}
        dataSource={children.data?.items ?? []}
        locale={{ emptyText: '尚未分解' }}
        renderItem={(c) => (
          <List.Item>
            <Space wrap>
              <StatusTag status={c.status} />
              <LightDot light={lightOf(c, today)} />
              <Link to={`/tasks/${c.id}`}>{c.title}</Link>
              <span style={{ color: '#666' }}>
                {name(c.leadDepartmentCode)} · 截止 {dueDateText(c.dueDate)}
              </span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Space on the drop zone (the span antd marks role="button") opens the file chooser, as Enter does. */
function openOnSpace(event: KeyboardEvent<HTMLDivElement>) {
  const target = event.target as HTMLElement;
  if (event.key !== ' ' || !target.matches('.ant-upload[role="button"]')) return;
  event.preventDefault();
  target.querySelector<HTMLInputElement>('input[type="file"]')?.click();
}

function EvidenceCard({ task, canUpload, onChange }: { task: TaskDetail; canUpload: boolean; onChange: () => void }) {
  const { message } = App.useApp();
  const [uploads, setUploads] = useState<{ name: string; percent: number; error?: string }[]>([]);
  return (
    <Card title={`佐证材料（${task.evidence.length}）`} size="small" style={{ marginTop: 16 }}>
      {canUpload && (
        <>
          {/* antd's drop zone is a role="button" that opens the file chooser on Enter only; a button also answers Space (WAI-ARIA). */}
          <div onKeyDown={openOnSpace}>
            <Upload.Dragger
              multiple
              showUploadList={false}
              customRequest={({ file, onSuccess, onError }) => {
                const f = file as File;
                setUploads((u) => [...u.filter((x) => x.name !== f.name), { name: f.name, percent: 0 }]);
                uploadFile<Evidence>(`/tasks/${task.id}/evidence`, f, (percent) => setUploads((u) => u.map((x) => (x.name === f.name ? { ...x, percent } : x))))
                  .then((evidence) => {
                    onSuccess?.(evidence);
                    message.success(`已上传：${f.name}`);
                    setUploads((u) => u.filter((x) => x.name !== f.name));
                    onChange();
                  })
                  .catch((error: unknown) => {
                    onError?.(error as Error);
                    setUploads((u) => u.map((x) => (x.name === f.name ? { ...x, error: errorText(error) } : x)));
                  });
              }}
            >
              <p style={{ margin: 0 }}>
                将文件拖到此处，或<a>点击选择文件</a>
              </p>
              <p style={{ margin: 0, color: '#666' }}>支持 PDF、Word、Excel、图片等，单个文件不超过 50 MB</p>
            </Upload.Dragger>
          </div>
          {uploads.map((u) => (
            <div key={u.name} style={{ marginTop: 8 }} data-testid="upload-progress">
              <div>{u.name}</div>
              <Progress percent={u.percent} status={u.error ? 'exception' : u.percent >= 100 ? 'success' : 'active'} aria-label={`上传进度：${u.name}`} />
              {u.error && <Typography.Text type="danger">{u.error}</Typography.Text>}
            </div>
          ))}
        </>
      )}
      <List
        size="small"
        dataSource={task.evidence}
        locale={{ emptyText: '尚未上传佐证材料' }}
        renderItem={(e) => (
          <List.Item
            actions={[
              <Button
                key="d"
                size="small"
                type="link"
                onClick={() => download(`/tasks/${task.id}/evidence/${e.id}`, e.filename).catch((err) => message.error(errorText(err)))}
              >
                下载
              </Button>,
            ]}
          >
            <List.Item.Meta title={e.filename} description={`${formatBytes(e.size)} · ${formatDateTime(e.createdAt)}`} />
          </List.Item>
        )}
      />
    </Card>
  );
}

function useAction(onChange: () => void) {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown; ok: string; then?: () => void }) => post(path, body),
    onSuccess: (_data, { ok, then }) => {
      message.success(ok);
      then?.();
      onChange();
    },
    onError: (error) => message.error(errorText(error), 6),
  });
}

function TaskActions({ task, actions, onChange }: { task: TaskDetail; actions: ReturnType<typeof availableActions>; onChange: () => void }) {
  const action = useAction(onChange);
  const progress = useDraftForm<{ note: string; percent?: number; period?: string }>(`progress:${task.id}`);
  const { user } = useAuth();
  const slots = useReportSlots(task);
  const co = useCoReportSlots(task);
  const today = todayInPlanZone();
  // A co-department files its own periods (配合单位反馈), none without the switch; the lead files the task's.
  const coDepartment = user?.departmentCode && task.coDepartmentCodes.includes(user.departmentCode) ? user.departmentCode : null;
  const own = coDepartment ? (co.data?.find((d) => d.departmentCode === coDepartment)?.slots ?? []) : (slots.data ?? []);
  // Periods a report may file: begun ones, the earliest unfiled first offered.
  const periods = own.filter((s) => s.from <= today);
  const submit = useDraftForm<{ summary: string; evidenceIds: string[] }>(`submit:${task.id}`);
  const approve = useDraftForm<{ grade?: Grade; comment?: string }>(`approve:${task.id}`);
  const signOff = useDraftForm<{ comment?: string }>(`signoff:${task.id}`);
  const [open, setOpen] = useState<'submit' | 'approve' | 'signoff' | ReasonKind | null>(null);
  const shown = [...actions].filter((a) => a !== 'edit' && a !== 'endorse');
  if (shown.length === 0) return null;
  return (
    <Card title="办理" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        {actions.has('accept') && (
          <Button
            type="primary"
            block
            loading={action.isPending}
            onClick={() => action.mutate({ path: `/tasks/${task.id}/accept`, body: { version: task.version }, ok: '已签收' })}
          >
            签收任务
          </Button>
        )}
        {actions.has('progress') && (
          <Form
            form={progress.form}
            layout="vertical"
            initialValues={progress.initialValues}
            onValuesChange={progress.onValuesChange}
            onFinish={(v) =>
              action.mutate({
                path: `/tasks/${task.id}/progress`,
                body: { note: v.note, percent: v.percent ?? undefined, period: v.period || undefined },
                ok: '进展已报送',
                then: progress.done,
              })
            }
          >
            <Form.Item label="报送进展" name="note" rules={[{ required: true, whitespace: true, message: '请填写进展说明' }]}>
              <Input.TextArea rows={3} placeholder="本阶段完成情况、下一步计划" maxLength={10000} />
            </Form.Item>
            {periods.length > 0 && (
              <Form.Item label="报送期" name="period" extra="按期报送请选择对应的报送期；同一期可再次报送作为补充">
                <Select
                  allowClear
                  style={{ maxWidth: 240 }}
                  options={periods.map((s) => ({ value: s.period, label: `${periodLabel(s.period)}（${SLOT_STATUS[s.status].label}）` }))}
                />
              </Form.Item>
            )}
            <Form.Item label="完成进度（%）" name="percent">
              <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} />
            </Form.Item>
            <Button htmlType="submit" loading={action.isPending}>
              报送进展
            </Button>
          </Form>
        )}
        {actions.has('submit') && (
          <Button
            type="primary"
            block
            onClick={() => {
              // The form was mounted before the uploads: offer every file unless the user already chose.
              if (!(submit.form.getFieldValue('evidenceIds') as string[] | undefined)?.length)
                submit.form.setFieldsValue({ evidenceIds: task.evidence.map((e) => e.id) });
              setOpen('submit');
            }}
          >
            提交办结
          </Button>
        )}
        {actions.has('signoff') && (
          <Button type="primary" block onClick={() => setOpen('signoff')}>
            审签同意，报督查审核
          </Button>
        )}
        {actions.has('leaderReturn') && (
          <Button danger block onClick={() => setOpen('return')}>
            退回联络员修改
          </Button>
        )}
        {actions.has('approve') && (
          <Button type="primary" block onClick={() => setOpen('approve')}>
            审核通过
          </Button>
        )}
        {actions.has('return') && (
          <Button danger block onClick={() => setOpen('return')}>
            退回
          </Button>
        )}
        {actions.has('cancel') && (
          <Button block onClick={() => setOpen('cancel')}>
            撤销任务
          </Button>
        )}
        {actions.has('reopen') && (
          <Button block onClick={() => setOpen('reopen')}>
            重新打开
          </Button>
        )}
      </Space>
      <Modal
        title="提交办结"
        open={open === 'submit'}
        okText="提交"
        cancelText="取消"
        confirmLoading={action.isPending}
        onCancel={() => setOpen(null)}
        onOk={() => submit.form.submit()}
        forceRender
      >
        <Form
          form={submit.form}
          layout="vertical"
          initialValues={{ evidenceIds: task.evidence.map((e) => e.id), ...submit.initialValues }}
          onValuesChange={submit.onValuesChange}
          onFinish={(v) =>
            action.mutate({
              path: `/tasks/${task.id}/submit`,
              body: { summary: v.summary, evidenceIds: v.evidenceIds ?? [], version: task.version },
              ok: task.requireSignOff ? '已提交，等待负责人审签' : '已提交，等待督查审核',
              then: () => {
                submit.done();
                setOpen(null);
              },
            })
          }
        >
          <Form.Item label="办结说明" name="summary" rules={[{ required: true, whitespace: true, message: '请填写办结说明' }]}>
            <Input.TextArea rows={4} maxLength={10000} />
          </Form.Item>
          <Form.Item
            label="佐证材料（至少一项）"
            name="evidenceIds"
            rules={[{ required: true, type: 'array', min: 1, message: '请先上传并勾选至少一份佐证材料' }]}
          >
            <CheckboxGroupField options={task.evidence.map((e) => ({ value: e.id, label: e.filename }))} style={{ display: 'flex', flexDirection: 'column' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title="审核通过"
        open={open === 'approve'}
        okText="通过"
        cancelText="取消"
        confirmLoading={action.isPending}
        onCancel={() => setOpen(null)}
        onOk={() => approve.form.submit()}
        forceRender
      >
        <Form
          form={approve.form}
          layout="vertical"
          initialValues={approve.initialValues}
          onValuesChange={approve.onValuesChange}
          onFinish={(v) =>
            action.mutate({
              path: `/tasks/${task.id}/approve`,
              body: { grade: v.grade, comment: v.comment || undefined, version: task.version },
              ok: '已审核通过，任务办结',
              then: () => {
                approve.done();
                setOpen(null);
              },
            })
          }
        >
          <Form.Item label="评定等次" name="grade" rules={[{ required: true, message: '请选择评定等次' }]}>
            <Select options={(Object.keys(GRADE_LABELS) as Grade[]).map((g) => ({ value: g, label: GRADE_LABELS[g] }))} style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item label="审核意见" name="comment">
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title="负责人审签"
        open={open === 'signoff'}
        okText="审签同意"
        cancelText="取消"
        confirmLoading={action.isPending}
        onCancel={() => setOpen(null)}
        onOk={() => signOff.form.submit()}
        forceRender
      >
        <Form
          form={signOff.form}
          name="signoff"
          layout="vertical"
          initialValues={signOff.initialValues}
          onValuesChange={signOff.onValuesChange}
          onFinish={(v) =>
            action.mutate({
              path: `/tasks/${task.id}/sign-off`,
              body: { comment: v.comment || undefined, version: task.version },
              ok: '已审签，报督查审核',
              then: () => {
                signOff.done();
                setOpen(null);
              },
            })
          }
        >
          <Form.Item label="审签意见（可选）" name="comment">
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
        </Form>
      </Modal>
      {(['return', 'cancel', 'reopen'] as const).map((kind) => (
        <ReasonModal key={kind} kind={kind} task={task} open={open === kind} onClose={() => setOpen(null)} onChange={onChange} />
      ))}
    </Card>
  );
}

type ReasonKind = 'return' | 'cancel' | 'reopen';

const REASON_STEPS: Record<ReasonKind, { title: string; label: string; okText: string; ok: string; danger: boolean }> = {
  return: { title: '退回任务', label: '退回理由', okText: '退回', ok: '已退回', danger: true },
  cancel: { title: '撤销任务（不再提醒，不计入统计和考核）', label: '撤销理由', okText: '撤销', ok: '任务已撤销', danger: true },
  reopen: { title: '重新打开任务', label: '重新打开的理由', okText: '重新打开', ok: '任务已重新打开，恢复办理', danger: false },
};

/** Return, cancel and reopen: one step that must say why. */
function ReasonModal({
  kind,
  task,
  open,
  onClose,
  onChange,
}: {
  kind: ReasonKind;
  task: TaskDetail;
  open: boolean;
  onClose: () => void;
  onChange: () => void;
}) {
  const action = useAction(onChange);
  const draft = useDraftForm<{ reason: string; children?: 'cancel' | 'keep' }>(`${kind}:${task.id}`);
  const step = REASON_STEPS[kind];
  // Cancelling a parent: its unfinished sub-tasks are cancelled with it or kept (the API asks when there are any).
  const askChildren = kind === 'cancel' && task.children.total > task.children.completed;
  return (
    <Modal
      title={step.title}
      open={open}
      okText={step.okText}
      okButtonProps={{ danger: step.danger }}
      cancelText="取消"
      confirmLoading={action.isPending}
      onCancel={onClose}
      onOk={() => draft.form.submit()}
      forceRender
    >
      <Form
        form={draft.form}
        name={kind}
        layout="vertical"
        initialValues={draft.initialValues}
        onValuesChange={draft.onValuesChange}
        onFinish={(v) =>
          action.mutate({
            path: `/tasks/${task.id}/${kind}`,
            body: { reason: v.reason, version: task.version, ...(askChildren ? { children: v.children } : {}) },
            ok: step.ok,
            then: () => {
              draft.done();
              onClose();
            },
          })
        }
      >
        <Form.Item label={step.label} name="reason" rules={[{ required: true, whitespace: true, message: `请填写${step.label}` }]}>
          <Input.TextArea rows={4} maxLength={10000} />
        </Form.Item>
        {askChildren && (
          <Form.Item label="未办结的子任务" name="children" rules={[{ required: true, message: '请选择子任务的处理方式' }]}>
            <Radio.Group
              options={[
                { value: 'cancel', label: '一并撤销' },
                { value: 'keep', label: '保留，继续办理' },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

const EXTENSION_STATUS: Record<string, { label: string; color: string }> = {
  awaiting_leader: { label: '待负责人同意', color: 'purple' },
  pending: { label: '待审批', color: 'gold' },
  approved: { label: '已同意', color: 'green' },
  rejected: { label: '未同意', color: 'red' },
};

function ExtensionCard({
  task,
  canRequest,
  canEndorse,
  canDecide,
  onChange,
}: {
  task: TaskDetail;
  canRequest: boolean;
  canEndorse: boolean;
  canDecide: boolean;
  onChange: () => void;
}) {
  const action = useAction(onChange);
  const ask = useDraftForm<{ requestedDueDate: string; reason: string }>(`extension:${task.id}`);
  const [comment, setComment] = useState('');
  if (!canRequest && task.extensionRequests.length === 0) return null;
  return (
    <Card title="延期申请" size="small" style={{ marginTop: 16 }}>
      <List
        size="small"
        dataSource={task.extensionRequests}
        locale={{ emptyText: '无延期申请' }}
        renderItem={(r) => (
          <List.Item data-testid="extension-request">
            <div style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={EXTENSION_STATUS[r.status]?.color}>{EXTENSION_STATUS[r.status]?.label ?? r.status}</Tag>
                {formatDate(r.currentDueDate)} → {formatDate(r.requestedDueDate)}
              </Space>
              <div>理由：{r.reason}</div>
              {r.decisionComment && <div>审批意见：{r.decisionComment}</div>}
              {canEndorse && r.status === 'awaiting_leader' && (
                <Space wrap style={{ marginTop: 8 }}>
                  <Input placeholder="意见（可选）" value={comment} onChange={(e) => setComment(e.target.value)} style={{ width: 200 }} />
                  {([true, false] as const).map((agree) => (
                    <Button
                      key={String(agree)}
                      type={agree ? 'primary' : 'default'}
                      danger={!agree}
                      size="small"
                      loading={action.isPending}
                      onClick={() =>
                        action.mutate({
                          path: `/extension-requests/${r.id}/endorse`,
                          body: comment ? { agree, comment } : { agree },
                          ok: agree ? '已同意，报督查审批' : '已驳回延期申请',
                          then: () => setComment(''),
                        })
                      }
                    >
                      {agree ? '同意，报督查审批' : '不同意'}
                    </Button>
                  ))}
                </Space>
              )}
              {canDecide && r.status === 'pending' && (
                <Space wrap style={{ marginTop: 8 }}>
                  <Input placeholder="审批意见（可选）" value={comment} onChange={(e) => setComment(e.target.value)} style={{ width: 200 }} />
                  <Button
                    type="primary"
                    size="small"
                    loading={action.isPending}
                    onClick={() =>
                      action.mutate({
                        path: `/extension-requests/${r.id}/approve`,
                        body: comment ? { comment } : {},
                        ok: '已同意延期，截止日期已调整',
                        then: () => setComment(''),
                      })
                    }
                  >
                    同意
                  </Button>
                  <Button
                    danger
                    size="small"
                    loading={action.isPending}
                    onClick={() =>
                      action.mutate({
                        path: `/extension-requests/${r.id}/reject`,
                        body: comment ? { comment } : {},
                        ok: '已驳回延期申请',
                        then: () => setComment(''),
                      })
                    }
                  >
                    不同意
                  </Button>
                </Space>
              )}
            </div>
          </List.Item>
        )}
      />
      {canRequest && !task.extensionRequests.some((r) => r.status === 'pending' || r.status === 'awaiting_leader') && (
        <Form
          form={ask.form}
          layout="vertical"
          initialValues={ask.initialValues}
          onValuesChange={ask.onValuesChange}
          style={{ marginTop: 12 }}
          onFinish={(v) => action.mutate({ path: `/tasks/${task.id}/extension-requests`, body: v, ok: '延期申请已提交', then: ask.done })}
        >
          <Form.Item label="申请延期至" name="requestedDueDate" rules={[{ required: true, message: '请选择新的截止日期' }]} {...dateField}>
            <ChineseDatePicker disabledPast />
          </Form.Item>
          <Form.Item label="延期理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}>
            <Input.TextArea rows={2} maxLength={10000} />
          </Form.Item>
          <Button htmlType="submit" loading={action.isPending}>
            申请延期
          </Button>
        </Form>
      )}
    </Card>
  );
}
