import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { describe, expect, it } from 'vitest';
import { markdownHeadings, renderMarkdown, safeHref, slugify } from './markdown';

/** The HTML the browser would get for a text, without Vue's fragment comments. */
async function html(source: string): Promise<string> {
  const app = createSSRApp({ render: () => h('div', renderMarkdown(source).nodes) });
  return (await renderToString(app)).replace(/<!--[[\]]?-->/g, '');
}

describe('renderMarkdown keeps HTML as text', () => {
  it('shows a script tag as characters', async () => {
    const out = await html('Avant <script>alert(1)</script> après\n\n<script>alert(2)</script>');
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('does not let raw HTML attributes through', async () => {
    const out = await html('<img src=x onerror="alert(1)"> and <a href="javascript:alert(1)">x</a>');
    expect(out).not.toMatch(/<img|<a /);
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('drops links that are not http(s) or mailto, keeping their text', async () => {
    for (const href of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      'file:///C:/Windows',
      '/benevoles',
      '#section',
    ]) {
      const out = await html(`Voir [ce lien](${href}) ici.`);
      expect(out, href).not.toContain('<a');
      expect(out, href).not.toMatch(/javascript:|vbscript:|data:text/i);
      expect(out, href).toContain('ce lien');
    }
  });

  it('keeps http(s) and mailto links, opening outside the app', async () => {
    const out = await html('[Le site](https://www.associations.gouv.fr) et [écrire](mailto:contact@asso.fr) ou <https://exemple.org>');
    expect(out).toContain('<a href="https://www.associations.gouv.fr/" target="_blank" rel="noopener noreferrer">Le site</a>');
    expect(out).toContain('<a href="mailto:contact@asso.fr" target="_blank" rel="noopener noreferrer">écrire</a>');
    expect(out).toContain('href="https://exemple.org/"');
  });

  it('shows images as their description', async () => {
    const out = await html('![Logo de l’association](https://exemple.org/logo.png)');
    expect(out).not.toContain('<img');
    expect(out).toContain('Logo de l’association');
  });
});

describe('renderMarkdown structure', () => {
  it('renders headings, lists, emphasis and code', async () => {
    const out = await html(
      '# Titre\n\n## Section\n\nUn **mot** en *italique*, du `code` et ~~rien~~.\n\n- un\n- deux\n\n3. trois\n4. quatre\n\n```\nbloc <b>\n```\n\n---\n\n> citation',
    );
    expect(out).toContain('<h2 id="md-titre">Titre</h2>');
    expect(out).toContain('<h2 id="md-section">Section</h2>');
    expect(out).toContain('<p>Un <strong>mot</strong> en <em>italique</em>, du <code>code</code> et <s>rien</s>.</p>');
    expect(out).toContain('<ul><li>un</li><li>deux</li></ul>');
    expect(out).toContain('<ol start="3"><li>trois</li><li>quatre</li></ol>');
    expect(out).toContain('<pre><code>bloc &lt;b&gt;</code></pre>');
    expect(out).toContain('<hr>');
    expect(out).toContain('<blockquote><p>citation</p></blockquote>');
  });

  it('renders tables with their alignment, inside a scrolling box', async () => {
    const out = await html('| Besoin | Heures |\n| --- | ---: |\n| Compta | 40 |');
    expect(out).toContain('<div class="markdown__table"><table><thead><tr><th>Besoin</th><th style="text-align:right;">Heures</th></tr></thead>');
    expect(out).toContain('<tbody><tr><td>Compta</td><td style="text-align:right;">40</td></tr></tbody></table></div>');
  });

  it('keeps the paragraphs of loose lists', async () => {
    const out = await html('- un\n\n- deux');
    expect(out).toContain('<ul><li><p>un</p></li><li><p>deux</p></li></ul>');
  });

  it('gives every heading a distinct id for the table of contents', () => {
    const headings = markdownHeadings('## Qu’est-ce qu’un bénévole ?\n\n## Qu’est-ce qu’un bénévole ?\n\n### Œuvre *vive*\n\n#### Trop bas');
    expect(headings).toEqual([
      { id: 'md-qu-est-ce-qu-un-benevole', level: 2, text: 'Qu’est-ce qu’un bénévole ?' },
      { id: 'md-qu-est-ce-qu-un-benevole-2', level: 2, text: 'Qu’est-ce qu’un bénévole ?' },
      { id: 'md-oeuvre-vive', level: 3, text: 'Œuvre vive' },
    ]);
  });

  it('renders nothing for an empty text', () => {
    expect(renderMarkdown('').nodes).toEqual([]);
  });
});

describe('safeHref', () => {
  it('accepts absolute web and mail addresses only', () => {
    expect(safeHref('https://exemple.org/a?b=1')).toBe('https://exemple.org/a?b=1');
    expect(safeHref('http://exemple.org')).toBe('http://exemple.org/');
    expect(safeHref('mailto:a@b.fr')).toBe('mailto:a@b.fr');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('/relatif')).toBeNull();
    expect(safeHref('ftp://exemple.org')).toBeNull();
  });

  it('slugifies French text', () => {
    expect(slugify('Le mécénat de compétences : 60 %')).toBe('le-mecenat-de-competences-60');
  });
});
