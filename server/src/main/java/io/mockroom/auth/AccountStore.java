package io.mockroom.auth;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Organisations, accounts, login sessions and invitations: all of their SQL. */
public final class AccountStore {
  public static final Duration LOGIN_LIFETIME = Duration.ofDays(14);
  public static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

  /** Thrown when an email is already taken. */
  public static final class EmailTaken extends RuntimeException {
    EmailTaken() {
      super(null, null, false, false);
    }
  }

  /** Thrown when an invitation made for one email is used to sign up with another. */
  public static final class InvitedAnotherEmail extends RuntimeException {
    InvitedAnotherEmail() {
      super(null, null, false, false);
    }
  }

  public record Credentials(Account account, String passwordHash) {}

  public record Invitation(UUID organisationId, String organisationName, Optional<String> email, OffsetDateTime expiresAt) {}

  private static final String ACCOUNT_COLUMNS = """
      a.id, a.organisation_id, o.name as organisation_name, a.email, a.display_name, a.role, a.password_hash""";

  private final Pool pool;

  public AccountStore(Pool pool) {
    this.pool = pool;
  }

  /** Whether the server has an organisation yet. */
  public Future<Boolean> anyOrganisation() {
    return pool.query("select exists (select 1 from organisations) as any").execute()
        .map(rows -> rows.iterator().next().getBoolean("any"));
  }

  /** A new organisation was asked for, but the server takes only its first one (MOCKROOM_OPEN_SIGNUP is off). */
  public static final class SignupClosed extends RuntimeException {
    SignupClosed() {
      super(null, null, false, false);
    }
  }

  /** Any number of organisations (open sign-up). */
  public Future<Account> createWithOrganisation(String organisation, String name, String email, String passwordHash) {
    return createWithOrganisation(organisation, name, email, passwordHash, true);
  }

  /**
   * @param open whether an organisation may be created when the server has one already; if not,
   *     only the first one is (two first sign-ups at once: one wins, the other gets {@link SignupClosed})
   */
  public Future<Account> createWithOrganisation(String organisation, String name, String email, String passwordHash, boolean open) {
    UUID orgId = UUID.randomUUID();
    UUID accountId = UUID.randomUUID();
    return pool.withTransaction(c -> (open ? Future.<Void>succeededFuture() : c
            // One first sign-up at a time, so two racing ones cannot both find the server empty.
            .query("select pg_advisory_xact_lock(hashtext('mockroom first organisation'))").execute()
            .compose(v -> c.query("select exists (select 1 from organisations) as taken").execute())
            .compose(rows -> rows.iterator().next().getBoolean("taken")
                ? Future.<Void>failedFuture(new SignupClosed()) : Future.<Void>succeededFuture()))
        .compose(v -> c.preparedQuery("insert into organisations (id, name) values ($1, $2)").execute(Tuple.of(orgId, organisation)))
        .compose(v -> c.preparedQuery("""
            insert into accounts (id, organisation_id, email, display_name, password_hash, role)
            values ($1, $2, $3, $4, $5, 'owner')""").execute(Tuple.of(accountId, orgId, email, name, passwordHash))))
        .recover(AccountStore::emailTaken)
        .map(v -> new Account(accountId, orgId, organisation, email, name, "owner"));
  }

  /** Joins the invitation's organisation; the invitation is used up in the same transaction. */
  public Future<Optional<Account>> createFromInvitation(String token, String name, String email, String passwordHash) {
    UUID accountId = UUID.randomUUID();
    return pool.withTransaction(c -> c.preparedQuery("""
            select i.organisation_id, o.name, i.email from invitations i join organisations o on o.id = i.organisation_id
             where i.token_hash = $1 and i.accepted_at is null and i.expires_at > now() for update of i""")
        .execute(Tuple.of(Tokens.sha256(token)))
        .compose(rows -> {
          if (rows.size() == 0) return Future.succeededFuture(Optional.<Account>empty());
          Row r = rows.iterator().next();
          // An invitation made for someone's email lets only that email in (a forwarded link does not).
          String invited = r.getString(2);
          if (invited != null && !invited.equalsIgnoreCase(email)) return Future.failedFuture(new InvitedAnotherEmail());
          UUID orgId = r.getUUID(0);
          return c.preparedQuery("""
                  insert into accounts (id, organisation_id, email, display_name, password_hash, role)
                  values ($1, $2, $3, $4, $5, 'interviewer')""")
              .execute(Tuple.of(accountId, orgId, email, name, passwordHash))
              .compose(v -> c.preparedQuery("update invitations set accepted_by = $1, accepted_at = now() where token_hash = $2")
                  .execute(Tuple.of(accountId, Tokens.sha256(token))))
              .map(v -> Optional.of(new Account(accountId, orgId, r.getString(1), email, name, "interviewer")));
        }))
        .recover(AccountStore::emailTaken);
  }

