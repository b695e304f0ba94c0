// Generates reference-fixtures.json: what the real @codemirror/state and @codemirror/collab
// compute for random documents and change sets, rebaseUpdates calls, and receiveUpdates of a
// real EditorState. ChangeSetMatchesTheJavaScriptReferenceTest replays every case against the
// Java port, so node is not needed at test time. Deterministic (seeded); rerun after upgrading
// CodeMirror and commit the result:
//
//   cd web-client && npm ci
//   NODE_PATH=node_modules node tools/collab-reference-fixtures.mjs \
//     > ../server/src/test/resources/collab/reference-fixtures.json
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
const require = createRequire(import.meta.url); // CommonJS resolution honours NODE_PATH
const { ChangeSet, EditorState, Text } = require("@codemirror/state");
const { collab, receiveUpdates, sendableUpdates, getSyncedVersion, rebaseUpdates } = require("@codemirror/collab");
const versionOf = pkg => { // package.json is not in the packages' "exports"
  let dir = dirname(require.resolve(pkg));
  while (!dir.endsWith(pkg)) dir = dirname(dir);
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
};
const apply = (cs, doc) => cs.apply(Text.of(doc.split("\n"))).toString(); // apply() takes a Text

let seed = 20240611;
function rand() { // mulberry32
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = n => Math.floor(rand() * n);
const PIECES = ["a", "b", "c", "x", " ", "\n", "é", "e\u0301", "中", "文", "😀", "👩‍💻", "ß", "\n\n"];

function text(max) {
  let s = "";
  for (let n = int(max + 1); n > 0; n--) s += PIECES[int(PIECES.length)];
  return s;
}
// Positions that do not split a surrogate pair, as an editor's would not.
function boundaries(doc) {
  const out = [];
  for (let i = 0; i <= doc.length; i++) {
    const c = doc.charCodeAt(i - 1);
    if (!(i > 0 && i < doc.length && c >= 0xd800 && c <= 0xdbff)) out.push(i);
  }
  return out;
}
function changes(doc, nonEmpty = false) {
  const b = boundaries(doc), specs = [];
  for (let n = 1 + int(3); n > 0; n--) {
    let from = b[int(b.length)], to = b[int(b.length)];
    if (from > to) [from, to] = [to, from];
    if (rand() < 0.4) to = from; // pure insertion
    specs.push({ from, to, insert: rand() < 0.25 ? "" : text(4) });
  }
  const cs = ChangeSet.of(specs, doc.length);
  return nonEmpty && cs.empty ? changes(doc, true) : cs;
}
// Valid JSON for a document of `len` that CodeMirror never produces: zero-length parts, split retains.
function rawJson(len) {
  const parts = [];
  let left = len;
  while (left > 0 || rand() < 0.3) {
    const kind = int(4);
    const n = kind == 3 || left == 0 ? 0 : 1 + int(Math.min(left, 4));
    if (kind == 0) parts.push(n);
    else if (kind == 1) parts.push([n]);
    else if (kind == 2) parts.push([n, ...text(3).split("\n")]);
    else parts.push(0, [0, text(2).split("\n")[0]]);
    left -= n;
    if (parts.length > 12) { if (left > 0) parts.push(left); left = 0; break; }
  }
  return parts;
}
// What ChangeSet.of builds for the same changes: the canonical form the Java parser produces.
function normalize(cs) {
  const specs = [];
  cs.iterChanges((from, to, _fromB, _toB, insert) => specs.push({ from, to, insert }), true);
  return ChangeSet.of(specs, cs.length);
}
const json = cs => cs.toJSON();
const upd = u => ({ clientID: u.clientID, changes: u.changes.toJSON() });

const changeSets = [];
for (let i = 0; i < 300; i++) {
  const doc = text(12);
  const raw = i % 5 == 4 ? rawJson(doc.length) : null; // every fifth case
  const a = raw ? normalize(ChangeSet.fromJSON(raw)) : changes(doc);
  const c = changes(doc);
  const aDoc = apply(a, doc);
  const b = changes(aDoc);
  const ab = a.compose(b);
  // converged: c then a-mapped-over-c, which equals a then c-mapped-over-a (asserted here).
  const converged = apply(c.compose(a.map(c)), doc);
  if (converged != apply(a.compose(c.map(a, true)), doc)) throw new Error("CodeMirror's mapping did not converge");
  changeSets.push({
    doc, a: raw || json(a), normalizedA: json(a), b: json(b), c: json(c),
    aDoc, ab: json(ab), abDoc: apply(ab, doc),
    aOverC: json(a.map(c)), aOverCBefore: json(a.map(c, true)), converged,
  });
}

// A history where client "me" had some of its updates accepted (rebased) between foreign ones:
// every rebaseUpdates call is a case, and so is a real EditorState receiving that history in
// random batches.
const rebases = [], receives = [];
for (let i = 0; i < 120; i++) {
  const doc0 = text(10);
  const mine = [];
  let mdoc = doc0;
  for (let n = 1 + int(4); n > 0; n--) {
    const cs = changes(mdoc, true); // the collab plugin records no update for an empty change
    mine.push({ clientID: "me", changes: cs });
    mdoc = apply(cs, mdoc);
  }
  const history = [];
  let sdoc = doc0, accepted = 0;
  for (let steps = 1 + int(6); steps > 0; steps--) {
    if (accepted < mine.length && rand() < 0.4) {
      const push = mine.slice(0, accepted + 1 + int(mine.length - accepted));
      const result = rebaseUpdates(push, history);
      rebases.push({ updates: push.map(upd), over: history.map(upd), result: result.map(upd) });
      for (const u of result) { history.push(u); sdoc = apply(u.changes, sdoc); }
      accepted = push.length;
    } else {
      const u = { clientID: rand() < 0.5 ? "f1" : "f2", changes: changes(sdoc, true) };
      history.push(u);
      sdoc = apply(u.changes, sdoc);
    }
  }
  const result = rebaseUpdates(mine, history);
  rebases.push({ updates: mine.map(upd), over: history.map(upd), result: result.map(upd) });

  let state = EditorState.create({ doc: doc0, extensions: [collab({ clientID: "me" })] });
  for (const u of mine) state = state.update({ changes: u.changes }).state;
  const batches = [];
  for (let from = 0; from < history.length; ) {
    const to = from + 1 + int(history.length - from);
    state = receiveUpdates(state, history.slice(from, to)).state;
    batches.push({
      updates: history.slice(from, to).map(upd),
      doc: state.doc.toString(), version: getSyncedVersion(state),
      unconfirmed: sendableUpdates(state).map(u => u.changes.toJSON()),
    });
    from = to;
  }
  receives.push({ doc: doc0, clientID: "me", local: mine.map(u => u.changes.toJSON()), batches });
}

// Mapping is not compositional: a.map(b).map(c) and a.map(b.compose(c)) can differ as documents.
// Kept as evidence for why the authority does not rebase over two foreign pushes.
const nonCompositional = [];
for (let tries = 0; nonCompositional.length < 5 && tries < 100000; tries++) {
  const doc = text(5), a = changes(doc, true), b = changes(doc, true), c = changes(apply(b, doc), true);
  const bc = b.compose(c), viaSteps = apply(bc.compose(a.map(b).map(c)), doc), viaComposed = apply(bc.compose(a.map(bc)), doc);
  if (viaSteps != viaComposed) nonCompositional.push({ doc, a: json(a), b: json(b), c: json(c), viaSteps, viaComposed });
}

process.stdout.write(JSON.stringify({
  generatedBy: "generate-fixtures.mjs", stateVersion: versionOf("@codemirror/state"),
  collabVersion: versionOf("@codemirror/collab"), changeSets, rebases, receives, nonCompositional,
}) + "\n");
