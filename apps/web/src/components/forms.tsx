import { Checkbox, DatePicker, Form, type FormInstance } from 'antd';
import type { ComponentProps } from 'react';
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { clearDraft, loadDraft, saveDraft } from '../lib/drafts';

/**
 * An antd form whose typed values are kept as a draft (sessionStorage) until
 * `done()` is called after a successful request: a failed request, a reload or
 * leaving the page loses nothing.
 */
export function useDraftForm<T extends object>(
  key: string,
): {
  form: FormInstance<T>;
  initialValues: Partial<T> | undefined;
  onValuesChange: (_: unknown, all: T) => void;
  done: () => void;
} {
  const [form] = Form.useForm<T>();
  const initialValues = useMemo(() => loadDraft<T>(key), [key]);
  const onValuesChange = useCallback((_: unknown, all: T) => saveDraft(key, all as Record<string, unknown>), [key]);
  const done = useCallback(() => {
    clearDraft(key);
    form.resetFields();
  }, [form, key]);
  return { form, initialValues, onValuesChange, done };
}

/** Props that make a DatePicker field hold `YYYY-MM-DD` strings (what the API takes, and what a draft can keep). */
export const dateField = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value: dayjs.Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

export function ChineseDatePicker(props: { value?: dayjs.Dayjs; onChange?: (value: dayjs.Dayjs | null) => void; disabledPast?: boolean; id?: string }) {
  return (
    <DatePicker
      id={props.id}
      value={props.value}
      onChange={(value) => props.onChange?.(value)}
      format="YYYY年M月D日"
      style={{ width: '100%', maxWidth: 240 }}
      disabledDate={props.disabledPast ? (d) => d.isBefore(dayjs().startOf('day')) : undefined}
    />
  );
}

/**
 * A required group of checkboxes in a Form.Item: antd's item marks its control aria-required, which ARIA does not
 * allow on a group (axe: aria-allowed-attr, critical); the item's label and its announced error say it instead.
 */
export function CheckboxGroupField(props: ComponentProps<typeof Checkbox.Group> & { 'aria-required'?: unknown }) {
  const { 'aria-required': _required, ...rest } = props;
  return <Checkbox.Group role="group" {...rest} />;
}
