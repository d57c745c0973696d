/** The sessions the recognizer worker keeps per open article (src/core/recognize/sessions.ts). */
import { strict as assert } from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import { KnowledgeBase } from '../../src/core/kb';
import { WorkspaceKbSchema } from '../../src/core/kb/schema';
import { recognize, RecognitionSession } from '../../src/core/recognize';
import { RecognitionSessions } from '../../src/core/recognize/sessions';
import { articles } from '../fuzz/reanchor';

describe('recognize: sessions per article', () => {
  const kb = KnowledgeBase.builtin();
  const a = '日米首脳会談が開かれた。\n岸田首相は共同声明を発表した。\n';
  const b = 'President Joe Biden met Prime Minister Fumio Kishida.\n';

  it('answers like recognize() for each article, edit after edit, and keeps at most `max` sessions', () => {
    const sessions = new RecognitionSessions(kb, 2);
    assert.deepEqual(sessions.recognize(a, 'file:///a.txt'), recognize(a, kb));
    assert.deepEqual(sessions.recognize(b, 'file:///b.txt'), recognize(b, kb));
    const a2 = a + '韓国の尹大統領も同席した。\n';
    assert.deepEqual(sessions.recognize(a2, 'file:///a.txt'), recognize(a2, kb));
    sessions.recognize(b, 'file:///c.txt');
    assert.equal(sessions.size, 2, 'the least recently used session went');
    sessions.forget('file:///c.txt');
    assert.equal(sessions.size, 1);
    // Bounded in text too: a long article pushes the others out, and is itself kept.
    const small = new RecognitionSessions(kb, 16, a.length + 10);
    small.recognize(a, 'file:///a.txt');
    small.recognize(b, 'file:///b.txt');
    assert.equal(small.size, 1, 'two articles do not fit');
    assert.deepEqual(small.recognize(b + b, 'file:///b.txt'), recognize(b + b, kb));
    // Without an article: recognized afresh, nothing kept.
    assert.deepEqual(sessions.recognize(b), recognize(b, kb));
    assert.equal(sessions.size, 1);
  });

  it('starts afresh with new knowledge', () => {
    const sessions = new RecognitionSessions(kb);
    const text = 'The Zorblat Accord was signed.\n';
    sessions.recognize(text, 'file:///z.txt');
    const workspace = WorkspaceKbSchema.parse({ version: 1, entities: [{ id: 'zorblat-accord', kind: 'agreement', type: 'agreement', names: { en: ['Zorblat Accord'] } }] });
    const taught = KnowledgeBase.builtin().withWorkspace(workspace);
    sessions.setKnowledge(taught);
    assert.equal(sessions.size, 0);
    const found = sessions.recognize(text, 'file:///z.txt');
    assert.ok(found.some((m) => m.entity === 'zorblat-accord'), JSON.stringify(found));
  });

  it('a session made for one text gives what a kept one gives, and refuses a second text', () => {
    const text = (a + b).repeat(300);
    const kept = new RecognitionSession(kb);
    const once = new RecognitionSession(kb, true);
    assert.deepEqual(once.update(text), kept.update(text));
    // It let its regions' data go: updating it again would read what is gone.
    assert.throws(() => once.update(text + 'x'), /one text/);
    assert.deepEqual(kept.update(text + 'x'), recognize(text + 'x', kb));
  });

  it("a kept session's memory does not grow with the edits: no region holds on to an old text", () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const { list } = articles();
    let text = '';
    for (let i = 0; text.length < 300_000; i++) text += list[i % list.length].text + '\n';
    const session = new RecognitionSession(kb);
    session.update(text);
    gc();
    const before = process.memoryUsage().heapUsed;
    const edits = 40;
    for (let i = 0; i < edits; i++) {
      // Each edit in another region, as an analyst works through an article.
      const at = text.indexOf('\n', Math.floor(((i * 17) % edits + 0.5) * (text.length / edits)));
      text = text.slice(0, at) + '、' + text.slice(at);
      session.update(text);
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // A region holding a slice of each edit's text would keep ~40 texts of 2 bytes a code unit alive.
    assert.ok(grown < (edits * text.length * 2) / 8, `heap grew by ${(grown / 1048576).toFixed(1)} MB over ${edits} edits of a ${(text.length / 1000).toFixed(0)}k-character text`);
  });
});
