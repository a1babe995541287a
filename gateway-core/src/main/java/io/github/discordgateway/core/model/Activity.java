package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A rich-presence activity (game, stream, custom status, ...) as received.
 *
 * @param type raw activity type; see {@link #activityType()}
 * @param createdAt Unix time in <b>milliseconds</b> when the activity was added, {@code null} if
 *     absent
 * @param statusDisplayType which field shows in the member list: 0 name, 1 state, 2 details
 * @param state party status or custom status text
 * @param emoji emoji of a custom status
 * @param flags activity flags bit set ({@code 0} when absent)
 * @param buttons button labels (received form: strings only; empty when absent)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Activity(
    String name,
    @OrDefault int type,
    String url,
    Long createdAt,
    Timestamps timestamps,
    @Snowflake Long applicationId,
    Integer statusDisplayType,
    String details,
    String detailsUrl,
    String state,
    String stateUrl,
    PartialEmoji emoji,
    Party party,
    Assets assets,
    Secrets secrets,
    Boolean instance,
    @OrDefault int flags,
    List<String> buttons) {

  /** Normalises absent collections to empty ones. */
  public Activity {
    buttons = Lists.of(buttons);
  }

  /**
   * Returns the typed activity type, {@link ActivityType#UNKNOWN} for values this version lacks.
   */
  public ActivityType activityType() {
    return ActivityType.of(type);
  }

  /** Start and end of an activity, Unix time in <b>milliseconds</b>; each {@code null} if unset. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Timestamps(Long start, Long end) {

    /** Returns {@link #start()} as an instant, if set. */
    public Optional<Instant> startInstant() {
      return Optional.ofNullable(start).map(Instant::ofEpochMilli);
    }

    /** Returns {@link #end()} as an instant, if set. */
    public Optional<Instant> endInstant() {
      return Optional.ofNullable(end).map(Instant::ofEpochMilli);
    }
  }

  /**
   * The party of an activity.
   *
   * @param size {@code [current, max]}, empty when absent
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Party(String id, List<Integer> size) {

    /** Normalises absent collections to empty ones. */
    public Party {
      size = Lists.of(size);
    }
  }

  /** Images and hover texts; images are asset ids or {@code mp:} media-proxy references. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Assets(
      String largeImage,
      String largeText,
      String largeUrl,
      String smallImage,
      String smallText,
      String smallUrl,
      String inviteCoverImage) {}

  /** Secrets for joining and spectating. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Secrets(String join, String spectate, String match) {}
}
