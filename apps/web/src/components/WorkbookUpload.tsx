import { Alert, Button, Card, Space, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { download, uploadFile } from '../lib/api';
import { errorText } from '../lib/errors';

/** What every import answers: the problems found (none, and the import may be confirmed). */
interface WorkbookReport {
  errors: unknown[];
}

export interface WorkbookUploadProps<R extends WorkbookReport> {
  /** The import route (`/tasks/import`, `/users/import`, may carry a query); `dryRun=` is added. */
  path: string;
  /** A 下载模板 button beside the file picker; leave it out when the page shows one elsewhere. */
  template?: { path: string; filename: string };
  /** What the file should hold, above the buttons. */
  intro: ReactNode;
  /** The buttons and intro inside a small card (a page), or bare (a dialog). */
  framed?: boolean;
  failureTitle: string;
  /** Whether the previewed report may be imported (no problem, something to import). */
  canConfirm: (report: R) => boolean;
  /** The line over the preview. */
  summary: (report: R) => { type: 'success' | 'error'; title: string };
  /** Hides the picker and buttons once the report says the work is done. */
  finished?: (report: R) => boolean;
  /** After a confirmed import. */
  onImported?: (report: R) => void;
  /** The preview (or the result) of the report. */
  children: (report: R) => ReactNode;
}

/**
 * An .xlsx import in two steps, shared by 导入分工表 and 批量导入用户: pick a file, 预览 (a dry run naming every
 * problem), then 确认导入 once the preview is clean; a file the server cannot read shows why.
 */
export function WorkbookUpload<R extends WorkbookReport>(props: WorkbookUploadProps<R>) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clean = report !== null && props.canConfirm(report);

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await uploadFile<R>(`${props.path}${props.path.includes('?') ? '&' : '?'}dryRun=${dryRun}`, file, () => undefined);
      setReport(result);
      if (!dryRun) props.onImported?.(result);
    } catch (error) {
      setReport(null);
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const { template } = props;
  const controls = (
    <Space wrap>
      {template && <Button onClick={() => void download(template.path, template.filename)}>下载模板</Button>}
      <Upload
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(picked) => {
          setFile(picked);
          setReport(null);
          setFailure(null);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setReport(null);
        }}
      >
        <Button>选择文件</Button>
      </Upload>
      <Button type="primary" disabled={!file} loading={busy && !clean} onClick={() => void send(true)}>
        预览
      </Button>
      <Button type="primary" disabled={!clean || busy} loading={busy && clean} onClick={() => void send(false)}>
        确认导入
      </Button>
    </Space>
  );
  const head = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {props.intro}
      {!(report && props.finished?.(report)) && controls}
    </Space>
  );
  const summary = report && props.summary(report);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {props.framed ? <Card size="small">{head}</Card> : head}
      {failure && <Alert type="error" showIcon title={props.failureTitle} description={failure} />}
      {summary && <Alert showIcon type={summary.type} title={summary.title} />}
      {report && props.children(report)}
    </Space>
  );
}
