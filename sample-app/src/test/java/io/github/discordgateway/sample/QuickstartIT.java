package io.github.discordgateway.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Runs README.md's run command on the built project, the way a newcomer does, and waits for the bot
 * to be healthy on the simulator. The build half of the command has already run (this test runs in
 * the {@code integration-test} phase, after {@code package}), so it runs the second half: {@code
 * java -jar sample-app/target/sample-app.jar} from the repository root, in a child process, with a
 * free port on {@code 127.0.0.1} and without a Discord token in its environment.
 */
class QuickstartIT {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path root = Quickstart.repositoryRoot();
  private final Path log = Path.of("target", "quickstart-it.log").toAbsolutePath();
  private Process process;

  @Test
  void readmeRunCommandReachesHealthUpOnTheSimulatorAndStopsCleanly() throws Exception {
    String command = Quickstart.commands(root.resolve("README.md")).get(0);
    assertThat(command).isEqualTo(Quickstart.RUN_COMMAND);
    String[] steps = command.split(" && ");
    assertThat(steps).containsExactly(Quickstart.BUILD, Quickstart.RUN);
    List<String> run = new ArrayList<>(Arrays.asList(steps[1].split(" ")));
    assertThat(root.resolve(run.get(2)).toRealPath())
        .as("the README runs the jar this build packaged")
        .isEqualTo(Path.of(System.getProperty("sample.jar", "target/sample-app.jar")).toRealPath());

    int port = freePort();
    run.set(0, javaExecutable());
    run.add("--server.port=" + port);
    run.add("--server.address=127.0.0.1");
    process = start(run);

    try {
      await()
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(500))
          .failFast("the sample app exited", () -> !process.isAlive())
          .ignoreExceptions()
          .untilAsserted(() -> assertHealthUp(port));
    } catch (ConditionTimeoutException | TerminalFailureException ex) {
      throw new AssertionError(
          "the sample app did not report UP; its log ends with:\n" + tail(), ex);
    }
    assertThat(Files.readString(log)).contains("running on the embedded Discord simulator");

    process.destroy(); // SIGTERM, as Ctrl-C: Spring's shutdown hook closes the shards, then the
    // simulator
    assertThat(process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
        .as("the sample app stops within %s", STOP_TIMEOUT)
        .isTrue();
    assertThat(Files.readString(log)).contains("Simulator stopped");
  }

  private static void assertHealthUp(int port) throws Exception {
    Http.Response health = Http.get(port, "/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    JsonNode json = health.json();
    assertThat(json.path("status").asString()).isEqualTo("UP");
    JsonNode shards = json.path("components").path("discordGateway").path("components");
    assertThat(shards.path("shard-0").path("status").asString()).isEqualTo("UP");
    assertThat(shards.path("shard-1").path("status").asString()).isEqualTo("UP");
  }

  @AfterEach
  void noProcessLeftBehind() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(process.isAlive()).isFalse();
  }

  private Process start(List<String> command) throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    // simulator mode whatever the developer's shell holds
    env.keySet()
        .removeIf(name -> name.equals("DISCORD_TOKEN") || name.startsWith("DISCORD_GATEWAY"));
    env.remove("SPRING_APPLICATION_JSON");
    return builder.start();
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException ex) {
      return "(no log: " + ex + ")";
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
