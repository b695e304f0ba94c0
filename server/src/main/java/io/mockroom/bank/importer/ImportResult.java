package io.mockroom.bank.importer;

import java.util.List;

public record ImportResult(List<FileReport> files, List<BankQuestion> questions) {}
