// The small Markdown the docs are written in (route descriptions, schema descriptions, "Start here") rendered to
// HTML: paragraphs, `###`/`####` headings, `-` and `1.` lists, fenced code blocks, and inline code, bold and links.

const htmlEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);
}

/** An id for a heading or section: lowercase words joined by `-`. */
export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function inlineText(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<b>$1</b>')
    .replace(/\[([^\]]+)\]\((#[^)\s]*|\/[^)\s]*)\)/g, '<a href="$2">$1</a>');
}

/** One line of Markdown as inline HTML: `code` spans (taken literally), **bold** and links within the page. */
export function renderInline(text: string): string {
  return text
    .split('`')
    .map((part, index) => (index % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : inlineText(part)))
    .join('');
}

type Block = { kind: 'p' | 'ul' | 'ol' | 'pre' | 'h'; lines: string[]; level?: number; lang?: string };

/** Adds one line to `blocks`; the block that the next line may continue (null after a heading or a blank line). */
function addLine(blocks: Block[], open: Block | null, line: string): Block | null {
  if (open && open.kind === 'pre') {
    if (line.startsWith('```')) return null;
    open.lines.push(line);
    return open;
  }
  const heading = /^(#{2,4}) (.*)$/.exec(line);
  const item = /^(-|\d+\.) (.*)$/.exec(line);
  let next: Block | null = open;
  if (line.startsWith('```')) {
    next = { kind: 'pre', lines: [], lang: line.slice(3).trim() };
    blocks.push(next);
  } else if (heading?.[1] && heading[2] !== undefined) {
    blocks.push({ kind: 'h', level: heading[1].length, lines: [heading[2]] });
    next = null;
  } else if (item?.[1] && item[2] !== undefined) {
    const kind = item[1] === '-' ? 'ul' : 'ol';
    if (!next || next.kind !== kind) blocks.push((next = { kind, lines: [] }));
    next.lines.push(item[2]);
  } else if (line.trim() === '') {
    next = null;
  } else if (next) {
    // a continuation: of the last list item, or of the paragraph
    const last = next.lines.length - 1;
    next.lines[last] = `${next.lines[last] ?? ''} ${line.trim()}`;
  } else {
    blocks.push((next = { kind: 'p', lines: [line.trim()] }));
  }
  return next;
}

function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  for (const line of markdown.split('\n')) open = addLine(blocks, open, line);
  return blocks;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'pre':
      return `<pre><code${block.lang ? ` class="language-${escapeHtml(block.lang)}"` : ''}>${escapeHtml(block.lines.join('\n'))}</code></pre>`;
    case 'h': {
      const text = block.lines[0] ?? '';
      return `<h${block.level} id="${slugOf(text)}">${renderInline(text)}</h${block.level}>`;
    }
    case 'ul':
    case 'ol':
      return `<${block.kind}>${block.lines.map((line) => `<li>${renderInline(line)}</li>`).join('')}</${block.kind}>`;
    case 'p':
      return `<p>${renderInline(block.lines.join(' '))}</p>`;
  }
}

/** Markdown (the subset above) as HTML; everything else is text, escaped. */
export function renderMarkdown(markdown: string): string {
  return blocksOf(markdown).map(renderBlock).join('\n');
}
