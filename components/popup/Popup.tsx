import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ContentRequest, PageStatus } from '../../lib/messages';
import type { KnowledgePack } from '../../lib/packs/types';
import type { Settings } from '../../lib/settings/types';
import type { LoadedSettings, SettingsNotice } from '../../lib/settings/store';
import { hostMatchesSite } from '../../lib/settings/validate';
import { toJson, toMarkdown } from '../../lib/export';
import { t } from '../../lib/i18n';
import { GlossMark } from './GlossMark';
import { NoticeBanner } from './NoticeBanner';
import { StatusMessage } from './StatusMessage';
import { PageTab, type Category } from './PageTab';
import { ContextTab } from './ContextTab';

/** The tab the popup is about. */
export interface TargetTab {
  id: number;
  url?: string;
}

/** Everything the popup needs from the browser, injected so it can be tested without one. */
export interface PopupDeps {
  getTargetTab(): Promise<TargetTab | null>;
  send(tabId: number, request: ContentRequest): Promise<unknown>;
  loadPacks(): Promise<KnowledgePack[]>;
  loadSettings(): Promise<LoadedSettings>;
  updateSettings(change: (s: Settings) => Settings): Promise<Settings>;
  dismissNotice(): Promise<void>;
  copyText(text: string): Promise<void>;
  download(filename: string, text: string, mime: string): void;
  openOptions(): void;
  reloadTab(tabId: number): void;
  now(): string;
  /**
   * The media query that says the popup page is wide enough for "This page"
   * and "Context" side by side (opened in a tab, or a large window). Absent,
   * or null, means always tabs (the toolbar popup, tests).
   */
  wideLayout?(): MediaQueryList | null;
}

/** From this width the popup page shows both panels side by side instead of tabs. */
export const WIDE_LAYOUT_QUERY = '(min-width: 760px)';

/** True while `deps.wideLayout()` matches; follows the window as it is resized. */
function useWideLayout(deps: PopupDeps): boolean {
  const [query] = useState(() => deps.wideLayout?.() ?? null);
  const [wide, setWide] = useState(() => query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = (): void => setWide(query.matches);
    query.addEventListener('change', onChange);
    onChange();
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return wide;
}

/** What the popup knows about the tab. */
export type View =
  | { kind: 'checking' }
  | { kind: 'restricted' }
  | { kind: 'needs-reload'; tab: TargetTab }
  | { kind: 'status'; tab: TargetTab; status: PageStatus };

/** How often and how many times a "still loading" page is asked again before the popup just offers a retry. */
export const LOADING_RETRY_MS = 600;
export const LOADING_RETRIES = 8;

function isPageStatus(value: unknown): value is PageStatus {
  if (typeof value !== 'object' || value === null) return false;
  const state = (value as { state?: unknown }).state;
  if (state === 'ready') {
    const a = (value as { annotations?: unknown }).annotations;
    return typeof a === 'object' && a !== null && Array.isArray((a as { officials?: unknown }).officials);
  }
  return state === 'loading' || state === 'no-article' || state === 'disabled-site' || state === 'off';
}

/** True for pages extensions may never script (browser pages, stores, other extensions). */
export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return true;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return true;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return true;
  const host = u.hostname;
  return host === 'chromewebstore.google.com' || (host === 'chrome.google.com' && u.pathname.startsWith('/webstore'))
    || host === 'addons.mozilla.org' || host === 'microsoftedge.microsoft.com';
}

/** Asks the tab's content script for its status and turns the answer (or silence) into a view. */
export async function fetchView(deps: PopupDeps): Promise<View> {
  const tab = await deps.getTargetTab();
  if (!tab) return { kind: 'restricted' };
  if (tab.url !== undefined && isRestrictedUrl(tab.url)) return { kind: 'restricted' };
  try {
    const answer = await deps.send(tab.id, { type: 'gloss:get-status' });
    if (isPageStatus(answer)) return { kind: 'status', tab, status: answer };
  } catch {
    // No content script answered: a browser page, or a page opened before Gloss was installed.
  }
  return isRestrictedUrl(tab.url) ? { kind: 'restricted' } : { kind: 'needs-reload', tab };
}

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}

function exportName(url: string, ext: string): string {
  const host = hostOf(url)?.replace(/[^a-z0-9.-]/gi, '') || 'page';
  return `gloss-${host}.${ext}`;
}

/**
 * The toolbar popup: a header with the Gloss mark, tabs "This page" and
 * "Context" (side by side instead when the page is wide, see `wideLayout`),
 * and a plain sentence plus the right action for every state a tab can be in.
 */
