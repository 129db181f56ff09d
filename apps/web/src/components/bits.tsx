import { Alert, Button, Space, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../lib/errors';
import { useLargeText } from '../lib/large-text';
import { LIGHT_COLORS, LIGHT_LABELS, STATUS_COLORS, STATUS_LABELS, type Light, type TaskStatus } from '../lib/tasks';

/** The traffic light: a coloured dot and its word (colour alone says nothing to a screen reader). */
export function LightDot({ light, title }: { light: Light; title?: string }) {
  return (
    <Tooltip title={title}>
      <span data-light={light} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
        <span aria-hidden style={{ width: 12, height: 12, borderRadius: 6, background: LIGHT_COLORS[light], display: 'inline-block' }} />
        {LIGHT_LABELS[light]}
      </span>
    </Tooltip>
  );
}

export function StatusTag({ status }: { status: TaskStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{STATUS_LABELS[status] ?? status}</Tag>;
}

/** A failed query, in words, with a retry. */
export function QueryError({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error)}
      action={
        retry ? (
          <Button size="small" onClick={retry}>
            重试
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  const { large } = useLargeText();
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16, flexWrap: 'wrap' }}>
      <h2 style={{ margin: 0, fontSize: large ? 26 : 20 }}>{children}</h2>
      {extra}
    </Space>
  );
}
