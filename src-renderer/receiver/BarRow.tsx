import { withoutBidiControls } from '../../src-shared/text/free-text';

export interface BarRowProps {
  label: string;
  count: number;
  total: number;
  share: string;
  /** Set for a small group: no bar and no number, only this ("< 5"); see src-shared/privacy/small-groups.ts. */
  hiddenAs?: string;
}

/** One option's bar: the label, a bar as long as its share, the count and the share in words for screen readers too. */
export function BarRow({ label, count, total, share, hiddenAs }: BarRowProps) {
  const width = total === 0 || hiddenAs !== undefined ? 0 : (count / total) * 100;
  return (
    <li className="bar-row" data-testid="bar-row">
      <span className="bar-label">
        <bdi>{withoutBidiControls(label)}</bdi>
      </span>
      <span className="bar-track" aria-hidden="true">
        <span className="bar-fill" style={{ width: `${width}%` }} />
      </span>
      <span className="bar-value" data-testid="bar-value">
        {hiddenAs ?? `${count} (${share})`}
      </span>
    </li>
  );
}
