/**
 * The card's actions for a word or term: save it to "My words" (button, or S while the card is
 * open) and hear it (button, or L). A small component of its own: the card body stays as it is.
 */
import type { WordChange } from '../../messages';
import { t } from '../i18n';
import { SaveButton } from '../words/SaveButton';
import { SpeakButton } from '../words/SpeakButton';

export function WordActions({ word, save }: { word: string; save(): Promise<WordChange> }) {
  return (
    <div class="word-actions">
      <SaveButton save={save} labels={{ idle: t('saveWord'), title: t('saveWordTitle'), added: t('savedWord'), updated: t('updatedWord') }} />
      <SpeakButton text={word} title={t('listenTitle')} showLabel />
    </div>
  );
}
