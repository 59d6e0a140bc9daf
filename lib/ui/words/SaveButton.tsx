/**
 * A button that saves to "My words" and then says what happened (saved, updated, failed).
 * `save` answers with the store's change; the labels come from the caller.
 */
import { useState } from 'preact/hooks';
import type { WordChange } from '../../messages';
import { t } from '../i18n';

export interface SaveLabels {
  idle: string;
  title: string;
  added: string;
  updated: string;
}

export function SaveButton({ save, labels, class: cls = 'save' }: { save(): Promise<WordChange>; labels: SaveLabels; class?: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'added' | 'updated' | 'failed'>('idle');
  const text = state === 'added' ? labels.added : state === 'updated' ? labels.updated : state === 'failed' ? t('saveFailed') : labels.idle;
  return (
    <button
      type="button"
      class={cls}
      data-saved={state}
      title={labels.title}
      aria-live="polite"
      disabled={state === 'busy'}
      onClick={async () => {
        setState('busy');
        try {
          const r = await save();
          setState(r.added > 0 ? 'added' : 'updated');
        } catch {
          setState('failed');
        }
      }}
    >
      {state === 'added' || state === 'updated' ? '✓ ' : '☆ '}
      {text}
    </button>
  );
}
