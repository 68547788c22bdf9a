import { useEffect, useState } from 'preact/hooks';
import { errorText, t } from '../shared/i18n';
import { openOverview } from '../ui/open-overview';
import { ReadOnlyNotice } from '../ui/read-only-notice';
import { AuditSection } from './audit-section';
import { ConnectionStatusView } from './connection-status';
import { DataSection } from './data-section';
import { LanguagePicker } from './language-picker';
import { createOptionsModel, type OptionsModel } from './options-model';
import { OrganisationPicker } from './organisation-picker';
import { TokenForm } from './token-form';
import { TokenHelp } from './token-help';

export function OptionsApp({ model: given }: { model?: OptionsModel }) {
  const [model] = useState(() => given ?? createOptionsModel());
  useEffect(() => {
    void model.start();
  }, [model]);

  const status = model.status.value;
  const showForm = status !== null && (!status.connected || model.editing.value);
  const result = model.testResult.value;
  return (
    <div class="options">
      <header>
        <h1>{t('options_title')}</h1>
        <p class="muted">{t('options_intro')}</p>
        {status?.connected && (
          <button type="button" class="button" data-testid="open-overview" onClick={openOverview}>
            {t('overview_open')}
          </button>
        )}
      </header>
      <ReadOnlyNotice variant="banner" />
      <section class="card">
        <h2>{t('section_connection')}</h2>
        <ConnectionStatusView model={model} />
        {showForm && <TokenForm model={model} />}
        {showForm && result && <OrganisationPicker model={model} result={result} />}
        {/* The form shows its own errors; this covers a failed status check or disconnect. */}
        {!showForm && model.error.value && (
          <p class="message error" role="alert" data-testid="error-message">
            {errorText(model.error.value)}
          </p>
        )}
      </section>
      {showForm && <TokenHelp />}
      {status?.connected && <DataSection />}
      {status?.connected && <AuditSection />}
      <LanguagePicker model={model} />
    </div>
  );
}
