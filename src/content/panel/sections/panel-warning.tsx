import { t } from '../../../shared/i18n';

/** Degraded mode: the page module could not find what it expects on Exact's screen. */
export function PanelWarning({ anchor }: { anchor: string }) {
  return (
    <div class="notice warning" role="alert" data-testid="panel-warning">
      <p>{t('panel_screen_changed')}</p>
      {anchor !== '' && <p class="hint">{t('panel_screen_changed_detail', anchor)}</p>}
    </div>
  );
}