export function Popup({ deps }: { deps: PopupDeps }) {
  const [view, setView] = useState<View>({ kind: 'checking' });
  const [tab, setTab] = useState<'page' | 'context'>('page');
  const wide = useWideLayout(deps);
  const [packs, setPacks] = useState<KnowledgePack[]>([]);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<SettingsNotice | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const retries = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    const next = await fetchView(deps);
    setView(next);
    if (next.kind === 'status' && next.status.state === 'loading' && retries.current < LOADING_RETRIES) {
      retries.current++;
      timer.current = setTimeout(() => void refresh(), LOADING_RETRY_MS);
    }
  }, [deps]);

  useEffect(() => {
    void refresh();
    void deps.loadPacks().then(setPacks, () => setPacks([]));
    void deps.loadSettings().then(
      (loaded) => {
        setSettings(loaded.settings);
        setNotice(loaded.notice);
      },
      () => setMessage(t('errorSettingsRead')),
    );
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [deps, refresh]);

  const send = async (request: ContentRequest): Promise<void> => {
    if (view.kind !== 'status' && view.kind !== 'needs-reload') return;
    try {
      await deps.send(view.tab.id, request);
    } catch {
      setMessage(t('errorTabGone'));
    }
  };

  const changeSettings = async (change: (s: Settings) => Settings): Promise<void> => {
    try {
      setSettings(await deps.updateSettings(change));
      await send({ type: 'gloss:settings-changed' });
    } catch (err) {
      setMessage(err instanceof Error && 'quota' in err && err.quota === true ? t('errorQuota') : t('errorSettingsWrite'));
    }
  };

  const toggleCategory = (category: Category, on: boolean): void => {
    void changeSettings((s) => ({ ...s, categories: { ...s.categories, [category]: on } }));
  };

  const enableHere = async (): Promise<void> => {
    await send({ type: 'gloss:set-enabled', enabled: true });
    retries.current = 0;
    await refresh();
  };

  const switchSiteOn = async (): Promise<void> => {
    const host = view.kind === 'status' ? hostOf(view.tab.url) : null;
    if (!host) return;
    await changeSettings((s) => ({ ...s, disabledSites: s.disabledSites.filter((site) => !hostMatchesSite(host, site)) }));
    retries.current = 0;
    await refresh();
  };

  const exportInput = () => {
    if (view.kind !== 'status' || view.status.state !== 'ready') return null;
    const { annotations, url, title } = view.status;
    return { annotations, url, title, packs, exportedAt: deps.now() };
  };

  const copyMarkdown = async (): Promise<void> => {
    const input = exportInput();
    if (!input) return;
    try {
      await deps.copyText(toMarkdown(input));
      setMessage(t('exportCopied'));
    } catch {
      setMessage(t('exportCopyFailed'));
    }
  };

  const downloadJson = (): void => {
    const input = exportInput();
    if (!input) return;
    deps.download(exportName(input.url, 'json'), toJson(input), 'application/json');
    setMessage(t('exportDownloaded'));
  };

  const onTabKey = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const next = tab === 'page' ? 'context' : 'page';
    const target = e.key === 'Home' ? 'page' : e.key === 'End' ? 'context' : next;
    setTab(target);
    document.getElementById(`tab-${target}`)?.focus();
  };

  const ready = view.kind === 'status' && view.status.state === 'ready' ? view.status : null;

  /** The page's title and lists: one tab in the narrow popup, the left column in the wide one. */
  const pagePanel = (status: NonNullable<typeof ready>) => (
    <>
      {status.title ? <p class="gloss-page-title">{status.title}</p> : null}
      <PageTab
        annotations={status.annotations}
        categories={settings?.categories ?? { officials: true, figures: true, claims: true }}
        onToggleCategory={toggleCategory}
        onReveal={(kind, index) => void send({ type: 'gloss:reveal', kind, index })}
        onCopyMarkdown={() => void copyMarkdown()}
        onDownloadJson={downloadJson}
        exportMessage={message}
      />
    </>
  );

  return (
    <div class="gloss-popup">
      <header class="gloss-header">
        <GlossMark />
        <h1 class="gloss-header__name">{t('extName')}</h1>
        <button type="button" class="gloss-icon-button" onClick={() => deps.openOptions()} aria-label={t('openOptions')} title={t('openOptions')}>
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="M3 6h8M15 6h2M3 14h2M9 14h8" />
            <circle cx="13" cy="6" r="2" />
            <circle cx="7" cy="14" r="2" />
          </svg>
        </button>
      </header>

      <main class="gloss-main">
      {notice ? (
        <NoticeBanner notice={notice} onDismiss={() => void deps.dismissNotice().then(() => setNotice(null))} />
      ) : null}

      {ready && wide ? (
        <div class="gloss-columns">
          <section class="gloss-column is-page" aria-labelledby="column-page">
            <h2 id="column-page" class="gloss-column__title">{t('tabThisPage')}</h2>
            {pagePanel(ready)}
          </section>
          <section class="gloss-column is-context" aria-labelledby="column-context">
            <h2 id="column-context" class="gloss-column__title">{t('tabContext')}</h2>
            <ContextTab annotations={ready.annotations} packs={packs} />
          </section>
        </div>
      ) : ready ? (
        <>
          <div class="gloss-tabs" role="tablist" aria-label={t('tabsLabel')} onKeyDown={onTabKey}>
            <button id="tab-page" type="button" role="tab" aria-selected={tab === 'page'} aria-controls="panel-page"
              tabIndex={tab === 'page' ? 0 : -1} onClick={() => setTab('page')}>
              {t('tabThisPage')}
            </button>
            <button id="tab-context" type="button" role="tab" aria-selected={tab === 'context'} aria-controls="panel-context"
              tabIndex={tab === 'context' ? 0 : -1} onClick={() => setTab('context')}>
              {t('tabContext')}
            </button>
          </div>
          <div id="panel-page" role="tabpanel" aria-labelledby="tab-page" hidden={tab !== 'page'} class="gloss-panel">
            {pagePanel(ready)}
          </div>
          <div id="panel-context" role="tabpanel" aria-labelledby="tab-context" hidden={tab !== 'context'} class="gloss-panel">
            <ContextTab annotations={ready.annotations} packs={packs} />
          </div>
        </>
      ) : (
        <div class="gloss-panel">
          <StateView view={view} onRetry={() => { retries.current = 0; void refresh(); }} onEnable={() => void enableHere()}
            onSwitchSiteOn={() => void switchSiteOn()} onReload={(id) => deps.reloadTab(id)} onOptions={() => deps.openOptions()} />
          {message ? <p class="gloss-muted" role="status">{message}</p> : null}
        </div>
      )}
      </main>
    </div>
  );
}

