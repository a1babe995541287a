package io.github.discordgateway.core.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** gateway-bom has no parent, so its versions are written twice; they must agree. */
class BomTest {

  static final Path ROOT = RepositoryStandsAloneTest.ROOT;

  @Test
  @DisplayName("the BOM has the version of the build and the zstd-jni version of the parent")
  void bomVersionsMatchTheBuild() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("gateway-bom/pom.xml"));
    assertThat(first(bom, "<artifactId>gateway-bom</artifactId>\\s*<version>([^<]+)</version>"))
        .isEqualTo(first(parent, "<artifactId>gateway-parent</artifactId>\\s*<version>([^<]+)<"));
    assertThat(first(bom, "<zstd-jni.version>([^<]+)<"))
        .isEqualTo(first(parent, "<zstd-jni.version>([^<]+)<"));
    for (String module :
        new String[] {
          "gateway-core",
          "gateway-test",
          "gateway-spring-boot-autoconfigure",
          "gateway-spring-boot-starter"
        }) {
      assertThat(bom).contains("<artifactId>" + module + "</artifactId>");
    }
    assertThat(bom).doesNotContain("<parent>").doesNotContain("spring-boot-dependencies");
  }

  private static String first(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as(regex).isTrue();
    return matcher.group(1);
  }
}
