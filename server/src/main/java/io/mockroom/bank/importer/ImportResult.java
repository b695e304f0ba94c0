package io.mockroom.bank.importer;

import java.util.List;

/** Everything one import produced: a report per file (in file-name order) and the merged bank questions. */
public record ImportResult(List<FileReport> files, List<BankQuestion> questions) {}
