package io.mockroom.deploy;

import static io.mockroom.deploy.DeployFiles.COMPOSE;
import static io.mockroom.deploy.DeployFiles.DEPLOY;
import static io.mockroom.deploy.DeployFiles.HAPROXY;
import static io.mockroom.deploy.DeployFiles.README;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockroom.config.Config;
import io.mockroom.config.ConfigException;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.config.TrustedProxies;
import io.mockroom.deploy.DeployFiles.EnvVar;
import io.mockroom.deploy.DeployFiles.HaproxySection;
import io.mockroom.deploy.DeployFiles.Instruction;
import io.mockroom.deploy.DeployFiles.MockroomContainer;
import io.mockroom.deploy.DeployFiles.Stage;
import io.mockroom.testing.Http;
import io.mockroom.testing.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The container, compose, HAProxy and Kubernetes files under {@code deploy/} cannot be run here
 * (no Docker engine, no cluster), so they are checked against the server itself: every variable
 * they set is one {@link Config} reads and accepts, every port they name is the one the server
 * then listens on, and every probe path is one a real server answers with 200.
 */
class DeployFilesMatchTheServerTest {

  // ------------------------------------------------------------------------------------------
  // Files parse

  @Test
  void everyYamlFileParsesAndEveryKubernetesDocumentHasAnApiVersionAKindAndAName() {
    List<Path> yaml = DeployFiles.yamlFiles();
    assertThat(yaml).as("YAML files under deploy/").contains(COMPOSE);
    for (Path f : yaml) {
      assertThat(DeployFiles.yamlDocuments(f)).as(f + " documents").isNotEmpty();
    }
    List<JsonNode> docs = DeployFiles.kubernetesDocuments();
    for (JsonNode d : docs) {
      assertThat(d.path("apiVersion").asText()).as("apiVersion of " + d).isNotBlank();
      assertThat(d.path("kind").asText()).as("kind of " + d).isNotBlank();
      assertThat(d.path("metadata").path("name").asText()).as("metadata.name of " + d.path("kind")).isNotBlank();
    }
    assertThat(docs.stream().map(d -> d.path("kind").asText() + "/" + d.path("metadata").path("name").asText()))
        .contains("Deployment/mockroom", "Service/mockroom", "Service/mockroom-hazelcast", "Ingress/mockroom");
    assertThat(DeployFiles.composeMockroomServices().keySet()).containsExactly("node1", "node2", "node3");
  }

  // ------------------------------------------------------------------------------------------
  // Environment

  @Test
  void everyVariableSetForAMockroomContainerIsOneTheServerReads() {
    Set<String> keys = Config.KEYS.keySet();
    List<String> unknown = new ArrayList<>();

    DeployFiles.dockerfileEnv(lastStage()).keySet().stream()
        .filter(k -> !keys.contains(k)).forEach(k -> unknown.add("Dockerfile ENV " + k));

    DeployFiles.composeMockroomServices().forEach((name, svc) ->
        DeployFiles.composeEnvironment(name, svc).keySet().stream()
            .filter(k -> !keys.contains(k)).forEach(k -> unknown.add("docker-compose.yml " + name + ": " + k)));

    for (MockroomContainer c : DeployFiles.kubernetesContainers()) {
      List<EnvVar> own = c.env().stream().filter(v -> !v.origin().equals("Dockerfile ENV")).toList();
      for (EnvVar v : own) {
        if (keys.contains(v.name())) continue;
        // A helper such as POD_NAMESPACE is fine when it exists only to be expanded as $(NAME)
        // into another variable of the same container.
        boolean expandedElsewhere = own.stream()
            .anyMatch(o -> o != v && o.raw() != null && DeployFiles.kubernetesReferences(o.raw()).contains(v.name()));
        if (!expandedElsewhere) unknown.add(c.where() + ": " + v.name());
      }
    }
    assertThat(unknown).as("variables the server does not read (known: " + keys + ")").isEmpty();
  }

  @Test
  void everyMockroomContainerStartsWithAConfigurationTheServerAccepts() {
    List<MockroomContainer> containers = allContainers();
    assertThat(containers).hasSizeGreaterThanOrEqualTo(5);
    for (MockroomContainer c : containers) {
      Config config = load(c);
      assertThat(config.host()).as(c.where() + " HTTP interface").isEqualTo("0.0.0.0");
      assertThat(config.dataDir()).as(c.where() + " data folder").isEqualTo(Path.of("/var/lib/mockroom"));
    }
  }

