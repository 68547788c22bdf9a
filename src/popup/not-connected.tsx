import { t } from '../shared/i18n';
import { openOptions } from './open-options';

export function NotConnected() {
  return (
    <section class="empty" data-testid="not-connected">
      <h2>{t('not_connected_title')}</h2>
      <p>{t('not_connected_text')}</p>
      <button type="button" class="button primary" onClick={openOptions} data-testid="open-options">
        {t('open_options')}
      </button>
    </section>
  );
}
