// The text model of a DOM subtree: its text nodes as chunks, <br> and blocks as separators.
import { buildTextModel, type TextModel } from '../text/model';
import { collectText } from './walk';

export function elementTextModel(root: Element): TextModel<Text> {
  const pieces = collectText(root);
  // Leading/trailing separators carry no text.
  while (pieces.length && pieces[0].node === null) pieces.shift();
  while (pieces.length && pieces[pieces.length - 1].node === null) pieces.pop();
  return buildTextModel(pieces.map((p) => ({ text: p.text, node: p.node, collapse: p.node !== null })));
}
