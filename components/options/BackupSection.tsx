import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { OptionsCard } from './Field';

/** Export all settings (and imported packs) to a JSON file, and import such a file. */
export function BackupSection({ onExport, onImport }: { onExport: () => void; onImport: (file: File) => Promise<string> }) {
  const [message, setMessage] = useState<string | null>(null);
  const pick = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    if (!file) return;
    setMessage(await onImport(file));
    input.value = '';
  };
  return (
    <OptionsCard id="backup" title={t('optionsBackup')} intro={t('optionsBackupIntro')}>
      <div class="gloss-actions">
        <button type="button" class="gloss-button" onClick={onExport}>{t('backupExport')}</button>
        <input id="settings-file" type="file" accept="application/json,.json" class="gloss-file__input"
          onChange={(e) => void pick(e.currentTarget)} />
        <label class="gloss-button" for="settings-file">{t('backupImport')}</label>
      </div>
      <p role="status" aria-live="polite" class="gloss-outcome">{message ?? ''}</p>
    </OptionsCard>
  );
}
