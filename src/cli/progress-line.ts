const WIDTH = 30;

/** A one-line terminal progress bar (`\r`-prefixed): bar, rows done of total, rate and time left. */
export function progressLine(
  done: number,
  total: number | null,
  startedAt: number,
  now = Date.now(),
): string {
  const seconds = Math.max((now - startedAt) / 1000, 0.001);
  const rate = done / seconds;
  const share = total ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * WIDTH);
  const bar = total ? `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ` : '';
  const of = total ? ` / ${total.toLocaleString('en')}` : '';
  const eta = total && rate > 0 ? `, ${Math.ceil(Math.max(0, total - done) / rate)} s left` : '';
  return `\r${bar}${done.toLocaleString('en')}${of} rows, ${Math.round(rate).toLocaleString('en')}/s${eta}  `;
}
