/**
 * The question bank importer: pure Java, no database, no Vert.x. {@link
 * io.mockroom.bank.importer.SeedImporter#importAll} turns source documents into {@link
 * io.mockroom.bank.importer.ImportResult}: a {@link io.mockroom.bank.importer.FileReport} per file
 * (questions read, junk removed, text left unplaced) and the merged {@link
 * io.mockroom.bank.importer.BankQuestion}s. The store writes that result; nothing here does I/O
 * except reading the bundled seeds from the classpath ({@code seeds/index.txt}).
 *
 * <h2>Pipeline</h2>
 * <ol>
 *   <li>{@code Mojibake} repairs the whole document (UTF-8 once read as Windows-1252).</li>
 *   <li>Every {@code SourceParser} counts its own question markers; the one that finds most cuts
 *       the document into raw questions (so a renamed file still parses). Text between questions
 *       is junk (chatter, rules, HTML, table of contents, titles — counted) or unplaced (reported).
 *       Lines inside code fences are never structure.</li>
 *   <li>{@code MarkdownAnswer} cleans each answer ({@code TextCleaner}, {@code CodeLanguage});
 *       {@code SectionHeading} maps a source's headings and labels to a stated level and topic;
 *       {@code DifficultyInference} and {@code TopicClassifier} fill in the rest, marked inferred.
 *       Topics always come from the one vocabulary {@link io.mockroom.bank.importer.Topics#ALL}.</li>
 *   <li>{@code DuplicateMerger} groups the same question from anywhere ({@code PromptSignature});
 *       each group becomes one bank question with {@code KeyPoints}.</li>
 * </ol>
 *
 * <h2>Formats (and their positions)</h2>
 * <ul>
 *   <li>{@code NumberedListParser}: "### Basics" sections of "12. Question?" lines, answers as
 *       paragraphs. Position "12". Headings give a level (Basic/Basics/…/Advanced Topics) and/or a
 *       topic.</li>
 *   <li>{@code GuideParser}: HTML header, table of contents with {@code <span class="…">} levels,
 *       "### Q7: …" blocks with "**Difficulty**: …" labels and "Back to Top" links. Position "Q7".
 *       Its Python snippets labelled {@code javascript} are relabelled (and {@code //} comments
 *       become {@code #}); shell snippets become {@code bash}; its filler sentence ("This concept
 *       is fundamental…") is removed.</li>
 *   <li>{@code ChatExportParser}: "**12. Question:**" / "**Answer:**" blocks from several chat
 *       replies, copy-button HTML in fences, chatter between replies. Position "12". Chatter
 *       ends the reach of the previous reply's heading.</li>
 *   <li>{@code SectionedBulletsParser}: "## 2. **Topic**" sections, "1. **Question?**" items,
 *       "- **Explanation:** …" answers. Position "2.1" (numbers restart per section).</li>
 *   <li>{@code PlainPairsParser} (fallback): a question line, then answer lines. Position: the
 *       ordinal ("5"), the only identity the format gives.</li>
 * </ul>
 * A position used twice in one file gets a suffix ("12~2").
 *
 * <h2>Merge rule</h2>
 * A prompt's core terms: filler and asides dropped, curated phrases folded (GIL, context manager /
 * with statement, deep copy, {@code ==}/{@code is}…), light stemming, "kind" words (module,
 * function) and "angle" words (nested, shallow, performance, file) dropped when something else is
 * left, and the words a named tool implies dropped when it is named (pdb: debugging; mock: tests,
 * dependencies; Celery: background tasks; zip: iterating over lists). "X, and how does it differ
 * from Y" is a comparison of X with Y. Two prompts are the same question when their cores are equal, or — neither being a
 * comparison — they share ≥ 2 terms with Jaccard ≥ 0.7. Comparisons merge only with comparisons of
 * the same things, so "list vs tuple", "list, tuple and set" and "sets vs lists" stay three
 * questions, while "deep vs shallow copy" and "deepcopy vs copy" are one. Groups grow by complete
 * linkage in source order. The richest variant leads (real code first, then length); the others
 * are alternates with their source. The key is the first variant's "file#position".
 *
 * <h2>Known limits</h2>
 * <ul>
 *   <li>Merging reads prompts only: "How do you ensure resources are closed even if errors occur?"
 *       (answered with context managers) is not merged with the context-manager question, nor
 *       "bypass the GIL" with "what is the GIL" — on purpose, but recall is partial.</li>
 *   <li>Chatter and filler are recognised by curated phrases; a new assistant's phrasing may need a
 *       new entry in {@code TextCleaner}. Unrecognised text between questions is reported as
 *       unplaced, never dropped silently; inside an answer it stays in the answer.</li>
 *   <li>A plain-text question must end in "?" or start like a task ("Explain…", "Describe…");
 *       positions there are ordinals, so inserting a question renumbers the ones after it.</li>
 *   <li>Inferred difficulty and topic are keyword rules, good for filtering, not authoritative.</li>
 * </ul>
 */
package io.mockroom.bank.importer;
