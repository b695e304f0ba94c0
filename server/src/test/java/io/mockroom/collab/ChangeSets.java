package io.mockroom.collab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Builds ChangeSets for tests the way an editor would describe a single edit. */
public final class ChangeSets {
  private ChangeSets() {}

  /** Replaces [from, to) of a document of length {@code length} with {@code insert}. */
  public static ChangeSet replace(int length, int from, int to, String insert) {
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    if (from > 0) json.add(from);
    ArrayNode change = json.addArray().add(to - from);
    if (!insert.isEmpty()) for (String line : insert.split("\n", -1)) change.add(line);
    if (length - to > 0) json.add(length - to);
    return ChangeSet.fromJson(json);
  }
}
