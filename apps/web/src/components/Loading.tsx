/** While a screen's chunk arrives (a second or two on a weak line): said in words, announced politely. No antd, so it costs the first load nothing. */
export function Loading() {
  return (
    <div role="status" style={{ padding: 24, color: '#595959' }}>
      加载中…
    </div>
  );
}
