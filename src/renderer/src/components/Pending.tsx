/** An indeterminate or determinate progress bar with its words, announced politely. */
export function Pending({ label, done, total }: { label: string; done?: number; total?: number | null }) {
  const determinate = typeof done === 'number' && typeof total === 'number' && total > 0;
  return (
    <div className="pending" role="status">
      <progress aria-label={label} max={determinate ? total : undefined} value={determinate ? done : undefined} />
      <span>{determinate ? `${label} ${done.toLocaleString()} / ${total.toLocaleString()}` : label}</span>
    </div>
  );
}
