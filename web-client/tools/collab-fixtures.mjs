// Generates server/src/test/resources/collab/fixtures.json: ChangeSet apply/compose/map and
// rebaseUpdates results computed by the real @codemirror/state and @codemirror/collab, which the
// Java port is checked against (ChangeSetMatchesCodeMirrorTest). Run from web-client/:
//   node tools/collab-fixtures.mjs
import { ChangeSet, Text } from '@codemirror/state';
import { rebaseUpdates } from '@codemirror/collab';
import { writeFileSync } from 'node:fs';

let seed = 42;
const rand = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const int = n => Math.floor(rand() * n);
const ALPHABET = ['a', 'b', 'c', ' ', '\n', 'é', '😀', '中', 'x', 'y'];
const str = n => Array.from({ length: n }, () => ALPHABET[int(ALPHABET.length)]).join('');

function randomChanges(len) {
  const specs = [];
  let pos = 0;
  const n = 1 + int(4);
  for (let i = 0; i < n && pos <= len; i++) {
    const from = pos + int(Math.max(1, len - pos + 1));
    if (from > len) break;
    const to = Math.min(len, from + (rand() < 0.4 ? int(4) : 0));
    const insert = rand() < 0.75 ? str(1 + int(4)) : '';
    if (from === to && !insert) continue;
    specs.push({ from, to, insert });
    pos = to + 1;
  }
  return ChangeSet.of(specs, len);
}

const cases = [];
for (let i = 0; i < 300; i++) {
  const doc = Text.of(str(int(30)).split('\n'));
  const a = randomChanges(doc.length);
  const c = randomChanges(doc.length);
  const afterA = a.apply(doc);
  const b = randomChanges(afterA.length);
  cases.push({
    doc: doc.toString(),
    a: a.toJSON(), b: b.toJSON(), c: c.toJSON(),
    applyA: afterA.toString(),
    composeAB: a.compose(b).toJSON(),
    mapACBefore: a.map(c, true).toJSON(),
    mapACAfter: a.map(c, false).toJSON(),
  });
}

const rebases = [];
for (let i = 0; i < 100; i++) {
  let doc = Text.of(str(int(20)).split('\n'));
  const over = [];
  const overCount = int(4);
  let cur = doc;
  const clients = ['p', 'q', 'r'];
  // Some of "over" may be the pusher's own earlier updates (a resend after a lost confirmation).
  for (let k = 0; k < overCount; k++) {
    const changes = randomChanges(cur.length);
    const clientID = clients[int(3)];
    over.push({ clientID, changes });
    cur = changes.apply(cur);
  }
  // The pushed updates are made on doc; a prefix equal to p's updates in over simulates a resend.
  const updates = [];
  let mine = doc;
  const ownPrefix = over.filter(u => u.clientID === 'p');
  // Only a true prefix situation is valid: p's own updates were made in sequence on doc, which
  // holds when they come first in over. Otherwise use fresh updates only.
  const prefixValid = ownPrefix.length > 0 && over.slice(0, ownPrefix.length).every(u => u.clientID === 'p');
  if (prefixValid) for (const u of ownPrefix) { updates.push(u); mine = u.changes.apply(mine); }
  const fresh = 1 + int(2);
  for (let k = 0; k < fresh; k++) {
    const changes = randomChanges(mine.length);
    updates.push({ clientID: 'p', changes });
    mine = changes.apply(mine);
  }
  const pushed = prefixValid ? updates : updates.filter(u => !ownPrefix.includes(u));
  const overFixed = prefixValid ? over : over.map(u => u.clientID === 'p' ? { ...u, clientID: 's' } : u);
  const rebased = rebaseUpdates(pushed, overFixed);
  let end = cur;
  for (const u of rebased) end = u.changes.apply(end);
  rebases.push({
    doc: doc.toString(),
    over: overFixed.map(u => ({ clientID: u.clientID, changes: u.changes.toJSON() })),
    updates: pushed.map(u => ({ clientID: u.clientID, changes: u.changes.toJSON() })),
    rebased: rebased.map(u => ({ clientID: u.clientID, changes: u.changes.toJSON() })),
    result: end.toString(),
  });
}

writeFileSync(new URL('../../server/src/test/resources/collab/fixtures.json', import.meta.url), JSON.stringify({ cases, rebases }));
console.log(`wrote ${cases.length} change set cases and ${rebases.length} rebase cases`);