  public Future<Optional<Credentials>> credentials(String email) {
    return pool.preparedQuery("select " + ACCOUNT_COLUMNS + "\n" + """
             from accounts a join organisations o on o.id = a.organisation_id where lower(a.email) = lower($1)""")
        .execute(Tuple.of(email))
        .map(rows -> rows.size() == 0 ? Optional.empty()
            : Optional.of(new Credentials(account(rows.iterator().next()), rows.iterator().next().getString("password_hash"))));
  }

  /** Starts a login session and returns the cookie value (only its hash is stored). */
  public Future<String> startLogin(UUID accountId) {
    String token = Tokens.random();
    return pool.preparedQuery("insert into login_sessions (token_hash, account_id, expires_at) values ($1, $2, $3)")
        .execute(Tuple.of(Tokens.sha256(token), accountId, OffsetDateTime.now(ZoneOffset.UTC).plus(LOGIN_LIFETIME)))
        .map(v -> token);
  }

  public Future<Optional<Account>> byLogin(String token) {
    if (!Tokens.plausible(token)) return Future.succeededFuture(Optional.empty());
    return pool.preparedQuery("select " + ACCOUNT_COLUMNS + "\n" + """
             from login_sessions s join accounts a on a.id = s.account_id
             join organisations o on o.id = a.organisation_id
            where s.token_hash = $1 and s.expires_at > now()""")
        .execute(Tuple.of(Tokens.sha256(token)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(account(rows.iterator().next())));
  }

  public Future<Void> endLogin(String token) {
    return pool.preparedQuery("delete from login_sessions where token_hash = $1")
        .execute(Tuple.of(Tokens.sha256(token))).mapEmpty();
  }

  public Future<String> invite(Account by, Optional<String> email) {
    String token = Tokens.random();
    return pool.preparedQuery("""
            insert into invitations (token_hash, organisation_id, created_by, email, expires_at)
            values ($1, $2, $3, $4, $5)""")
        .execute(Tuple.of(Tokens.sha256(token), by.organisationId(), by.id(), email.orElse(null),
            OffsetDateTime.now(ZoneOffset.UTC).plus(INVITATION_LIFETIME)))
        .map(v -> token);
  }

  public Future<Optional<Invitation>> invitation(String token) {
    if (!Tokens.plausible(token)) return Future.succeededFuture(Optional.empty());
    return pool.preparedQuery("""
            select i.organisation_id, o.name, i.email, i.expires_at from invitations i
              join organisations o on o.id = i.organisation_id
             where i.token_hash = $1 and i.accepted_at is null and i.expires_at > now()""")
        .execute(Tuple.of(Tokens.sha256(token)))
        .map(rows -> {
          if (rows.size() == 0) return Optional.empty();
          Row r = rows.iterator().next();
          return Optional.of(new Invitation(r.getUUID(0), r.getString(1), Optional.ofNullable(r.getString(2)), r.getOffsetDateTime(3)));
        });
  }

  /** One account by id, read through {@code client} (e.g. inside a caller's transaction). */
  public static Future<Account> byId(SqlClient client, UUID id) {
    return client.preparedQuery("select " + ACCOUNT_COLUMNS + "\n" + """
             from accounts a join organisations o on o.id = a.organisation_id where a.id = $1""")
        .execute(Tuple.of(id))
        .map(rows -> account(rows.iterator().next()));
  }

  /** Accounts of one organisation, for inviting a co-interviewer to a session. */
  public Future<Optional<Account>> inOrganisation(UUID organisationId, String email) {
    return pool.preparedQuery("select " + ACCOUNT_COLUMNS + "\n" + """
             from accounts a join organisations o on o.id = a.organisation_id
            where a.organisation_id = $1 and lower(a.email) = lower($2)""")
        .execute(Tuple.of(organisationId, email))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(account(rows.iterator().next())));
  }

  private static Account account(Row r) {
    return new Account(r.getUUID("id"), r.getUUID("organisation_id"), r.getString("organisation_name"),
        r.getString("email"), r.getString("display_name"), r.getString("role"));
  }

  private static <T> Future<T> emailTaken(Throwable e) {
    if (e instanceof PgException pg && "23505".equals(pg.getSqlState()) && String.valueOf(pg.getConstraint()).contains("email")) {
      return Future.failedFuture(new EmailTaken());
    }
    return Future.failedFuture(e);
  }
}
