package io.mockroom.bank;

import io.mockroom.bank.importer.FileReport;
import io.mockroom.bank.importer.ImportResult;
import io.mockroom.bank.importer.SeedDocument;
import io.mockroom.bank.importer.SeedImporter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Imports seed documents into the bank: parse off the event loop, then one transaction. */
public final class BankSeeder {
  private static final Logger log = LoggerFactory.getLogger(BankSeeder.class);

  private BankSeeder() {}

  public static Future<BankImportStore.Outcome> importBundled(Vertx vertx, Pool pool) {
    return vertx.executeBlocking(SeedImporter::bundledSeeds, false)
        .compose(docs -> importDocuments(vertx, pool, docs));
  }

  public static Future<BankImportStore.Outcome> importDocuments(Vertx vertx, Pool pool, List<SeedDocument> docs) {
    return vertx.executeBlocking(() -> SeedImporter.importAll(docs), false)
        .compose(result -> {
          logReport(result);
          return new BankImportStore(pool).write(result, hashes(docs));
        })
        .onSuccess(o -> log.info("Question bank imported: {} new, {} updated, {} unchanged, {} removed ({} of them archived:"
            + " sessions refer to them)", o.inserted(), o.updated(), o.unchanged(), o.removed(), o.archived()));
  }

  private static void logReport(ImportResult result) {
    for (FileReport f : result.files()) {
      log.info("Seed {}: {} questions read, {} junk fragments removed", f.file(), f.questionsRead(), f.junkRemoved());
      for (String text : f.unplaced()) {
        log.warn("Seed {}: text not placed in any question: {}", f.file(), abbreviate(text));
      }
    }
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 160 ? one : one.substring(0, 157) + "…";
  }

  static Map<String, String> hashes(List<SeedDocument> docs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (SeedDocument d : docs) {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        out.put(d.fileName(), HexFormat.of().formatHex(sha.digest(d.text().getBytes(StandardCharsets.UTF_8))));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }
}
