import { formatYmd } from '../../../core/period';
import { type MessageKey, t } from '../../../shared/i18n';
import type { AnchorCheck } from '../../exact/types';
import type { ScreenCheckModel } from '../model/screen-check-model';
import { trustedAction } from './trusted-action';

function anchorName(check: AnchorCheck): string {
  return t(`anchor_${check.anchor}` as MessageKey);
}

/** One line per optional anchor whose absence costs something (docs/architecture.md, Anchor tiers). */
export function ScreenCosts({ model }: { model: ScreenCheckModel }) {
  const costs = model.costs.value;
  if (costs.length === 0) return null;
  return (
    <ul class="notice info screen-costs" data-testid="screen-costs">
      {costs.map((check) => (
        <li key={check.anchor} data-testid="screen-missing" data-anchor={check.anchor}>
          {t(`screen_cost_${check.anchor}` as MessageKey)}
        </li>
      ))}
    </ul>
  );
}

/** Saves text as a file through an object URL: no `downloads` permission, nothing leaves the browser. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked on the next turn: the click has handed the URL to the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "Scherm controleren": every anchor with how it was found, and the anonymised skeleton to send. */
export function ScreenCheck({ model }: { model: ScreenCheckModel }) {
  if (!model.available) return null;
  const open = model.open.value;
  return (
    <section class="screen-check" data-testid="screen-check">
      <button type="button" class="link" aria-expanded={open} onClick={trustedAction(() => model.toggle())}>
        {t('screen_check_action')}
      </button>
      {open && (
        <>
          <p class="hint">{t('screen_check_hint')}</p>
          {model.failure.value !== null && <p class="notice error">{model.failure.value}</p>}
          <ul class="screen-check-list">
            {model.checks.value.map((check) => (
              <li
                key={check.anchor}
                class={check.found ? 'found' : 'missing'}
                data-testid="screen-check-row"
                data-anchor={check.anchor}
                data-found={String(check.found)}
              >
                <span class="check-mark" aria-hidden="true">
                  {check.found ? '✓' : '✗'}
                </span>{' '}
                <strong>{anchorName(check)}</strong>{' '}
                <span>
                  {check.found ? t('screen_check_found') : t('screen_check_missing')}
                  {check.required ? ` (${t('screen_check_required')})` : ''}
                </span>
                <br />
                <code>{check.how}</code>
              </li>
            ))}
          </ul>
          <button
            type="button"
            data-testid="screen-skeleton"
            onClick={trustedAction(() => {
              const text = model.skeleton();
              if (text !== null) download(text, `urenbrug-scherm-${formatYmd(new Date())}.json`);
            })}
          >
            {t('screen_skeleton_download')}
          </button>
        </>
      )}
    </section>
  );
}
