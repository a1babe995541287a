package io.github.discordgateway.core.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A class that keeps growing is a class that does too much: every main class of the core stays
 * within a line budget, tighter for the shard, the client and the connection phases, so that a
 * change that outgrows one splits it instead of stretching it.
 */
class ClassSizeBudgetTest {

  private static final Path MAIN = Path.of("src/main/java/io/github/discordgateway/core");

  /** The largest any main class of the core may be, in lines. */
  private static final int DEFAULT_BUDGET = 400;

  /** Tighter budgets (the largest allowed, in lines) by file relative to {@link #MAIN}. */
  private static final Map<String, Integer> BUDGETS =
      Map.of(
          "client/GatewayClient.java", 349,
          "shard/Shard.java", 349,
          "client/Phase.java", 149,
          "client/AwaitingHello.java", 149,
          "client/Identifying.java", 149,
          "client/Resuming.java", 149,
          "client/Connected.java", 149,
          "client/Closed.java", 149);

  @Test
  @DisplayName("no main class of the core is over its line budget")
  void noMainClassIsOverItsBudget() throws IOException {
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(MAIN)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertThat(sources).as("sources under %s", MAIN.toAbsolutePath()).hasSizeGreaterThan(100);
    for (String budgeted : BUDGETS.keySet()) {
      assertThat(MAIN.resolve(budgeted)).as("a budgeted class").isRegularFile();
    }
    Map<String, String> over = new TreeMap<>();
    for (Path source : sources) {
      String name = MAIN.relativize(source).toString().replace('\\', '/');
      int budget = BUDGETS.getOrDefault(name, DEFAULT_BUDGET);
      long lines = Files.readAllLines(source, StandardCharsets.UTF_8).size();
      if (lines > budget) {
        over.put(name, lines + " lines, budget " + budget);
      }
    }
    assertThat(over).as("classes over their line budget").isEmpty();
  }
}
