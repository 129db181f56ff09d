import { Table, type TableProps } from 'antd';
import type { TableRef } from 'antd/es/table';
import { useEffect, useRef } from 'react';

/**
 * antd's Table, keyboard-scrollable: a table wider than the screen scrolls sideways, which the keyboard can do only
 * once the scrolling box takes focus (WCAG 2.1.1; axe: scrollable-region-focusable). antd offers no prop for that box
 * (`.ant-table-content`), so the table marks its own after each render: a Tab stop, a region, named.
 */
export function ScrollTable<T extends object>(props: TableProps<T>) {
  const table = useRef<TableRef>(null);
  useEffect(() => {
    // antd's hidden row that measures column widths repeats the header's controls (the select-all box): out of the Tab order (axe: aria-hidden-focus).
    for (const row of table.current?.nativeElement.querySelectorAll<HTMLElement>('.ant-table-measure-row:not([inert])') ?? []) row.inert = true;
    const region = table.current?.nativeElement.querySelector<HTMLElement>('.ant-table-scroll-horizontal .ant-table-content:not([tabindex])');
    if (!region) return;
    region.tabIndex = 0;
    region.setAttribute('role', 'region');
    region.setAttribute('aria-label', '表格（可左右滚动）');
  });
  return <Table<T> ref={table} {...props} />;
}
