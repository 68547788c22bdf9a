/**
 * Billed vs unbilled direct hours as one bar, as Keeping's ratio bar shows them: colour and a
 * pattern (billed hatched), so the split reads without colour too, and the numbers in the label.
 */
import { formatHoursMinutes } from '../core/hours';
import { t } from '../shared/i18n';

export function RatioBar({
  billedMinutes,
  unbilledMinutes,
  testId,
}: {
  billedMinutes: number;
  unbilledMinutes: number;
  testId: string;
}) {
  const direct = billedMinutes + unbilledMinutes;
  const billedPercent = direct === 0 ? 0 : Math.round((billedMinutes * 100) / direct);
  const label = t(
    'ratio_label',
    formatHoursMinutes(billedMinutes),
    formatHoursMinutes(unbilledMinutes),
    String(billedPercent),
  );
  return (
    <div class="ratio" data-testid={testId} title={label}>
      <div class="ratio-bar" role="img" aria-label={label}>
        <span class="ratio-billed" style={{ width: `${billedPercent}%` }} />
        <span class="ratio-unbilled" style={{ width: `${100 - billedPercent}%` }} />
      </div>
      <span class="ratio-text">{label}</span>
    </div>
  );
}
