// Markdown (guides and the association's notes) turned into Vue VNodes, never into an HTML string:
// markdown-it parses with HTML switched off, and each token becomes an element from a fixed list
// built with h(). Text always goes in as text, so `<script>` typed in a note stays visible
// characters. Links keep only http(s) and mailto addresses; any other link shows as plain text.
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { h, type VNode, type VNodeArrayChildren } from 'vue';

const parser = new MarkdownIt({ html: false, linkify: false, typographer: false });
// markdown-it leaves links it finds unsafe as their source text ("[x](javascript:…)"). Every link
// goes through safeHref below instead, so a refused link reads as its text alone. This is safe
// only because markdown-it's own HTML renderer is never used.
parser.validateLink = () => true;

/** A section heading of the text, for a table of contents. */
export interface MarkdownHeading {
  id: string;
  level: number;
  text: string;
}

export interface RenderedMarkdown {
  nodes: VNode[];
  headings: MarkdownHeading[];
}

/** Prefix of heading ids, so that a heading can never take the id of an element of the app. */
export const HEADING_ID_PREFIX = 'md-';

/** The address a link may keep: absolute http, https or mailto; null for anything else. */
export function safeHref(href: string): string | null {
  let url: URL;
  try {
    // No base: relative addresses fail here and become plain text.
    url = new URL(href.trim());
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:') return url.href;
  return null;
}

/** "Qu’est-ce qu’un bénévole ?" → "qu-est-ce-qu-un-benevole". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface Frame {
  tag: string;
  props: Record<string, unknown>;
  children: VNodeArrayChildren;
  /** Set on headings: their text is collected for the table of contents. */
  heading?: number;
}

/** Block tokens and the element each one opens. Anything else opens a plain div. */
const BLOCK_TAGS: Record<string, string> = {
  paragraph_open: 'p',
  bullet_list_open: 'ul',
  ordered_list_open: 'ol',
  list_item_open: 'li',
  blockquote_open: 'blockquote',
  table_open: 'table',
  thead_open: 'thead',
  tbody_open: 'tbody',
  tr_open: 'tr',
  th_open: 'th',
  td_open: 'td',
};

/** Inline tokens that open an element, and that element. */
const INLINE_TAGS: Record<string, string> = {
  strong_open: 'strong',
  em_open: 'em',
  s_open: 's',
};

const TEXT_ALIGN = /^text-align:(left|right|center)$/;

function attr(token: Token, name: string): string | null {
  const value = token.attrs?.find(([key]) => key === name)?.[1];
  return value == null ? null : String(value);
}

/** The plain text of inline tokens, for heading ids and the table of contents. */
function inlineText(tokens: Token[]): string {
  return tokens
    .map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : t.type === 'softbreak' ? ' ' : ''))
    .join('')
    .trim();
}

function blockFrame(token: Token): Frame {
  if (token.type === 'heading_open') {
    // The page's own title is the h1: a text's headings start at h2.
    const level = Math.min(6, Math.max(2, Number(token.tag.slice(1)) || 2));
    return { tag: `h${level}`, props: {}, children: [], heading: level };
  }
  const tag = BLOCK_TAGS[token.type] ?? 'div';
  const props: Record<string, unknown> = {};
  if (tag === 'ol') {
    const start = Number(attr(token, 'start'));
    if (Number.isInteger(start) && start !== 1) props.start = start;
  }
  if (tag === 'th' || tag === 'td') {
    const align = TEXT_ALIGN.exec(attr(token, 'style') ?? '');
    if (align) props.style = { textAlign: align[1] };
  }
  return { tag, props, children: [] };
}

function inlineNodes(tokens: Token[]): VNodeArrayChildren {
  const root: Frame = { tag: '', props: {}, children: [] };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1]!;
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'html_inline': // never produced with html: false; shown as text if it ever is
        top().children.push(token.content);
        break;
      case 'softbreak':
        top().children.push('\n');
        break;
      case 'hardbreak':
        top().children.push(h('br'));
        break;
      case 'code_inline':
        top().children.push(h('code', token.content));
        break;
      case 'image':
        // No pictures from the network in an offline app: the description stands for it.
        top().children.push(token.content);
        break;
      case 'link_open': {
        const href = safeHref(attr(token, 'href') ?? '');
        stack.push(
          href
            ? { tag: 'a', props: { href, target: '_blank', rel: 'noopener noreferrer' }, children: [] }
            : { tag: 'span', props: {}, children: [] },
        );
        break;
      }
      default:
        if (token.nesting === 1) {
          stack.push({ tag: INLINE_TAGS[token.type] ?? 'span', props: {}, children: [] });
        } else if (token.nesting === -1 && stack.length > 1) {
          const frame = stack.pop()!;
          top().children.push(h(frame.tag, frame.props, frame.children));
        } else if (token.content) {
          top().children.push(token.content);
        }
    }
  }
  // Unclosed elements (not produced by markdown-it, but cheap to guard against) are closed here.
  while (stack.length > 1) {
    const frame = stack.pop()!;
    top().children.push(h(frame.tag, frame.props, frame.children));
  }
  return root.children;
}

/** Renders Markdown as VNodes, with ids on headings and the list of those headings. */
export function renderMarkdown(source: string): RenderedMarkdown {
  const tokens = parser.parse(source ?? '', {});
  const root: Frame = { tag: '', props: {}, children: [] };
  const stack: Frame[] = [root];
  const headings: MarkdownHeading[] = [];
  const used = new Map<string, number>();
  const top = () => stack[stack.length - 1]!;

  for (const token of tokens) {
    if (token.hidden) continue; // the paragraphs of tight lists: their text goes in the item
    if (token.nesting === 1) {
      stack.push(blockFrame(token));
      continue;
    }
    if (token.nesting === -1) {
      if (stack.length === 1) continue;
      const frame = stack.pop()!;
      let node = h(frame.tag, frame.props, frame.children);
      // Wide tables scroll sideways inside the text instead of widening the page.
      if (frame.tag === 'table') node = h('div', { class: 'markdown__table' }, [node]);
      top().children.push(node);
      continue;
    }
    const frame = top();
    switch (token.type) {
      case 'inline': {
        const children = token.children ?? [];
        frame.children.push(...inlineNodes(children));
        if (frame.heading) {
          const text = inlineText(children);
          const base = HEADING_ID_PREFIX + (slugify(text) || 'section');
          const n = (used.get(base) ?? 0) + 1;
          used.set(base, n);
          const id = n === 1 ? base : `${base}-${n}`;
          frame.props.id = id;
          headings.push({ id, level: frame.heading, text });
        }
        break;
      }
      case 'fence':
      case 'code_block':
        frame.children.push(h('pre', [h('code', token.content.replace(/\n$/, ''))]));
        break;
      case 'hr':
        frame.children.push(h('hr'));
        break;
      default:
        if (token.content) frame.children.push(h('p', token.content));
    }
  }
  return { nodes: root.children as VNode[], headings };
}

/** The headings of a text (level 2 and 3), for a table of contents. */
export function markdownHeadings(source: string, maxLevel = 3): MarkdownHeading[] {
  return renderMarkdown(source).headings.filter((heading) => heading.level <= maxLevel);
}
