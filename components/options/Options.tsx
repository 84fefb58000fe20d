import { useCallback, useEffect, useState } from 'preact/hooks';
import type { KnowledgePack } from '../../lib/packs/types';
import type { Settings } from '../../lib/settings/types';
import {
  dismissNotice,
  importSettings,
  loadSettings,
  StorageWriteError,
  updateSettings,
  watchSettings,
  type SettingsNotice,
} from '../../lib/settings/store';
import { importUserPack, listUserPacks, removeUserPack } from '../../lib/packs/user-packs';
import { makeBackup, readBackup } from '../../lib/settings/backup';
import { t } from '../../lib/i18n';
import { GlossMark } from '../popup/GlossMark';
import { NoticeBanner } from '../popup/NoticeBanner';
import { CategoriesSection } from './CategoriesSection';
import { RunModeSection } from './RunModeSection';
import { SitesSection } from './SitesSection';
import { StyleSection } from './StyleSection';
import { PacksSection, type PackImportOutcome } from './PacksSection';
import { BackupSection } from './BackupSection';

/** What a failed write means to the user. */
function writeErrorMessage(err: unknown): string {
  return err instanceof StorageWriteError && err.quota ? t('errorQuota') : t('errorSettingsWrite');
}

/** Saves text as a file through a temporary object URL. */
function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The options page. Every change is saved at once (no Save button to forget)
 * and confirmed in a status line; settings changed elsewhere (the popup) show
 * up here live.
 */
export function Options({ bundled }: { bundled: readonly KnowledgePack[] }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<SettingsNotice | null>(null);
  const [imported, setImported] = useState<KnowledgePack[]>([]);
  const [skipped, setSkipped] = useState(0);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const reloadPacks = useCallback(async () => {
    const { packs, skipped: bad } = await listUserPacks();
    setImported(packs);
    setSkipped(bad);
  }, []);

  useEffect(() => {
    void loadSettings().then((loaded) => {
      setSettings(loaded.settings);
      setNotice(loaded.notice);
    });
    void reloadPacks();
    return watchSettings(setSettings);
  }, [reloadPacks]);

  const save = (change: (s: Settings) => Settings): void => {
    void updateSettings(change).then(
      (next) => {
        setSettings(next);
        setStatus({ text: t('saved'), error: false });
      },
      (err: unknown) => setStatus({ text: writeErrorMessage(err), error: true }),
    );
  };

  const importPack = async (file: File): Promise<PackImportOutcome> => {
    try {
      const result = await importUserPack(await file.text(), bundled.map((p) => p.id));
      if (!result.ok) return { kind: 'refused', file: file.name, errors: result.errors };
      await reloadPacks();
      return { kind: 'imported', name: result.pack.name, replaced: result.replaced };
    } catch (err) {
      return { kind: 'failed', message: writeErrorMessage(err) };
    }
  };

  const removePack = (pack: KnowledgePack): void => {
    void removeUserPack(pack.id).then(
      () => {
        void reloadPacks();
        setStatus({ text: t('packRemoved', pack.name), error: false });
      },
      (err: unknown) => setStatus({ text: writeErrorMessage(err), error: true }),
    );
  };

  const exportAll = (): void => {
    if (!settings) return;
    const backup = makeBackup(settings, imported, new Date().toISOString());
    download(`gloss-settings-${backup.exportedAt.slice(0, 10)}.json`, JSON.stringify(backup, null, 2));
  };

  const importAll = async (file: File): Promise<string> => {
    const backup = readBackup(await file.text());
    if (!backup) return t('backupNotRecognised', file.name);
    try {
      const { settings: next, invalid } = await importSettings(backup.settings);
      setSettings(next);
      let refused = 0;
      for (const pack of backup.packs) {
        const result = await importUserPack(JSON.stringify(pack), bundled.map((p) => p.id));
        if (!result.ok) refused++;
      }
      await reloadPacks();
      const parts = [t('backupImported')];
      if (invalid.length > 0) parts.push(t('backupInvalidFields', invalid.join(', ')));
      if (refused > 0) parts.push(t('backupPacksRefused', String(refused)));
      return parts.join(' ');
    } catch (err) {
      return writeErrorMessage(err);
    }
  };

  return (
    <div class="gloss-options">
      <header class="gloss-options__header">
        <GlossMark size={28} />
        <div>
          <h1>{t('optionsTitle')}</h1>
          <p class="gloss-muted">{t('optionsSubtitle')}</p>
        </div>
      </header>
      {notice ? <NoticeBanner notice={notice} onDismiss={() => void dismissNotice().then(() => setNotice(null))} /> : null}
      <p class={`gloss-save-status${status?.error ? ' is-error' : ''}`} role="status" aria-live="polite">{status?.text ?? ''}</p>
      {settings ? (
        <main class="gloss-options__grid">
          <CategoriesSection value={settings.categories} onChange={(categories) => save((s) => ({ ...s, categories }))} />
          <RunModeSection value={settings.runMode} onChange={(runMode) => save((s) => ({ ...s, runMode }))} />
          <SitesSection sites={settings.disabledSites} onChange={(disabledSites) => save((s) => ({ ...s, disabledSites }))} />
          <StyleSection value={settings.style} onChange={(style) => save((s) => ({ ...s, style }))} />
          <PacksSection bundled={bundled} imported={imported} skipped={skipped} onImport={importPack} onRemove={removePack} />
          <BackupSection onExport={exportAll} onImport={importAll} />
        </main>
      ) : (
        <main><p class="gloss-muted">{t('loadingSettings')}</p></main>
      )}
    </div>
  );
}
