import { createHash } from 'node:crypto';

import { Hono } from 'hono';
import { html } from 'hono/html';

import { loadWebBundle } from '../../web/bundle.js';
import { APP_STYLE } from './app-style.js';

/**
 * Builds the routes of the home page, which shows a space's tree and a demo form with the picker,
 * the page that the demo form submits to, and the static assets. Pages load
 * their script and style sheet as files, because the Content-Security-Policy
 * allows no inline script or style.
 */
export function pageRoutes(spaces: readonly string[]): Hono {
  const pages = new Hono();

  pages.get('/', (context) => {
    const key = context.req.query('space') ?? spaces[0]!;
    if (!spaces.includes(key)) {
      return context.html(errorPage(`Space "${key}" is not served here.`), 404);
    }
    return context.html(homePage(key, spaces));
  });

  pages.get('/demo/submitted', (context) => {
    const picked = context.req.queries('page') ?? [];
    return context.html(submittedPage(picked));
  });

  pages.get('/assets/conftree.js', async (context) => {
    const bundle = await loadWebBundle();
    return serveAsset(context.req.header('if-none-match'), bundle, 'text/javascript; charset=utf-8');
  });

  pages.get('/assets/app.css', (context) => serveAsset(context.req.header('if-none-match'), APP_STYLE, 'text/css; charset=utf-8'));

  return pages;
}

/** Serves an asset with an ETag of its content; clients revalidate it, because a rebuild changes it. */
function serveAsset(ifNoneMatch: string | undefined, text: string, contentType: string): Response {
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"`;
  const headers = { ETag: etag, 'Cache-Control': 'no-cache', 'Content-Type': contentType };
  if (ifNoneMatch === etag) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(text, { status: 200, headers });
}

function layout(title: string, body: ReturnType<typeof html>) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/conftree.js" defer></script>
</head>
<body>
${body}
</body>
</html>
`;
}

function homePage(key: string, spaces: readonly string[]) {
  const treeUrl = `/api/spaces/${encodeURIComponent(key)}/tree`;
  const links = spaces.map(
    (space) => html`<a href="/?space=${encodeURIComponent(space)}" aria-current="${space === key ? 'page' : 'false'}">${space}</a>`,
  );
  return layout(
    `conftree — ${key}`,
    html`<header>
<h1>conftree</h1>
<nav aria-label="Spaces">Spaces: ${links}</nav>
</header>
<main>
<section aria-labelledby="tree-heading">
<h2 id="tree-heading">Pages of ${key}</h2>
<conftree-tree id="tree" src="${treeUrl}" label="Pages of ${key}"></conftree-tree>
</section>
<section aria-labelledby="form-heading">
<h2 id="form-heading">Demo form with the page picker</h2>
<form id="demo-form" action="/demo/submitted" method="get">
<label for="page">Page</label>
<conftree-picker id="page" name="page" required src="${treeUrl}"></conftree-picker>
<div class="actions"><button type="submit">Submit</button> <button type="reset">Reset</button></div>
</form>
</section>
</main>`,
  );
}

function submittedPage(picked: string[]) {
  const items = picked.map((id) => html`<li>page = <output>${id}</output></li>`);
  return layout(
    'conftree — form submitted',
    html`<main>
<h1>Form submitted</h1>
<p>The form sent ${picked.length} value${picked.length === 1 ? '' : 's'} for <code>page</code>:</p>
<ul id="submitted">${items}</ul>
<p><a href="/">Back</a></p>
</main>`,
  );
}

function errorPage(message: string) {
  return layout('conftree — not found', html`<main><h1>Not found</h1><p>${message}</p><p><a href="/">Home</a></p></main>`);
}
