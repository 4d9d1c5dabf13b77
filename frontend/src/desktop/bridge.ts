// The few things a browser cannot do, done by the Go side in the desktop window (Wails bindings on
// window.go.app.Desktop), with browser fallbacks. No generated Wails bindings: typed by hand here.
export interface DesktopBindings {
  OpenExternal(url: string): Promise<void>;
  SaveExport(apiPath: string, suggestedName: string): Promise<string>;
  SelfTestToken(): Promise<string>;
}

interface WailsWindow {
  go?: { app?: { Desktop?: Partial<DesktopBindings> } };
}

function desktop(win: Window = window): Partial<DesktopBindings> | undefined {
  return (win as unknown as WailsWindow).go?.app?.Desktop;
}

/** True inside the Wails desktop window. */
export function isDesktop(win: Window = window): boolean {
  return typeof desktop(win)?.OpenExternal === 'function';
}

/** Opens a URL outside the app: the system browser (desktop) or a new tab (browser). */
export async function openExternal(url: string, win: Window = window): Promise<void> {
  const d = desktop(win);
  if (d?.OpenExternal) {
    await d.OpenExternal(url);
    return;
  }
  win.open(url, '_blank', 'noopener');
}

/**
 * Saves an export produced by the API (e.g. "/api/exports/hours.xlsx?..."). Desktop: native save
 * dialog, resolves to the saved path or "" if cancelled. Browser: an ordinary download, resolves
 * to the suggested name.
 */
export async function saveExport(apiPath: string, suggestedName: string, win: Window = window): Promise<string> {
  const d = desktop(win);
  if (d?.SaveExport) return d.SaveExport(apiPath, suggestedName);
  const a = win.document.createElement('a');
  a.href = apiPath;
  a.download = suggestedName;
  a.rel = 'noopener';
  a.style.display = 'none';
  win.document.body.appendChild(a);
  a.click();
  a.remove();
  return suggestedName;
}

/** The desktop smoke test's token, "" normally and always "" in a browser. */
export async function selfTestToken(win: Window = window): Promise<string> {
  const d = desktop(win);
  if (!d?.SelfTestToken) return '';
  try {
    return (await d.SelfTestToken()) ?? '';
  } catch {
    return '';
  }
}

/** An absolute http(s) or mailto URL that leaves the app, or null. */
export function externalUrl(href: string, currentOrigin: string): string | null {
  let url: URL;
  try {
    url = new URL(href, currentOrigin);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return url.href;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Relative links resolve to our own origin: those stay in the app.
  if (url.origin === currentOrigin) return null;
  return url.href;
}

/**
 * Intercepts clicks on links that would leave the app and opens them outside it, so the app never
 * navigates away from itself (in the desktop window there would be no way back).
 * Returns a function that removes the handler.
 */
export function installExternalLinkHandler(win: Window = window): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button > 1) return;
    const target = event.target as Element | null;
    const anchor = target?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!anchor || anchor.hasAttribute('download')) return;
    const href = anchor.getAttribute('href') ?? '';
    const url = externalUrl(href, win.location.origin);
    if (!url) return;
    event.preventDefault();
    void openExternal(url, win).catch((err: unknown) => console.error('cannot open external link', err));
  };
  win.document.addEventListener('click', onClick);
  win.document.addEventListener('auxclick', onClick);
  return () => {
    win.document.removeEventListener('click', onClick);
    win.document.removeEventListener('auxclick', onClick);
  };
}
