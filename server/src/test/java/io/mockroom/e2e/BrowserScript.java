package io.mockroom.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of {@code web-client/e2e/*.mjs} (playwright-core driving Debian's Chromium) against a
 * running server, after making sure Chromium is installed ({@code scripts/ensure-chromium.sh}).
 * Screenshots go to the artefacts folder.
 */
public final class BrowserScript {
  public record Result(int exitCode, List<String> output) {}

  private static boolean chromiumReady;

  private BrowserScript() {}

  public static Result run(String script, String baseUrl, Path artefacts, String... extraArgs) throws Exception {
    Path repo = repoRoot();
    ensureChromium(repo);
    Files.createDirectories(artefacts);
    List<String> command = new ArrayList<>(List.of("node", "e2e/" + script, "--base", baseUrl, "--out", artefacts.toAbsolutePath().toString()));
    command.addAll(List.of(extraArgs));
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(repo.resolve("web-client").toFile())
        .redirectErrorStream(true);
    Process p = pb.start();
    List<String> output = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        System.out.println(line);
        output.add(line);
      }
    }
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(script + " did not finish within 5 minutes");
    }
    return new Result(p.exitValue(), output);
  }

  private static synchronized void ensureChromium(Path repo) throws Exception {
    if (chromiumReady) return;
    Process p = new ProcessBuilder("bash", repo.resolve("scripts/ensure-chromium.sh").toString()).inheritIO().start();
    if (p.waitFor() != 0) throw new AssertionError("Chromium is not available and could not be installed");
    chromiumReady = true;
  }

  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.isDirectory(dir.resolve("web-client")) && Files.isDirectory(dir.resolve("server")))) {
      dir = dir.getParent();
    }
    if (dir == null) throw new IllegalStateException("Cannot find the repository root from " + Path.of("").toAbsolutePath());
    return dir;
  }
}
