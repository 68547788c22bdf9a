import { t } from '../shared/i18n';

/** Where a personal access token comes from in Keeping, and which scopes it needs. */
export function TokenHelp() {
  return (
    <section class="card help">
      <h2>{t('help_title')}</h2>
      <ol>
        <li>{t('help_step_preferences')}</li>
        <li>{t('help_step_developer')}</li>
        <li>{t('help_step_scopes')}</li>
        <li>{t('help_step_admin')}</li>
        <li>{t('help_step_copy')}</li>
      </ol>
      <p class="muted">{t('help_privacy')}</p>
    </section>
  );
}
