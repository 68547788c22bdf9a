import { effect } from '@preact/signals';
import { render } from 'preact';
import { language, t } from '../shared/i18n';
import { installBundledCatalogues } from '../shared/i18n-catalogues';
import { OptionsApp } from './options-app';
import '../ui/page-base.css';
import './options.css';

installBundledCatalogues();

effect(() => {
  document.documentElement.lang = language.value;
  document.title = t('options_title');
});

// The page is ours: render into an element made here instead of looking one up in index.html.
const root = document.createElement('div');
document.body.prepend(root);
render(<OptionsApp />, root);
