package io.mockroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the files under {@code deploy/} the way Docker, Compose, Kubernetes and HAProxy would, far
 * enough for {@link DeployFilesMatchTheServerTest} to compare them with the server: Dockerfile
 * instructions by stage, YAML documents, HAProxy sections, and the environment each Mockroom
 * container gets.
 */
final class DeployFiles {
  /** Tests run in {@code server/}; the property points the test at a copy (to see it fail on a broken one). */
  static final Path DEPLOY = Path.of(System.getProperty("mockroom.deploy.dir", "../deploy")).toAbsolutePath().normalize();
  static final Path DOCKERFILE = DEPLOY.resolve("Dockerfile");
  static final Path COMPOSE = DEPLOY.resolve("docker-compose.yml");
  static final Path HAPROXY = DEPLOY.resolve("haproxy.cfg");
  static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
  static final Path README = DEPLOY.resolve("README.md");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private DeployFiles() {}

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> filesUnder(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> yamlFiles() {
    return filesUnder(DEPLOY).stream()
        .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
        .toList();
  }

  /** Every document of a YAML file (a {@code ---} separates them); empty documents are dropped. */
  static List<JsonNode> yamlDocuments(Path file) {
    try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
      List<JsonNode> out = new ArrayList<>();
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) out.add(doc);
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError(DEPLOY.getParent().relativize(file) + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  static JsonNode compose() {
    List<JsonNode> docs = yamlDocuments(COMPOSE);
    if (docs.size() != 1) throw new AssertionError("docker-compose.yml should hold one document, has " + docs.size());
    return docs.get(0);
  }

  static List<JsonNode> kubernetesDocuments() {
    List<JsonNode> out = new ArrayList<>();
    for (Path f : filesUnder(KUBERNETES)) {
      if (f.getFileName().toString().matches(".*\\.ya?ml")) out.addAll(yamlDocuments(f));
    }
    return out;
  }

  static List<JsonNode> kubernetes(String kind) {
    return kubernetesDocuments().stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
  }

  // ------------------------------------------------------------------------------------------
  // Dockerfile

  record Instruction(String keyword, String args) {}

  record Stage(String from, String name, List<Instruction> instructions) {
    List<Instruction> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword.equals(keyword)).toList();
    }

    Optional<Instruction> last(String keyword) {
      List<Instruction> found = all(keyword);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }
  }