  @Test
  void theComposeNodesFormOneClusterOnTheComposePostgres() {
    JsonNode services = DeployFiles.compose().path("services");
    Map<String, Config> nodes = composeConfigs();
    Set<String> expectedMembers = new LinkedHashSet<>();
    nodes.forEach((name, config) -> expectedMembers.add(name + ":" + config.cluster().port()));

    for (Map.Entry<String, Config> node : nodes.entrySet()) {
      String name = node.getKey();
      Config config = node.getValue();
      assertThat(config.cluster().enabled()).as(name + " clustered").isTrue();
      assertThat(config.cluster().host()).as(name + " advertises its own service name").isEqualTo(name);
      assertThat(new LinkedHashSet<>(config.cluster().members())).as(name + " members").isEqualTo(expectedMembers);
      assertThat(config.cluster().busPort()).as(name + " event-bus port, fixed so it can be exposed").isNotZero();

      DatabaseUrl db = config.databaseUrl().orElseThrow(() -> new AssertionError(name + " has no MOCKROOM_DATABASE_URL"));
      JsonNode postgres = services.path(db.host());
      assertThat(postgres.path("image").asText()).as(name + " database host '" + db.host() + "' is the compose Postgres").startsWith("postgres");
      JsonNode pgEnv = postgres.path("environment");
      assertThat(db.user()).as(name + " database user").isEqualTo(pgEnv.path("POSTGRES_USER").asText());
      assertThat(db.database()).as(name + " database name").isEqualTo(pgEnv.path("POSTGRES_DB").asText());
      assertThat(db.password()).as(name + " database password comes from POSTGRES_PASSWORD")
          .isEqualTo(DeployFiles.PLAUSIBLE_COMPOSE_VARIABLES.get("POSTGRES_PASSWORD"));
      assertThat(db.port()).isEqualTo(5432);

      JsonNode dependsOn = services.path(name).path("depends_on").path(db.host());
      assertThat(dependsOn.path("condition").asText()).as(name + " waits for a healthy Postgres").isEqualTo("service_healthy");
    }
    String pgCheck = services.path("postgres").path("healthcheck").path("test").toString();
    assertThat(pgCheck).as("the Postgres healthcheck").contains("pg_isready");
    assertThat(services.path("postgres").path("command").toString()).as("the Postgres command")
        .contains("\"wal_init_zero=off\"");
  }

  @Test
  void theKubernetesNodesFindEachOtherThroughTheHeadlessService() {
    JsonNode headless = headlessService();
    for (MockroomContainer c : DeployFiles.kubernetesContainers()) {
      Config config = load(c);
      assertThat(config.cluster().enabled()).as(c.where() + " clustered").isTrue();
      assertThat(config.cluster().kubernetesService()).as(c.where() + " MOCKROOM_CLUSTER_KUBERNETES_SERVICE")
          .hasValueSatisfying(dns -> assertThat(dns).startsWith(headless.path("metadata").path("name").asText() + "."));
      assertThat(config.cluster().host()).as(c.where() + " advertises the pod's address")
          .isEqualTo(DeployFiles.plausibleFieldRef("status.podIP"));
      assertThat(config.cluster().busPort()).as(c.where() + " event-bus port, fixed so it can be declared").isNotZero();
      assertThat(config.databaseUrl()).as(c.where() + " database").isPresent();
    }
    assertThat(headless.path("spec").path("publishNotReadyAddresses").asBoolean())
        .as("a node is ready only once it joined, so the headless Service must list pods before they are ready")
        .isTrue();
  }

  // ------------------------------------------------------------------------------------------
  // Ports

