import { effect } from '@preact/signals';
import { render } from 'preact';
import { language, setLanguagePreference, t } from '../shared/i18n';
import { installBundledCatalogues } from '../shared/i18n-catalogues';
import { send } from '../shared/messages';
import { OverviewApp } from './overview-app';
import '../ui/page-base.css';
import './overview.css';

installBundledCatalogues();

effect(() => {
  document.documentElement.lang = language.value;
  document.title = t('overview_title');
});

void send('settings.get', {})
  .then((settings) => setLanguagePreference(settings.language))
  .catch(() => undefined);

// The page is ours: render into an element made here instead of looking one up in index.html.
const root = document.createElement('div');
document.body.prepend(root);
render(<OverviewApp />, root);
