package io.mockroom.testing;

import io.mockroom.config.DatabaseUrl;

/**
 * Makes the database refuse, as a data error, every session event whose payload holds
 * {@link #MARKER} (a trigger), for tests of what the server does with an event Postgres will not
 * store; closing it drops the trigger again.
 */
public final class RefusedEvents implements AutoCloseable {
  public static final String MARKER = "REFUSE ME";

  private final DatabaseUrl database;

  private RefusedEvents(DatabaseUrl database) {
    this.database = database;
  }

  public static RefusedEvents install(DatabaseUrl database) {
    Sql.execute(database, """
        create or replace function refuse_marked_events() returns trigger language plpgsql as $$
        begin
          if new.payload::text like '%{marker}%' then
            raise exception 'refused for the test' using errcode = 'check_violation';
          end if;
          return new;
        end $$""".replace("{marker}", MARKER));
    Sql.execute(database, "create trigger refuse_marked_events before insert on session_events for each row execute function refuse_marked_events()");
    return new RefusedEvents(database);
  }

  @Override
  public void close() {
    Sql.execute(database, "drop trigger refuse_marked_events on session_events");
    Sql.execute(database, "drop function refuse_marked_events()");
  }
}