/** The message and action for every state but "ready". */
function StateView({ view, onRetry, onEnable, onSwitchSiteOn, onReload, onOptions }: {
  view: View;
  onRetry: () => void;
  onEnable: () => void;
  onSwitchSiteOn: () => void;
  onReload: (tabId: number) => void;
  onOptions: () => void;
}) {
  switch (view.kind) {
    case 'checking':
      return <StatusMessage tone="busy" title={t('stateCheckingTitle')} body={t('stateCheckingBody')} />;
    case 'restricted':
      return <StatusMessage title={t('stateRestrictedTitle')} body={t('stateRestrictedBody')} />;
    case 'needs-reload':
      return (
        <StatusMessage title={t('stateReloadTitle')} body={t('stateReloadBody')}>
          <button type="button" class="gloss-button is-primary" onClick={() => onReload(view.tab.id)}>{t('actionReload')}</button>
        </StatusMessage>
      );
    case 'status':
      break;
  }
  const host = hostOf(view.tab.url);
  switch (view.status.state) {
    case 'loading':
      return (
        <StatusMessage tone="busy" title={t('stateLoadingTitle')} body={t('stateLoadingBody')}>
          <button type="button" class="gloss-button" onClick={onRetry}>{t('actionRetry')}</button>
        </StatusMessage>
      );
    case 'no-article':
      return (
        <StatusMessage title={t('stateNoArticleTitle')} body={t('stateNoArticleBody')}>
          <button type="button" class="gloss-button is-primary" onClick={onEnable}>{t('actionAnnotateAnyway')}</button>
          <button type="button" class="gloss-button" onClick={onOptions}>{t('actionRunModeOptions')}</button>
        </StatusMessage>
      );
    case 'disabled-site':
      return (
        <StatusMessage title={t('stateDisabledSiteTitle')} body={host ? t('stateDisabledSiteBody', host) : t('stateDisabledSiteBodyNoHost')}>
          {host ? (
            <button type="button" class="gloss-button is-primary" onClick={onSwitchSiteOn}>{t('actionSwitchOnSite', host)}</button>
          ) : (
            <button type="button" class="gloss-button" onClick={onOptions}>{t('openOptions')}</button>
          )}
        </StatusMessage>
      );
    case 'off':
      return (
        <StatusMessage title={t('stateOffTitle')} body={t('stateOffBody')}>
          <button type="button" class="gloss-button is-primary" onClick={onEnable}>{t('actionAnnotate')}</button>
        </StatusMessage>
      );
    case 'ready':
      return null;
  }
}
