/** Helpers for the sandbox's own tests: parse served HTML, and post the entry form as a browser would. */

import { Window } from 'happy-dom';

export function parseHtml(markup: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(markup, 'text/html') as unknown as Document;
}

export async function getPage(url: string): Promise<{ status: number; text: string; doc: Document }> {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, text, doc: parseHtml(text) };
}

export function input(doc: Document, id: string): HTMLInputElement {
  const element = doc.getElementById(id);
  if (!element) throw new Error(`#${id} missing`);
  return element as HTMLInputElement;
}

/** The form's fields in document order, the way a browser serialises a post. */
export function formBody(doc: Document): URLSearchParams {
  const form = doc.getElementById('MainForm') as HTMLFormElement;
  const body = new URLSearchParams();
  for (const element of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
    'input[name], select[name]',
  )) {
    body.append(element.name, element.value);
  }
  return body;
}

/** Posts the form to its action; returns the redirect target (or the re-rendered page). */
export async function postForm(
  baseUrl: string,
  doc: Document,
): Promise<{ status: number; location: string | null; text: string }> {
  const form = doc.getElementById('MainForm') as HTMLFormElement;
  const action = form.getAttribute('action') ?? '';
  const response = await fetch(new URL(action, baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formBody(doc).toString(),
    redirect: 'manual',
  });
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}
