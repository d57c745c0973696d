/** Assertions on what the built-in knowledge base recognizes in a text, as `text/type` strings. */
import { strict as assert } from 'assert';
import { KnowledgeBase } from '../../src/core/kb';
import { recognize } from '../../src/core/recognize';

export const kb = KnowledgeBase.builtin();
export const found = (text: string): string[] => recognize(text, kb).map((m) => `${m.text}/${m.type}`);
export const has = (text: string, ...expected: string[]): void => {
  const got = found(text);
  for (const x of expected) assert.ok(got.includes(x), `${x} in ${JSON.stringify(text)}: got ${JSON.stringify(got)}`);
};
export const lacks = (text: string, ...unexpected: string[]): void => {
  const got = found(text);
  for (const x of unexpected) assert.ok(!got.includes(x), `no ${x} in ${JSON.stringify(text)}: got ${JSON.stringify(got)}`);
};
export const noneOfType = (text: string, type: string): void => {
  const got = recognize(text, kb).filter((m) => m.type === type).map((m) => m.text);
  assert.deepEqual(got, [], `no ${type} in ${JSON.stringify(text)}`);
};
