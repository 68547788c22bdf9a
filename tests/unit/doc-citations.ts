/**
 * The check behind doc-citations.test.ts: `docs/<file>.md, <Heading>` and `docs/<file>.md#anchor`
 * must name a file in docs/ and a heading it has, and nothing may point at notes that live
 * outside the repository (the old design notes and research files, numbered sections).
 */

/** Heading text of one markdown file, as written after the `#`s. */
export function headingsOf(markdown: string): string[] {
  return [...markdown.matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)].map((match) => match[1] ?? '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slugOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * A comment wrapped over several lines reads as one line: the next line's `*` or `//` prefix is
 * dropped, so a heading cut by the line width still matches.
 */
function unwrapComments(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*(?:\*(?!\/)|\/\/)?[ \t]*/g, ' ');
}

export interface Problem {
  file: string;
  problem: string;
}

/**
 * Checks one file's text against the docs it may cite. `docs` maps a file name in docs/ to its
 * headings. Inside docs/ itself, `other.md, Heading` is read relative to docs/.
 */
export function citationProblems(file: string, text: string, docs: ReadonlyMap<string, string[]>): Problem[] {
  const problems: Problem[] = [];
  const flat = unwrapComments(text);
  const insideDocs = file.startsWith('docs/');
  const citation = insideDocs
    ? /(?<![\w/.-])(?:docs\/)?([\w-]+\.md)(#[\w-]+)?(?:, "?(?=([^\n]{0,200})))?/g
    : /(?<![\w.-])docs\/([\w-]+\.md)(#[\w-]+)?(?:, "?(?=([^\n]{0,200})))?/g;
  for (const match of flat.matchAll(citation)) {
    const [whole, name = '', anchor, rest] = match;
    const headings = docs.get(name);
    if (!headings) {
      problems.push({ file, problem: `cites docs/${name}, which does not exist (${whole.slice(0, 60)})` });
      continue;
    }
    if (anchor && !headings.some((heading) => `#${slugOf(heading)}` === anchor)) {
      problems.push({ file, problem: `cites docs/${name}${anchor}: no heading has that anchor` });
    }
    // `docs/<file>.md, <Heading>` is the pattern itself, as the docs and README describe it.
    if (rest !== undefined && !rest.startsWith('<')) {
      const cited = headings
        .filter((heading) => rest.startsWith(heading) && !/[\p{L}\p{N}]/u.test(rest.charAt(heading.length)))
        .sort((a, b) => b.length - a.length)[0];
      if (!cited)
        problems.push({ file, problem: `cites docs/${name}, "${rest.slice(0, 50)}…": no such heading` });
    }
  }
  if (!insideDocs) {
    const stale: [RegExp, string][] = [
      [/design\.md/, 'cites the old design notes, which are not in the repository'],
      [/(?<!docs\/)\b(?:keeping-api|exact-online|architecture)\.md/, 'a fact file cited without docs/'],
      [/reference\/[\w-]+\.md/, 'cites the research notes, which are not in the repository'],
      [/\/work\/shared|\.\.\/shared\/(?:design|reference)/, 'a path outside the repository'],
      [/\u00a7/, 'a numbered section: cite "docs/<file>.md, <Heading>" instead'],
    ];
    for (const [pattern, problem] of stale) {
      const found = pattern.exec(text);
      if (found) {
        const line = text.slice(0, found.index).split('\n').length;
        problems.push({ file: `${file}:${line}`, problem });
      }
    }
  }
  return problems;
}
