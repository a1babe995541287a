package io.github.discordgateway.core.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An IDE's auto-import picks one of two public types with the same simple name, often the wrong
 * one: no two public top-level types of the published modules may share a simple name.
 */
class PublicTypeNamesTest {

  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*"
              + "(?:class|record|interface|enum|@interface)\\s+(\\w+)");

  @Test
  @DisplayName("no two public types of the published modules share a simple name")
  void noTwoPublicTypesShareASimpleName() throws Exception {
    Map<String, List<String>> byName = new TreeMap<>();
    for (Path file : RepositoryStandsAloneTest.trackedFiles()) {
      String relative = RepositoryStandsAloneTest.ROOT.relativize(file).toString();
      if (!relative.endsWith(".java")
          || !relative.contains("src/main/java/")
          || relative.startsWith("benchmarks/")
          || relative.startsWith("sample-app/")
          || !Files.isRegularFile(file)) {
        continue;
      }
      var matcher = PUBLIC_TYPE.matcher(Files.readString(file, StandardCharsets.UTF_8));
      if (matcher.find()) {
        byName.computeIfAbsent(matcher.group(1), n -> new ArrayList<>()).add(relative);
      }
    }
    assertThat(byName).as("public types found").hasSizeGreaterThan(100);
    Map<String, List<String>> clashes = new TreeMap<>();
    byName.forEach(
        (name, files) -> {
          if (files.size() > 1) {
            clashes.put(name, files);
          }
        });
    assertThat(clashes).as("public types sharing a simple name").isEmpty();
  }
}
