import { useState } from 'preact/hooks';
import type { KnowledgePack } from '../../lib/packs/types';
import type { PackError } from '../../lib/packs/load';
import { t } from '../../lib/i18n';
import { OptionsCard } from './Field';

/** What the last import did, for the message under the button. */
export type PackImportOutcome =
  | { kind: 'imported'; name: string; replaced: boolean }
  | { kind: 'refused'; file: string; errors: PackError[] }
  | { kind: 'failed'; message: string };

function PackRow({ pack, action }: { pack: KnowledgePack; action?: preact.ComponentChildren }) {
  return (
    <li>
      <span class="gloss-rows__main">
        <strong>{pack.name}</strong>
        <span class="gloss-muted gloss-rows__meta">
          {t('packMeta', [pack.version, String(pack.sources.length)])}
        </span>
      </span>
      {action}
    </li>
  );
}

/**
 * Knowledge packs: the bundled ones (version, number of sources), the imported
 * ones (removable), and import from a JSON file with every validation error
 * shown as path and reason.
 */
export function PacksSection({ bundled, imported, skipped, onImport, onRemove }: {
  bundled: readonly KnowledgePack[];
  imported: readonly KnowledgePack[];
  skipped: number;
  onImport: (file: File) => Promise<PackImportOutcome>;
  onRemove: (pack: KnowledgePack) => void;
}) {
  const [outcome, setOutcome] = useState<PackImportOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome(await onImport(file));
    setBusy(false);
    input.value = '';
  };
  return (
    <OptionsCard id="packs" title={t('optionsPacks')} intro={t('optionsPacksIntro')}>
      <h3 class="gloss-subhead">{t('packsBundled')}</h3>
      <ul class="gloss-rows">
        {bundled.map((pack) => (
          <PackRow key={pack.id} pack={pack} action={<span class="gloss-tag">{t('packBuiltIn')}</span>} />
        ))}
      </ul>
      <h3 class="gloss-subhead">{t('packsImported')}</h3>
      {imported.length === 0 ? <p class="gloss-muted gloss-empty">{t('packsNoneImported')}</p> : (
        <ul class="gloss-rows" aria-label={t('packsImported')}>
          {imported.map((pack) => (
            <PackRow key={pack.id} pack={pack} action={
              <button type="button" class="gloss-button is-small is-danger" aria-label={t('packRemoveLabel', pack.name)} onClick={() => onRemove(pack)}>
                {t('remove')}
              </button>
            } />
          ))}
        </ul>
      )}
      {skipped > 0 ? <p class="gloss-error">{t('packsSkipped', String(skipped))}</p> : null}
      <div class="gloss-file">
        <input id="pack-file" type="file" accept="application/json,.json" class="gloss-file__input" disabled={busy}
          onChange={(e) => void pick(e.currentTarget)} />
        <label class="gloss-button" for="pack-file">{t('packImport')}</label>
      </div>
      <div role="status" aria-live="polite" class="gloss-outcome">
        {outcome?.kind === 'imported' ? (
          <p class="gloss-ok">{t(outcome.replaced ? 'packReplaced' : 'packImported', outcome.name)}</p>
        ) : null}
        {outcome?.kind === 'failed' ? <p class="gloss-error">{outcome.message}</p> : null}
        {outcome?.kind === 'refused' ? (
          <div class="gloss-error-box">
            <p><strong>{t('packRefused', outcome.file)}</strong> {t('packRefusedNothing')}</p>
            <ul>
              {outcome.errors.map((err, i) => (
                <li key={i}><code>{err.path || t('packErrorWhole')}</code> {err.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </OptionsCard>
  );
}
