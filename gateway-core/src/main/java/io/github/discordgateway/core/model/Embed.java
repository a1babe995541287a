package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A rich embed. Every field is optional and {@code null} when absent, except {@link #fields()}
 * which is empty.
 *
 * @param type rich, image, video, gifv, article, link or poll_result
 * @param color colour as an RGB integer
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Embed(
    String title,
    String type,
    String description,
    String url,
    OffsetDateTime timestamp,
    Integer color,
    Footer footer,
    Media image,
    Media thumbnail,
    Media video,
    Provider provider,
    Author author,
    List<Field> fields,
    Integer flags) {

  /** Normalises absent collections to empty ones. */
  public Embed {
    fields = Lists.of(fields);
  }

  /** Embed footer. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Footer(String text, String iconUrl, String proxyIconUrl) {}

  /** Embed image, thumbnail or video. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Media(
      String url,
      String proxyUrl,
      Integer height,
      Integer width,
      String contentType,
      String placeholder,
      Integer placeholderVersion,
      String description,
      Integer flags) {}

  /** Embed provider. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Provider(String name, String url) {}

  /** Embed author. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Author(String name, String url, String iconUrl, String proxyIconUrl) {}

  /** Embed field. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Field(String name, String value, @OrDefault boolean inline) {}
}
