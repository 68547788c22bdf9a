import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { type DatabaseStatus, send } from '../shared/messages';

/**
 * Said once, at the top, when the data is newer than this code (docs/architecture.md, Rolling
 * back the extension): the options page as a banner that names both versions, the panel in one
 * line. Asked once on mount; a failed ask says nothing, the handlers' errors still do.
 */
export function ReadOnlyNotice({ variant }: { variant: 'banner' | 'line' }) {
  const [status, setStatus] = useState<DatabaseStatus | null>(null);
  useEffect(() => {
    send('database.status', {}).then(setStatus, () => setStatus(null));
  }, []);
  if (!status?.readOnly) return null;
  return variant === 'banner' ? (
    <div class="message warning read-only" role="alert" data-testid="database-read-only">
      {t('database_read_only_banner', status.version, status.codeVersion)}
    </div>
  ) : (
    <p class="notice warning" role="alert" data-testid="panel-read-only">
      {t('panel_read_only')}
    </p>
  );
}
