import type { UrenbrugError } from '../shared/errors';
import { errorText, t } from '../shared/i18n';
import { openOptions } from './open-options';

interface Props {
  error: UrenbrugError;
  offline: boolean;
}

/** The last refresh's failure, shown above whatever data is still on screen. */
export function StatusMessage({ error, offline }: Props) {
  // A new token or scopes is the fix for these, and that happens in the options page.
  const needsOptions = error.code === 'auth' || error.code === 'not_connected' || error.code === 'forbidden';
  return (
    <div class={offline ? 'status offline' : 'status error'} role="alert">
      {offline && (
        <strong class="offline-marker" data-testid="offline-marker">
          {t('offline_marker')}
        </strong>
      )}
      <p data-testid="error-message">{errorText(error)}</p>
      {needsOptions && (
        <button type="button" class="button small" onClick={openOptions}>
          {t('open_options')}
        </button>
      )}
    </div>
  );
}
