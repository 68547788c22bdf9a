import { isOffline, type UrenbrugError } from '../../../shared/errors';
import { errorText, t } from '../../../shared/i18n';

/**
 * A background error in words, with what to do about it. The panel runs in Exact's page, where
 * the options page cannot be opened for the user, so it says where to find it instead.
 */
export function ErrorNotice({ error, testId = 'panel-error' }: { error: UrenbrugError; testId?: string }) {
  const offline = isOffline(error);
  const hint =
    error.code === 'not_connected'
      ? t('panel_open_options_hint')
      : error.code === 'auth' || error.code === 'forbidden'
        ? t('panel_reconnect_hint')
        : null;
  return (
    <div class={offline ? 'notice offline' : 'notice error'} role="alert" data-testid={testId}>
      {offline && <strong data-testid="panel-offline">{t('panel_offline')}</strong>}
      <p>{errorText(error)}</p>
      {hint && <p class="hint">{hint}</p>}
    </div>
  );
}
