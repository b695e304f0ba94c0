package io.mockroom.bank.importer;

import java.util.List;

/**
 * A question as a parser cut it out of its document, before cleaning. {@code heading} is what
 * the source's section heading (or label) says about it; its parts are null where it says nothing.
 */
record RawQuestion(String position, String prompt, List<String> answerLines, SectionHeading heading) {}
