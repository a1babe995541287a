package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A file attached to a message.
 *
 * @param size size in bytes
 * @param height image/video height, {@code null} otherwise
 * @param width image/video width, {@code null} otherwise
 * @param durationSecs voice message length, {@code null} otherwise
 * @param waveform voice message waveform (base64), {@code null} otherwise
 * @param flags attachment flags bit set ({@code 0} when absent)
 * @param clipParticipants users in a clip (empty when absent)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attachment(
    @Snowflake long id,
    String filename,
    String title,
    String description,
    String contentType,
    @OrDefault long size,
    String url,
    String proxyUrl,
    Integer height,
    Integer width,
    String placeholder,
    Integer placeholderVersion,
    Boolean ephemeral,
    Double durationSecs,
    String waveform,
    @OrDefault int flags,
    List<User> clipParticipants,
    OffsetDateTime clipCreatedAt,
    JsonNode application) {

  /** Normalises absent collections to empty ones. */
  public Attachment {
    clipParticipants = Lists.of(clipParticipants);
  }
}