  @Test
  void portsAreTheOnesTheServerListensOn() {
    // Kubernetes: container ports by name.
    JsonNode container = deploymentContainer();
    Config k8s = load(DeployFiles.kubernetesContainers().get(0));
    Map<String, Integer> containerPorts = new LinkedHashMap<>();
    container.path("ports").forEach(p -> containerPorts.put(p.path("name").asText(), p.path("containerPort").asInt()));
    assertThat(containerPorts).as("Deployment container ports")
        .containsEntry("http", k8s.port())
        .containsEntry("hazelcast", k8s.cluster().port())
        .containsEntry("eventbus", k8s.cluster().busPort());

    JsonNode headless = headlessService();
    assertThat(headless.path("spec").path("clusterIP").asText()).isEqualTo("None");
    JsonNode hzPort = headless.path("spec").path("ports").get(0);
    assertThat(resolve(hzPort.path("targetPort"), containerPorts)).as("headless Service targets Hazelcast").isEqualTo(k8s.cluster().port());
    assertThat(hzPort.path("port").asInt()).as("headless Service port").isEqualTo(k8s.cluster().port());

    JsonNode service = DeployFiles.kubernetes("Service").stream()
        .filter(s -> s.path("metadata").path("name").asText().equals("mockroom")).findFirst().orElseThrow();
    JsonNode httpPort = service.path("spec").path("ports").get(0);
    assertThat(httpPort.path("targetPort").asText()).as("Service mockroom targets the named port").isEqualTo("http");
    assertThat(resolve(httpPort.path("targetPort"), containerPorts)).isEqualTo(k8s.port());

    JsonNode ingress = DeployFiles.kubernetes("Ingress").get(0);
    for (JsonNode rule : ingress.path("spec").path("rules")) {
      for (JsonNode path : rule.path("http").path("paths")) {
        JsonNode backend = path.path("backend").path("service");
        assertThat(backend.path("name").asText()).as("Ingress backend").isEqualTo("mockroom");
        JsonNode port = backend.path("port");
        if (port.has("name")) assertThat(port.path("name").asText()).isEqualTo(httpPort.path("name").asText());
        else assertThat(port.path("number").asInt()).isEqualTo(httpPort.path("port").asInt());
      }
    }

    // HAProxy: one server line per compose node, at the port that node's config resolves to.
    Map<String, Config> nodes = composeConfigs();
    Set<String> expected = new LinkedHashSet<>();
    nodes.forEach((name, config) -> expected.add(name + ":" + config.port()));
    HaproxySection backend = haproxyBackend();
    Set<String> servers = backend.directives("server").stream().map(l -> l.get(2)).collect(Collectors.toCollection(LinkedHashSet::new));
    assertThat(servers).as("haproxy.cfg servers of backend " + backend.name()).isEqualTo(expected);

    // HAProxy listens on the container port compose publishes.
    HaproxySection frontend = haproxyFrontend();
    Set<Integer> bound = frontend.directives("bind").stream()
        .map(l -> Integer.parseInt(l.get(1).substring(l.get(1).lastIndexOf(':') + 1))).collect(Collectors.toSet());
    JsonNode lb = haproxyComposeService();
    Set<Integer> published = new HashSet<>();
    lb.path("ports").forEach(p -> {
      String spec = p.asText();
      published.add(Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1).replace("/tcp", "")));
    });
    assertThat(published).as("lb publishes").contains(8080);
    assertThat(bound).as("haproxy.cfg binds the published container port").containsAll(published);

    // The image exposes what the containers listen on.
    Set<Integer> exposed = new HashSet<>();
    lastStage().all("EXPOSE").forEach(i -> {
      for (String p : i.args().split("\\s+")) exposed.add(Integer.parseInt(p.replace("/tcp", "")));
    });
    Set<Integer> used = new LinkedHashSet<>();
    for (MockroomContainer c : allContainers()) {
      Config config = load(c);
      used.add(config.port());
      if (config.cluster().enabled()) {
        used.add(config.cluster().port());
        used.add(config.cluster().busPort());
      }
    }
    assertThat(used).contains(8080, 5701, 5801);
    assertThat(exposed).as("Dockerfile EXPOSE").containsAll(used);
  }

  // ------------------------------------------------------------------------------------------
  // Probes

  @Test
  void everyProbeAsksForAPathARealServerAnswersWith200() throws Exception {
    // Kubernetes: liveness and start-up must not depend on the database (a Postgres outage
    // must not restart every node), readiness must.
    JsonNode container = deploymentContainer();
    Map<String, String> kubernetesProbes = new LinkedHashMap<>();
    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
      JsonNode get = container.path(probe).path("httpGet");
      if (get.isMissingNode()) continue;
      assertThat(get.path("port").asText()).as(probe + " port").isEqualTo("http");
      kubernetesProbes.put(probe, get.path("path").asText());
    }
    assertThat(kubernetesProbes).containsEntry("readinessProbe", "/health/ready").containsEntry("livenessProbe", "/health/live");
    kubernetesProbes.forEach((probe, path) -> {
      if (!probe.equals("readinessProbe")) assertThat(path).as(probe + " must not depend on the database").isEqualTo("/health/live");
    });

    // HAProxy's check request, as HAProxy writes it.
    String haproxyRequest = haproxyCheckRequest();
    assertThat(haproxyRequest).startsWith("GET /health/ready ");

    // Docker HEALTHCHECK (if any), and compose healthchecks of the nodes (if any).
    String dockerHealthcheck = dockerHealthcheckRequest();
    int healthcheckPort = dockerHealthcheckDefaultPort();
    assertThat(healthcheckPort).as("HEALTHCHECK port").isEqualTo(load(dockerfileContainer()).port());
    Map<String, String> composePaths = new LinkedHashMap<>();
    DeployFiles.composeMockroomServices().forEach((name, svc) -> {
      JsonNode test = svc.path("healthcheck").path("test");
      if (test.isMissingNode()) return;
      Matcher m = Pattern.compile("https?://[^/\\s\"']+(/[^\\s\"']*)").matcher(test.toString());
      if (!m.find()) fail(name + " healthcheck names no URL: " + test);
      composePaths.put(name, m.group(1));
    });

    TestServer server = TestServer.start();
    try {
      // Any unknown GET path gets the browser app's index.html with 200, so a 200 alone proves
      // nothing: a probe must get the health route's own JSON answer.
      assertThat(isHealthAnswer(get(server, "/health/nonexistent"))).as("an unknown health path is not a health answer").isFalse();
      for (Map.Entry<String, String> probe : kubernetesProbes.entrySet()) {
        assertThat(get(server, probe.getValue())).as("Kubernetes " + probe.getKey() + " GET " + probe.getValue())
            .matches(DeployFilesMatchTheServerTest::isHealthAnswer, "200 with the health JSON");
      }
      for (Map.Entry<String, String> probe : composePaths.entrySet()) {
        assertThat(get(server, probe.getValue())).as(probe.getKey() + " healthcheck GET " + probe.getValue())
            .matches(DeployFilesMatchTheServerTest::isHealthAnswer, "200 with the health JSON");
      }
      RawReply haproxy = raw(server.port(), haproxyRequest);
      assertThat(haproxy.statusLine()).as("answer to HAProxy's check " + haproxyRequest.strip()).matches("HTTP/1\\.[01] 200 .*");
      assertThat(isHealthAnswer(haproxy.asReply())).as("HAProxy's check reaches the health route: " + haproxy.body()).isTrue();
      if (dockerHealthcheck != null) {
        RawReply docker = raw(server.port(), dockerHealthcheck);
        // The HEALTHCHECK's own test: `head -n 1 | grep -q ' 200 '`.
        assertThat(docker.statusLine()).as("answer to the HEALTHCHECK's request " + dockerHealthcheck.strip()).contains(" 200 ");
        assertThat(isHealthAnswer(docker.asReply())).as("the HEALTHCHECK reaches the health route: " + docker.body()).isTrue();
      }
    } finally {
      server.close();
    }
  }

  private static Http.Reply get(TestServer server, String path) {
    return Http.get(server.baseUrl() + path);
  }

  /** 200 with HealthRoute's JSON ({@code status} and {@code version}), not the app page every other GET gets. */
  private static boolean isHealthAnswer(Http.Reply reply) {
    if (reply.status() != 200) return false;
    try {
      JsonNode body = new ObjectMapper().readTree(reply.body());
      return body != null && body.isObject() && body.hasNonNull("status") && body.hasNonNull("version");
    } catch (Exception e) {
      return false;
    }
  }

  private record RawReply(String statusLine, String body) {
    Http.Reply asReply() {
      String[] words = statusLine.split(" ");
      int status = words.length > 1 && words[1].matches("\\d{3}") ? Integer.parseInt(words[1]) : -1;
      return new Http.Reply(status, body, null);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Dockerfile

  @Test
  void theImageIsBuiltWithEveryTestAndRunsTheJarAsAnUnprivilegedUser() {
    List<Stage> stages = DeployFiles.dockerfileStages();
    assertThat(stages).as("FROM stages").hasSizeGreaterThanOrEqualTo(2);
    Stage last = stages.get(stages.size() - 1);

    // A build stage runs `mvn … verify` (builds and tests), and not as root: the tests start an
    // embedded PostgreSQL, and initdb refuses to run as root.
    Stage build = stages.subList(0, stages.size() - 1).stream()
        .filter(s -> s.all("RUN").stream().anyMatch(r -> r.args().matches("(?s).*\\bmvn\\b.*\\bverify\\b.*")))
        .findFirst().orElseThrow(() -> new AssertionError("no build stage runs `mvn … verify`"));
    String userAtMaven = null;
    for (Instruction i : build.instructions()) {
      if (i.keyword().equals("USER")) userAtMaven = i.args();
      if (i.keyword().equals("RUN") && i.args().matches("(?s).*\\bmvn\\b.*\\bverify\\b.*")) break;
    }
    assertThat(userAtMaven).as("USER of the build stage when `mvn verify` runs (Postgres refuses root)")
        .isNotNull().doesNotMatch("(root|0)(:.*)?");

    // The runtime stage: a numeric unprivileged user that owns the data folder.
    String user = last.last("USER").map(Instruction::args)
        .orElseThrow(() -> new AssertionError("the runtime stage has no USER: it would run as root"));
    assertThat(user).as("runtime USER").doesNotMatch("(root|0)(:.*)?").matches("\\d+(:\\d+)?");
    String uid = user.split(":")[0];
    String dataDir = DeployFiles.dockerfileEnv(last).get("MOCKROOM_DATA_DIR");
    assertThat(dataDir).as("MOCKROOM_DATA_DIR of the image").isNotNull();
    assertThat(last.all("RUN")).as("a RUN gives " + dataDir + " to uid " + uid)
        .anySatisfy(r -> assertThat(r.args()).contains("chown").contains(uid).contains(dataDir));
    assertThat(deploymentPodSecurity().path("runAsUser").asText()).as("Kubernetes runAsUser").isEqualTo(uid);
    assertThat(deploymentPodSecurity().path("runAsNonRoot").asBoolean()).as("Kubernetes runAsNonRoot").isTrue();

    // The jar the build made is the one the ENTRYPOINT runs.
    assertThat(DeployFiles.read(Path.of("pom.xml"))).as("server/pom.xml shades to mockroom.jar").contains("<finalName>mockroom</finalName>");
    Instruction copy = last.all("COPY").stream()
        .filter(c -> c.args().contains("--from=" + build.name()) && c.args().contains("server/target/mockroom.jar"))
        .findFirst().orElseThrow(() -> new AssertionError("the runtime stage copies no server/target/mockroom.jar from " + build.name()));
    List<String> copyWords = DeployFiles.shellWords(copy.args());
    String jar = copyWords.get(copyWords.size() - 1);
    String entrypoint = last.last("ENTRYPOINT").map(Instruction::args)
        .orElseThrow(() -> new AssertionError("the runtime stage has no ENTRYPOINT"));
    List<String> command = jsonArray(entrypoint);
    assertThat(command.get(0)).isEqualTo("java");
    assertThat(command).as("ENTRYPOINT").containsSubsequence("-jar", jar);
    assertThat(jar).endsWith("mockroom.jar");
  }

  // ------------------------------------------------------------------------------------------
  // HAProxy

  @Test
  void haproxySpreadsRequestsWithoutStickinessChecksEveryNodeAndKeepsWebSocketsOpen() {
    HaproxySection backend = haproxyBackend();
    assertThat(backend.directives("balance")).as("balance").singleElement().isEqualTo(List.of("balance", "roundrobin"));
    for (String sticky : List.of("cookie", "stick", "stick-table", "hash-type")) {
      assertThat(backend.directives(sticky)).as("no sticky sessions (" + sticky + ")").isEmpty();
    }
    boolean checkedByDefault = backend.directives("default-server").stream().anyMatch(l -> l.contains("check"));
    for (List<String> server : backend.directives("server")) {
      assertThat(checkedByDefault || server.contains("check")).as("health check on " + server).isTrue();
    }
    List<HaproxySection> all = DeployFiles.haproxySections();
    String tunnel = all.stream().filter(s -> s.type().equals("defaults") || s == backend)
        .flatMap(s -> s.lines().stream())
        .filter(l -> l.size() == 3 && l.get(0).equals("timeout") && l.get(1).equals("tunnel"))
        .map(l -> l.get(2)).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no `timeout tunnel`: WebSockets would close after `timeout client`"));
    assertThat(seconds(tunnel)).as("timeout tunnel").isGreaterThanOrEqualTo(3600);
    assertThat(all.stream().filter(s -> s.type().equals("defaults")).flatMap(s -> s.directives("mode").stream()))
        .as("HTTP mode, so that httpchk and the WebSocket upgrade are understood").contains(List.of("mode", "http"));

    JsonNode lb = haproxyComposeService();
    assertThat(lb.path("image").asText()).startsWith("haproxy:");
    List<String> mounted = new ArrayList<>();
    lb.path("volumes").forEach(v -> mounted.add(v.asText().split(":")[0]));
    assertThat(mounted.stream().map(m -> COMPOSE.getParent().resolve(m).normalize()))
        .as("lb mounts deploy/haproxy.cfg").contains(HAPROXY);
  }

  @Test
  void theNodesBelieveXForwardedForOnlyFromTheirProxyAndTheProxySendsIt() {
    List<String> options = DeployFiles.haproxySections().stream()
        .filter(s -> s.type().equals("defaults") || s.type().equals("frontend"))
        .flatMap(s -> s.directives("option").stream()).map(l -> String.join(" ", l)).toList();
    assertThat(options).as("haproxy.cfg adds X-Forwarded-For").contains("option forwardfor");

    // HAProxy's fixed address lies in the compose network, outside the range Docker hands out to
    // the other containers; the nodes trust that address and nothing else.
    JsonNode lb = haproxyComposeService();
    String lbAddress = lb.path("networks").path("default").path("ipv4_address").asText();
    java.net.InetAddress address = TrustedProxies.literal(lbAddress)
        .orElseThrow(() -> new AssertionError("lb has no fixed ipv4_address on the default network: '" + lbAddress + "'"));
    JsonNode ipam = DeployFiles.compose().path("networks").path("default").path("ipam").path("config").path(0);
    assertThat(TrustedProxies.parse("subnet", ipam.path("subnet").asText()).contains(address)).as("lb's address in the subnet").isTrue();
    assertThat(TrustedProxies.parse("ip_range", ipam.path("ip_range").asText()).contains(address))
        .as("lb's address outside the range other containers get").isFalse();
    composeConfigs().forEach((name, config) ->
        assertThat(config.trustedProxies().toString()).as(name + " trusts HAProxy only").isEqualTo(lbAddress + "/32"));

    for (MockroomContainer c : DeployFiles.kubernetesContainers()) {
      assertThat(load(c).trustedProxies().isEmpty()).as(c.where() + " trusts the ingress controller").isFalse();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Secrets

  private static final Pattern PASSWORD_SETTING =
      Pattern.compile("(?i)(?<![A-Za-z0-9_.${(-])([A-Za-z0-9_.-]*(?:password|passwd|pwd))[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',}]*)");
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)postgres(?:ql)?://[^:/@\\s]+:([^@\\s]*)@");

  @Test
  void noDeployFileHoldsAPasswordAndKubernetesTakesTheDatabaseUrlFromASecret() {
    List<String> literals = new ArrayList<>();
    for (Path f : DeployFiles.filesUnder(DEPLOY)) {
      String text = DeployFiles.read(f);
      String[] lines = text.split("\n");
      for (int n = 0; n < lines.length; n++) {
        String where = DEPLOY.relativize(f) + ":" + (n + 1) + ": ";
        Matcher m = PASSWORD_SETTING.matcher(lines[n]);
        while (m.find()) {
          if (!placeholder(m.group(2))) literals.add(where + m.group(0));
        }
        Matcher u = URL_PASSWORD.matcher(lines[n]);
        while (u.find()) {
          if (!placeholder(u.group(1))) literals.add(where + u.group(0));
        }
      }
    }
    assertThat(literals).as("literal passwords (use ${VAR}, $(VAR), $VAR or <placeholder>)").isEmpty();

    assertThat(DeployFiles.kubernetes("Secret")).as("Secrets in the repository").isEmpty();
    JsonNode url = DeployFiles.kubernetesEnv(deploymentContainer(), "MOCKROOM_DATABASE_URL");
    assertThat(url.has("value")).as("MOCKROOM_DATABASE_URL written into the Deployment").isFalse();
    JsonNode ref = url.path("valueFrom").path("secretKeyRef");
    assertThat(ref.path("name").asText()).as("secretKeyRef name").isNotBlank();
    assertThat(ref.path("key").asText()).as("secretKeyRef key").isNotBlank();
    assertThat(DeployFiles.read(README)).as("deploy/README.md tells how to create the Secret")
        .containsPattern("kubectl (-n \\S+ )?create secret generic " + ref.path("name").asText())
        .contains("--from-literal=" + ref.path("key").asText() + "=");
  }

  // ------------------------------------------------------------------------------------------
  // Helpers

  private static boolean placeholder(String value) {
    return value.isEmpty() || value.startsWith("$") || value.startsWith("<");
  }

  private static Stage lastStage() {
    List<Stage> stages = DeployFiles.dockerfileStages();
    return stages.get(stages.size() - 1);
  }

  private static MockroomContainer dockerfileContainer() {
    return new MockroomContainer("deploy/Dockerfile (image defaults)", DeployFiles.imageEnv(), false);
  }

  private static List<MockroomContainer> allContainers() {
    List<MockroomContainer> all = new ArrayList<>();
    all.add(dockerfileContainer());
    all.addAll(DeployFiles.composeContainers());
    all.addAll(DeployFiles.kubernetesContainers());
    return all;
  }

  /** The container's configuration as the server would load it; a value it refuses fails the test. */
  private static Config load(MockroomContainer c) {
    try {
      return Config.load(c.asMap(), List.of());
    } catch (ConfigException e) {
      throw new AssertionError(c.where() + " would not start: Configuration error: " + e.getMessage(), e);
    }
  }

  private static Map<String, Config> composeConfigs() {
    Map<String, Config> out = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(DeployFiles.composeMockroomServices().keySet());
    List<MockroomContainer> containers = DeployFiles.composeContainers();
    for (int k = 0; k < names.size(); k++) out.put(names.get(k), load(containers.get(k)));
    return out;
  }

  private static JsonNode deployment() {
    List<JsonNode> deployments = DeployFiles.kubernetes("Deployment");
    assertThat(deployments).hasSize(1);
    return deployments.get(0);
  }

  private static JsonNode deploymentContainer() {
    JsonNode containers = deployment().path("spec").path("template").path("spec").path("containers");
    assertThat(containers.size()).as("containers of the Deployment").isEqualTo(1);
    return containers.get(0);
  }

  private static JsonNode deploymentPodSecurity() {
    return deployment().path("spec").path("template").path("spec").path("securityContext");
  }

  private static JsonNode headlessService() {
    return DeployFiles.kubernetes("Service").stream()
        .filter(s -> s.path("spec").path("clusterIP").asText().equals("None"))
        .findFirst().orElseThrow(() -> new AssertionError("no headless Service (clusterIP: None) for Hazelcast discovery"));
  }

  private static int resolve(JsonNode targetPort, Map<String, Integer> containerPorts) {
    if (targetPort.isInt()) return targetPort.asInt();
    Integer port = containerPorts.get(targetPort.asText());
    if (port == null) throw new AssertionError("targetPort " + targetPort + " names no container port of " + containerPorts.keySet());
    return port;
  }

  private static JsonNode haproxyComposeService() {
    List<JsonNode> found = new ArrayList<>();
    DeployFiles.compose().path("services").forEach(s -> {
      if (s.path("image").asText().startsWith("haproxy")) found.add(s);
    });
    assertThat(found).as("an haproxy service in docker-compose.yml").hasSize(1);
    return found.get(0);
  }

  private static HaproxySection haproxyFrontend() {
    List<HaproxySection> frontends = DeployFiles.haproxySections().stream().filter(s -> s.type().equals("frontend")).toList();
    assertThat(frontends).as("haproxy.cfg frontends").hasSize(1);
    return frontends.get(0);
  }

  private static HaproxySection haproxyBackend() {
    HaproxySection frontend = haproxyFrontend();
    String name = frontend.directives("default_backend").stream().map(l -> l.get(1)).findFirst()
        .orElseThrow(() -> new AssertionError("haproxy.cfg frontend has no default_backend"));
    return DeployFiles.haproxySections().stream().filter(s -> s.type().equals("backend") && s.name().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("haproxy.cfg has no backend " + name));
  }

  /** The request HAProxy sends for {@code option httpchk} (HTTP/1.0 and no headers unless told otherwise). */
  private static String haproxyCheckRequest() {
    HaproxySection backend = haproxyBackend();
    List<List<String>> httpchk = backend.directives("option").stream().filter(l -> l.size() > 1 && l.get(1).equals("httpchk")).toList();
    assertThat(httpchk).as("option httpchk in backend " + backend.name()).hasSize(1);
    List<String> words = httpchk.get(0);
    String method = words.size() > 3 ? words.get(2) : "OPTIONS";
    String uri = words.size() > 3 ? words.get(3) : words.size() == 3 ? words.get(2) : "/";
    String version = words.size() > 4 ? words.get(4) : "HTTP/1.0";
    for (List<String> send : backend.directives("http-check")) {
      if (send.size() > 1 && send.get(1).equals("send")) {
        for (int k = 2; k + 1 < send.size(); k++) {
          if (send.get(k).equals("meth")) method = send.get(k + 1);
          if (send.get(k).equals("uri")) uri = send.get(k + 1);
          if (send.get(k).equals("ver")) version = send.get(k + 1);
        }
      }
    }
    return method + " " + uri + " " + version + "\r\n\r\n";
  }

  /** The bytes the Dockerfile's HEALTHCHECK writes (from its printf), or null when it has none. */
  private static String dockerHealthcheckRequest() {
    List<String> command = dockerHealthcheckCommand();
    if (command == null) return null;
    String script = String.join(" ", command);
    Matcher printf = Pattern.compile("printf '([^']*)'").matcher(script);
    if (printf.find()) return printf.group(1).replace("\\r", "\r").replace("\\n", "\n");
    Matcher url = Pattern.compile("https?://[^/\\s\"']+(/[^\\s\"']*)").matcher(script);
    if (url.find()) return "GET " + url.group(1) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    throw new AssertionError("cannot tell which path the HEALTHCHECK asks for: " + script);
  }

  /** The port the HEALTHCHECK dials when MOCKROOM_PORT is unset. */
  private static int dockerHealthcheckDefaultPort() {
    List<String> command = dockerHealthcheckCommand();
    if (command == null) return load(dockerfileContainer()).port();
    String script = String.join(" ", command);
    Matcher m = Pattern.compile("(?:/dev/tcp/[^/]+/\\$\\{MOCKROOM_PORT:-(\\d+)}|/dev/tcp/[^/]+/(\\d+)|https?://[^/:\\s]+:(\\d+))").matcher(script);
    if (!m.find()) throw new AssertionError("cannot tell which port the HEALTHCHECK dials: " + script);
    for (int g = 1; g <= 3; g++) if (m.group(g) != null) return Integer.parseInt(m.group(g));
    throw new AssertionError("unreachable");
  }

  private static List<String> dockerHealthcheckCommand() {
    var hc = lastStage().last("HEALTHCHECK");
    if (hc.isEmpty() || hc.get().args().strip().equalsIgnoreCase("NONE")) return null;
    String args = hc.get().args();
    int cmd = args.indexOf("CMD ");
    assertThat(cmd).as("HEALTHCHECK … CMD").isGreaterThanOrEqualTo(0);
    String rest = args.substring(cmd + 4).strip();
    return rest.startsWith("[") ? jsonArray(rest) : List.of("/bin/sh", "-c", rest);
  }

  private static List<String> jsonArray(String json) {
    try {
      List<String> out = new ArrayList<>();
      new ObjectMapper().readTree(json).forEach(n -> out.add(n.asText()));
      return out;
    } catch (Exception e) {
      throw new AssertionError("not a JSON array (exec form): " + json, e);
    }
  }

  /**
   * Sends raw request bytes, as a probe that speaks HTTP itself does, and reads the answer until
   * the server closes the connection (HTTP/1.0) or the declared length is read.
   */
  private static RawReply raw(int port, String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String status = in.readLine();
      if (status == null) return new RawReply("(connection closed without an answer)", "");
      int length = -1;
      String line;
      while ((line = in.readLine()) != null && !line.isEmpty()) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).strip());
      }
      StringBuilder body = new StringBuilder();
      if (length >= 0) {
        char[] buf = new char[length];
        int read = 0;
        while (read < length) {
          int n = in.read(buf, read, length - read);
          if (n < 0) break;
          read += n;
        }
        body.append(buf, 0, read);
      } else {
        int c;
        while ((c = in.read()) >= 0) body.append((char) c);
      }
      return new RawReply(status, body.toString());
    }
  }

  private static long seconds(String haproxyTime) {
    Matcher m = Pattern.compile("(\\d+)(us|ms|s|m|h|d)?").matcher(haproxyTime);
    if (!m.matches()) throw new AssertionError("not an HAProxy time: " + haproxyTime);
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "us" -> n / 1_000_000;
      case "ms" -> n / 1000;
      case "s" -> n;
      case "m" -> n * 60;
      case "h" -> n * 3600;
      default -> n * 86400;
    };
  }
}
