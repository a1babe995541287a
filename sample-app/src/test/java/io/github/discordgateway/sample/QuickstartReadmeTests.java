package io.github.discordgateway.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README.md's Quickstart says exactly what {@code QuickstartIT} runs and what CI runs, so the
 * quickstart cannot silently rot.
 */
class QuickstartReadmeTests {

  private final Path root = Quickstart.repositoryRoot();

  @Test
  void firstQuickstartCommandBuildsAndRunsTheSampleApp() throws Exception {
    List<String> commands = Quickstart.commands(root.resolve("README.md"));

    assertThat(commands).first().isEqualTo(Quickstart.RUN_COMMAND);
  }

  @Test
  void quickstartTestCommandIsWhatCiRuns() throws Exception {
    List<String> commands = Quickstart.commands(root.resolve("README.md"));

    assertThat(commands).contains(Quickstart.TEST_COMMAND);
    assertThat(Files.readAllLines(root.resolve(".ci/run")))
        .map(String::trim)
        .contains(Quickstart.TEST_COMMAND);
  }

  @Test
  void runCommandRunsTheJarThisModuleBuilds() throws Exception {
    String pom = Files.readString(root.resolve("sample-app/pom.xml"));
    String finalName = pom.replaceAll("(?s).*<finalName>([^<]+)</finalName>.*", "$1");

    assertThat(Quickstart.JAR).isEqualTo("sample-app/target/" + finalName + ".jar");
  }
}