  /** The Dockerfile's stages, each with its instructions (continuation lines joined, comments dropped). */
  static List<Stage> dockerfileStages() {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String raw : read(DOCKERFILE).split("\n", -1)) {
      String line = raw.strip();
      if (line.startsWith("#")) continue; // comment lines, also inside a continuation
      if (line.isEmpty() && pending.isEmpty()) continue;
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      pending.append(line);
      String whole = pending.toString().strip();
      pending.setLength(0);
      if (whole.isEmpty()) continue;
      String[] parts = whole.split("\\s+", 2);
      instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : ""));
    }
    List<Stage> stages = new ArrayList<>();
    for (Instruction i : instructions) {
      if (i.keyword.equals("FROM")) {
        String[] words = i.args.split("\\s+");
        List<String> nonFlags = java.util.Arrays.stream(words).filter(w -> !w.startsWith("--")).toList();
        String name = nonFlags.size() >= 3 && nonFlags.get(1).equalsIgnoreCase("AS") ? nonFlags.get(2) : null;
        stages.add(new Stage(nonFlags.get(0), name, new ArrayList<>()));
      } else if (!stages.isEmpty()) {
        stages.get(stages.size() - 1).instructions.add(i);
      } else if (!i.keyword.equals("ARG")) {
        throw new AssertionError("Dockerfile: " + i.keyword + " before the first FROM");
      }
    }
    return stages;
  }

  /** {@code ENV a=b c="d e"} (and the old {@code ENV a b}) of one stage, in order. */
  static Map<String, String> dockerfileEnv(Stage stage) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Instruction i : stage.all("ENV")) {
      List<String> words = shellWords(i.args);
      if (!words.isEmpty() && !words.get(0).contains("=")) {
        env.put(words.get(0), String.join(" ", words.subList(1, words.size())));
        continue;
      }
      for (String w : words) {
        int eq = w.indexOf('=');
        if (eq <= 0) throw new AssertionError("Dockerfile: cannot read ENV " + i.args);
        env.put(w.substring(0, eq), w.substring(eq + 1));
      }
    }
    return env;
  }

  /** Splits on blanks outside quotes and removes the quotes. */
  static List<String> shellWords(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (quote != 0) {
        if (c == quote) quote = 0;
        else cur.append(c);
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) out.add(cur.toString());
        cur.setLength(0);
        inWord = false;
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (inWord) out.add(cur.toString());
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // HAProxy

  /** A section such as {@code backend nodes}: its directive lines, comments removed. */
  record HaproxySection(String type, String name, List<List<String>> lines) {
    List<List<String>> directives(String first) {
      return lines.stream().filter(l -> l.get(0).equals(first)).toList();
    }
  }

  static List<HaproxySection> haproxySections() {
    List<HaproxySection> out = new ArrayList<>();
    HaproxySection current = null;
    for (String raw : read(HAPROXY).split("\n")) {
      String line = raw.replaceFirst("(^|\\s)#.*$", "").strip();
      if (line.isEmpty()) continue;
      List<String> words = List.of(line.split("\\s+"));
      boolean header = !Character.isWhitespace(raw.charAt(0))
          && List.of("global", "defaults", "frontend", "backend", "listen", "resolvers", "userlist", "peers", "cache", "program")
              .contains(words.get(0));
      if (header) {
        current = new HaproxySection(words.get(0), words.size() > 1 ? words.get(1) : "", new ArrayList<>());
        out.add(current);
      } else if (current == null) {
        throw new AssertionError("haproxy.cfg: '" + line + "' is outside any section");
      } else {
        current.lines.add(words);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // Environment of a Mockroom container

  /**
   * One variable as a deploy file sets it: {@code raw} as written (null when it comes from a
   * fieldRef or a secret), {@code value} what the server would see (placeholders filled in).
   */
  record EnvVar(String name, String raw, String value, String origin) {}

  /** A container that runs the Mockroom image, with every variable it gets (image ENV first, then its own). */
  record MockroomContainer(String where, List<EnvVar> env, boolean kubernetes) {
    Map<String, String> asMap() {
      Map<String, String> m = new LinkedHashMap<>();
      env.forEach(v -> m.put(v.name, v.value));
      return m;
    }
  }

  private static final Pattern COMPOSE_VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  /** A compose placeholder is filled with its default, else with a plausible value named here. */
  static final Map<String, String> PLAUSIBLE_COMPOSE_VARIABLES = Map.of("POSTGRES_PASSWORD", "c0ffee0123456789");

  static String substituteComposeVariables(String where, String value) {
    Matcher m = COMPOSE_VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(4);
      String op = m.group(2);
      String replacement;
      if (op != null && op.endsWith("-")) {
        replacement = m.group(3);
      } else if (PLAUSIBLE_COMPOSE_VARIABLES.containsKey(name)) {
        replacement = PLAUSIBLE_COMPOSE_VARIABLES.get(name);
      } else {
        throw new AssertionError(where + ": ${" + name + "} has no default (${" + name + ":-…}) and the test knows no plausible value for it");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The image's own ENV, as the runtime (last) stage sets it. */
  static List<EnvVar> imageEnv() {
    List<Stage> stages = dockerfileStages();
    List<EnvVar> out = new ArrayList<>();
    dockerfileEnv(stages.get(stages.size() - 1)).forEach((k, v) -> out.add(new EnvVar(k, v, v, "Dockerfile ENV")));
    return out;
  }

  static boolean builtFromOurDockerfile(JsonNode service) {
    JsonNode build = service.path("build");
    if (build.isMissingNode()) return false;
    Path context = COMPOSE.getParent().resolve(build.isTextual() ? build.asText() : build.path("context").asText(".")).normalize();
    String dockerfile = build.path("dockerfile").asText("Dockerfile");
    return context.resolve(dockerfile).normalize().equals(DOCKERFILE.normalize());
  }

  static Map<String, JsonNode> composeMockroomServices() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    compose().path("services").fields().forEachRemaining(e -> {
      if (builtFromOurDockerfile(e.getValue())) out.put(e.getKey(), e.getValue());
    });
    return out;
  }

  /** What a compose service sets itself, raw (before substitution), in order. */
  static Map<String, JsonNode> composeEnvironment(String service, JsonNode svc) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    JsonNode env = svc.path("environment");
    if (env.isObject()) {
      env.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    } else if (env.isArray()) {
      for (JsonNode item : env) {
        String s = item.asText();
        int eq = s.indexOf('=');
        if (eq < 0) throw new AssertionError(service + ": environment entry '" + s + "' passes the host's value through; give it a value");
        out.put(s.substring(0, eq), YAML.getNodeFactory().textNode(s.substring(eq + 1)));
      }
    }
    return out;
  }

  static List<MockroomContainer> composeContainers() {
    List<MockroomContainer> out = new ArrayList<>();
    composeMockroomServices().forEach((name, svc) -> {
      String where = "docker-compose.yml service " + name;
      List<EnvVar> env = new ArrayList<>(imageEnv());
      composeEnvironment(where, svc).forEach((k, v) -> {
        if (!(v.isTextual() || v.isNumber())) {
          throw new AssertionError(where + ": " + k + " is " + v.getNodeType() + "; quote it (\"" + v.asText() + "\") so it reaches the server as text");
        }
        env.removeIf(e -> e.name.equals(k));
        env.add(new EnvVar(k, v.asText(), substituteComposeVariables(where + " " + k, v.asText()), "compose"));
      });
      out.add(new MockroomContainer(where, env, false));
    });
    return out;
  }

  /** Plausible values for what only the cluster knows at run time. */
  static String plausibleFieldRef(String fieldPath) {
    return switch (fieldPath) {
      case "status.podIP" -> "10.42.0.17";
      case "metadata.namespace" -> "interviews";
      case "metadata.name" -> "mockroom-5d8f7c9b4-x2k8q";
      case "spec.nodeName" -> "worker-1";
      default -> throw new AssertionError("No plausible value known for fieldRef " + fieldPath);
    };
  }

  static final Map<String, String> PLAUSIBLE_SECRETS =
      Map.of("MOCKROOM_DATABASE_URL", "postgresql://mockroom:c0ffee0123456789@postgres.interviews.svc.cluster.local:5432/mockroom",
          "MOCKROOM_METRICS_TOKEN", "5ca1ab1e0123456789abcdef");

  private static final Pattern KUBERNETES_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  /** Names a container's env values refer to as {@code $(NAME)}. */
  static List<String> kubernetesReferences(String value) {
    List<String> out = new ArrayList<>();
    Matcher m = KUBERNETES_REFERENCE.matcher(value);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /** Each container of each Deployment, its env resolved as the kubelet would (fieldRefs and secrets plausibly). */
  static List<MockroomContainer> kubernetesContainers() {
    List<MockroomContainer> out = new ArrayList<>();
    for (JsonNode deployment : kubernetes("Deployment")) {
      for (JsonNode c : deployment.path("spec").path("template").path("spec").path("containers")) {
        String where = "Deployment " + deployment.path("metadata").path("name").asText() + " container " + c.path("name").asText();
        List<EnvVar> env = new ArrayList<>(imageEnv());
        Map<String, String> ownSoFar = new LinkedHashMap<>();
        for (JsonNode e : c.path("env")) {
          String name = e.path("name").asText();
          String value;
          String raw = null;
          String origin;
          if (e.has("value")) {
            if (!e.get("value").isTextual()) {
              throw new AssertionError(where + ": env " + name + " must be a string (quote it); Kubernetes refuses " + e.get("value").getNodeType());
            }
            value = e.get("value").asText();
            raw = value;
            origin = "literal";
            for (String ref : kubernetesReferences(value)) {
              if (!ownSoFar.containsKey(ref)) {
                throw new AssertionError(where + ": " + name + " refers to $(" + ref + "), which is not defined before it, so Kubernetes would pass it on unexpanded");
              }
              value = value.replace("$(" + ref + ")", ownSoFar.get(ref));
            }
          } else if (e.path("valueFrom").has("fieldRef")) {
            value = plausibleFieldRef(e.path("valueFrom").path("fieldRef").path("fieldPath").asText());
            origin = "fieldRef";
          } else if (e.path("valueFrom").has("secretKeyRef")) {
            value = PLAUSIBLE_SECRETS.get(name);
            if (value == null) throw new AssertionError(where + ": no plausible value known for the secret behind " + name);
            origin = "secretKeyRef";
          } else {
            throw new AssertionError(where + ": env " + name + " has neither value, fieldRef nor secretKeyRef");
          }
          ownSoFar.put(name, value);
          env.removeIf(v -> v.name.equals(name));
          env.add(new EnvVar(name, raw, value, origin));
        }
        out.add(new MockroomContainer(where, env, true));
      }
    }
    return out;
  }

  static JsonNode kubernetesEnv(JsonNode container, String name) {
    for (JsonNode e : container.path("env")) {
      if (name.equals(e.path("name").asText())) return e;
    }
    return MissingNode.getInstance();
  }
}
