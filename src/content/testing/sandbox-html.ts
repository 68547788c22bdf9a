/**
 * A sandbox screen's HTML exactly as the sandbox server serves it, in a happy-dom document at the
 * real Exact address, with scripts off: for tests that read a screen (registry, screen check,
 * skeleton) rather than type into it.
 */
import { Window } from 'happy-dom';
import { DEFAULT_DIVISION } from '../../../sandbox/exact/model/seed';

export async function openSandboxHtml(sandboxUrl: string, query: string): Promise<Document> {
  const path = `/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}${query}`;
  return documentAt(path, await (await fetch(`${sandboxUrl}${path}`)).text());
}

/** A fresh document at the Exact address `path` holding `html`, scripts off. */
export function documentAt(path: string, html: string): Document {
  const window = new Window({
    url: `https://start.exactonline.nl${path}`,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}
