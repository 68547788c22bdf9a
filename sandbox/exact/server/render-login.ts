/**
 * Exact's classic login page (`LoginForm_UserName`, `LoginForm_Password`,
 * `LoginForm_btnSave`). A signed-out REST call lands here; the sandbox never checks a password:
 * posting the form signs the session in again.
 */

import { labelsFor } from '../page/labels';
import { html, type SafeHtml } from './html';
import type { SandboxLanguage } from './options';
import { ERROR_CSS } from './styles';

export const LOGIN_PATH = '/docs/Login.aspx';

export function renderLogin(language: SandboxLanguage, action: string): SafeHtml {
  const labels = labelsFor(language);
  return html`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${labels.appTitle}</title><style>${ERROR_CSS}</style></head>
<body><form id="LoginForm" method="post" action="${action}">
<input type="text" id="LoginForm_UserName" name="LoginForm$UserName" autocomplete="username">
<input type="password" id="LoginForm_Password" name="LoginForm$Password" autocomplete="current-password">
<button type="submit" id="LoginForm_btnSave">${labels.login}</button>
</form></body></html>`;
}
