package io.github.discordgateway.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands of README.md's Quickstart, and how to read them back from the README, so the tests
 * run what a newcomer copies.
 */
final class Quickstart {

  /** Builds the sample app and what it depends on. */
  static final String BUILD = "./mvnw -B -ntp -pl sample-app -am package -DskipTests";

  /** The packaged sample app, relative to the repository root. */
  static final String JAR = "sample-app/target/sample-app.jar";

  /** Runs the packaged sample app from the repository root. */
  static final String RUN = "java -jar " + JAR;

  /** The run command of the Quickstart: build, then run. */
  static final String RUN_COMMAND = BUILD + " && " + RUN;

  /** The test command of the Quickstart, which is also what CI runs. */
  static final String TEST_COMMAND = "./mvnw -B -ntp verify";

  private Quickstart() {}

  /** Returns the repository root: the parent of this module's directory. */
  static Path repositoryRoot() {
    Path module = Path.of("").toAbsolutePath();
    Path root = module.getParent();
    if (root == null || !Files.isRegularFile(root.resolve("mvnw"))) {
      throw new IllegalStateException("tests must run in the sample-app module, not in " + module);
    }
    return root;
  }

  /**
   * Returns the command lines of the {@code bash} code blocks in the "Quickstart" section of the
   * README (up to the next second-level heading), in order, without comments and blank lines.
   */
  static List<String> commands(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    int start = lines.indexOf("## Quickstart");
    if (start < 0) {
      throw new IllegalStateException("README.md has no \"## Quickstart\" section");
    }
    List<String> commands = new ArrayList<>();
    boolean inBash = false;
    for (int i = start + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!inBash && line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("```")) {
        inBash = !inBash && line.trim().equals("```bash");
        continue;
      }
      String command = line.trim();
      if (inBash && !command.isEmpty() && !command.startsWith("#")) {
        commands.add(command);
      }
    }
    return commands;
  }
}
