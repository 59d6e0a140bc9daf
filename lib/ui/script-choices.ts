// The script choices offered by the popup and the PDF viewer, in order, with their labels' keys.
import type { ScriptMode } from '../settings/model';
import type { StringKey } from './i18n';

export const SCRIPT_CHOICES: ReadonlyArray<readonly [ScriptMode | '', StringKey]> = [
  ['', 'scriptOff'],
  ['t', 'scriptT'],
  ['tw', 'scriptTw'],
  ['hk', 'scriptHk'],
  ['twp', 'scriptTwp'],
  ['s', 'scriptS'],
];
