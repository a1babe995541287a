package io.github.discordgateway.autoconfigure.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.DiscordGatewayLifecycle;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** A bot without a web server stays up while its shards run and exits cleanly when told to. */
class NonWebApplicationTests {

  static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  @DisplayName("a non-web application keeps a non-daemon thread while the gateway runs")
  void nonWebApplicationKeepsTheJvmAliveUntilClosed() throws Exception {
    try (FakeDiscordGateway gateway = FakeDiscordGateway.start()) {
      // cached contexts of other tests in this JVM may have their own keep-alive threads
      Set<Thread> before = keepAliveThreads();
      SpringApplication application = new SpringApplication(NonWebBot.class);
      application.setWebApplicationType(WebApplicationType.NONE);
      ConfigurableApplicationContext context = application.run(arguments(gateway));
      Thread keepAlive;
      try {
        context.getBean(DiscordGatewayLifecycle.class).ready().get(10, TimeUnit.SECONDS);
        Set<Thread> started = keepAliveThreads();
        started.removeAll(before);
        assertThat(started).as("keep-alive thread of this context").hasSize(1);
        keepAlive = started.iterator().next();
        assertThat(keepAlive.isDaemon()).isFalse();
      } finally {
        context.close();
      }
      await().atMost(WAIT).until(() -> !keepAlive.isAlive());
    }
  }

  @Test
  @DisplayName("a non-web bot process stays up after main returns and exits cleanly on SIGTERM")
  void botProcessStaysUpAndExitsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
    try (FakeDiscordGateway gateway = FakeDiscordGateway.start()) {
      Path log = dir.resolve("bot.log");
      Process bot = startBot(log, arguments(gateway));
      try {
        await().atMost(WAIT).until(() -> read(log).contains(NonWebBot.READY_LINE));
        // main has returned long ago; the process is still serving the session
        assertThat(bot.isAlive()).isTrue();
        assertThat(gateway.sessionId(0)).isPresent();

        bot.destroy(); // SIGTERM
        assertThat(bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      } finally {
        bot.destroyForcibly();
      }
      String output = read(log);
      assertThat(output).contains("Disconnecting the Discord gateway");
      assertThat(output).doesNotContain(" ERROR ").doesNotContain("Exception");
      // the close was resumable, so a restart resumes the session
      await().atMost(WAIT).until(() -> !gateway.recorder().clientCloseCodes().isEmpty());
      assertThat(gateway.recorder().clientCloseCodes()).doesNotContain(1000, 1001);
    }
  }

  @Test
  @DisplayName("with fatal-action=exit a fatal close (4004) ends the process with status 1")
  void fatalActionExitEndsTheProcessWithANonZeroStatus(@TempDir Path dir) throws Exception {
    try (FakeDiscordGateway gateway = FakeDiscordGateway.start()) {
      gateway.failIdentify(0, 4004, "Authentication failed.");
      Path log = dir.resolve("bot.log");
      List<String> args = new ArrayList<>(List.of(arguments(gateway)));
      args.add("--discord.gateway.fatal-action=exit");
      Process bot = startBot(log, args.toArray(String[]::new));
      try {
        assertThat(bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(bot.exitValue()).isEqualTo(1);
      } finally {
        bot.destroyForcibly();
      }
      assertThat(read(log)).contains("discord.gateway.fatal-action=exit").contains("4004");
    }
  }

  private static String[] arguments(FakeDiscordGateway gateway) {
    return new String[] {
      "--discord.gateway.url=" + gateway.gatewayUrl(),
      "--discord.gateway.api-url=" + gateway.apiBaseUrl(),
      "--discord.gateway.token=" + gateway.token(),
      "--spring.main.banner-mode=off"
    };
  }

  private static Process startBot(Path log, String[] args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(NonWebBot.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  private static Set<Thread> keepAliveThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(DiscordGatewayLifecycle.KEEP_ALIVE_THREAD))
        .filter(Thread::isAlive)
        .collect(Collectors.toCollection(HashSet::new));
  }
}
