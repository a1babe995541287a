package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.autoconfigure.DiscordGatewayConfigurationException.Kind;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.protocol.BotActivity;
import io.github.discordgateway.core.protocol.ConnectionProperties;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.protocol.PresenceStatus;
import io.github.discordgateway.core.protocol.UpdatePresence;
import io.github.discordgateway.core.shard.BackoffPolicy;
import io.github.discordgateway.core.shard.ShardIds;
import io.github.discordgateway.core.shard.ShardOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.util.ClassUtils;

/**
 * Validates {@link DiscordGatewayProperties} and turns them into core settings. Every failure is a
 * {@link DiscordGatewayConfigurationException} naming the property.
 */
final class GatewayPropertiesMapper {

  static final String PREFIX = "discord.gateway.";

  /** Largest shard id accepted in {@code shards.ids} before an {@code auto} total is known. */
  static final int MAX_AUTO_SHARD_ID = (1 << 20) - 1;

  /** The values of {@code discord.gateway.compression}, as written in the configuration. */
  static final String COMPRESSION_VALUES = "zlib-stream, zstd-stream, none";

  /** The class of zstd-jni that {@code zstd-stream} needs. */
  static final String ZSTD_CLASS = "com.github.luben.zstd.ZstdDecompressCtx";

  /** The dependency to add for {@code zstd-stream}. */
  static final String ZSTD_DEPENDENCY = "com.github.luben:zstd-jni";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)(:[^}]*)?}");

  private GatewayPropertiesMapper() {}

  /** Checks every range and format; the token is checked where it is used. */
  static void validate(DiscordGatewayProperties properties) {
    intents(properties.getIntents());
    totalShards(properties.getShards());
    int threshold = properties.getLargeThreshold();
    if (threshold < 50 || threshold > 250) {
      throw invalid(
          "large-threshold", "large-threshold must be between 50 and 250, but was " + threshold);
    }
    if (properties.getShards().getMaxConcurrency() < 1) {
      throw invalid(
          "shards.max-concurrency",
          "shards.max-concurrency must be at least 1, but was "
              + properties.getShards().getMaxConcurrency());
    }
    DiscordGatewayProperties.Events events = properties.getEvents();
    if (events.getQueueCapacity() < 2) {
      throw invalid(
          "events.queue-capacity",
          "events.queue-capacity must be at least 2, but was " + events.getQueueCapacity());
    }
    if (events.getBatchSize() < 1) {
      throw invalid(
          "events.batch-size",
          "events.batch-size must be at least 1, but was " + events.getBatchSize());
    }
    if (events.getThreads() < 0) {
      throw invalid(
          "events.threads", "events.threads must not be negative, but was " + events.getThreads());
    }
    if (properties.getTransport().getThreads() < 0) {
      throw invalid(
          "transport.threads",
          "transport.threads must not be negative, but was "
              + properties.getTransport().getThreads());
    }
    maxFrameBytes(properties);
    positive("stop-timeout", properties.getStopTimeout());
    DiscordGatewayProperties.Connection connection = properties.getConnection();
    positive("connection.connect-timeout", connection.getConnectTimeout());
    positive("connection.hello-timeout", connection.getHelloTimeout());
    positive("connection.send-time-limit", connection.getSendTimeLimit());
    positive("connection.rest-timeout", connection.getRestTimeout());
    positive("connection.rest-max-wait", connection.getRestMaxWait());
    positive("commands.member-request-timeout", properties.getCommands().getMemberRequestTimeout());
    positive("commands.timeout", properties.getCommands().getTimeout());
    positive("shards.wave-timeout", properties.getShards().getWaveTimeout());
    backoff(properties.getReconnect());
    presence(properties.getPresence());
    connectionProperties(connection);
    compression(properties.getCompression());
  }

  /**
   * Checks what depends on the connection details and the class path: the gateway URL scheme and
   * the zstd-jni dependency of {@code zstd-stream}.
   */
  static void validate(
      DiscordGatewayProperties properties,
      DiscordConnectionDetails connectionDetails,
      ClassLoader classLoader) {
    gatewayUrl(connectionDetails.gatewayUrl());
    if (compression(properties.getCompression()) == Compression.ZSTD_STREAM
        && !ClassUtils.isPresent(ZSTD_CLASS, classLoader)) {
      throw new DiscordGatewayConfigurationException(
          Kind.MISSING_DEPENDENCY,
          PREFIX + "compression",
          "discord.gateway.compression is zstd-stream, but "
              + ZSTD_DEPENDENCY
              + " is not on the class path");
    }
  }

  /** Parses {@code discord.gateway.compression}: zlib-stream, zstd-stream or none. */
  static Compression compression(String value) {
    // the documented form, or the enum constant's name (ZLIB_STREAM) as Boot's enum binding allows
    String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (text) {
      case "zlib-stream" -> Compression.ZLIB_STREAM;
      case "zstd-stream" -> Compression.ZSTD_STREAM;
      case "none" -> Compression.NONE;
      default ->
          throw invalid(
              "compression",
              "compression must be one of " + COMPRESSION_VALUES + ", but was '" + value + "'");
    };
  }

  /** Checks that a configured gateway URL is a WebSocket URL. */
  static void gatewayUrl(URI url) {
    if (url == null) {
      return;
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("ws") || scheme.equals("wss")) || url.getHost() == null) {
      throw invalid(
          "url",
          "url must be a WebSocket URL (ws:// or wss://, for example wss://gateway.discord.gg),"
              + " but was '"
              + url
              + "'");
    }
  }

  /** Returns the intents named in the configuration. */
  static EnumSet<Intent> intents(List<String> names) {
    EnumSet<Intent> intents = EnumSet.noneOf(Intent.class);
    List<String> unknown = new ArrayList<>();
    for (String name : names == null ? List.<String>of() : names) {
      if (name == null || name.isBlank()) {
        continue;
      }
      Intent.byName(name).ifPresentOrElse(intents::add, () -> unknown.add(name.trim()));
    }
    if (!unknown.isEmpty()) {
      String valid =
          Arrays.stream(Intent.values()).map(Intent::name).collect(Collectors.joining(", "));
      throw new DiscordGatewayConfigurationException(
          Kind.UNKNOWN_INTENT,
          PREFIX + "intents",
          "Unknown intent"
              + (unknown.size() == 1 ? " " : "s ")
              + unknown
              + " in discord.gateway.intents. Valid intents (case-insensitive) are: "
              + valid);
    }
    return intents;
  }

  /** Returns the fixed shard total, or {@code null} for {@code auto}. */
  static Integer totalShards(DiscordGatewayProperties.Shards shards) {
    String spec = shards.getTotal();
    Integer total;
    if (spec == null || spec.isBlank()) {
      total = 1;
    } else if (shards.isAuto()) {
      total = null;
    } else {
      try {
        total = Integer.parseInt(spec.trim());
      } catch (NumberFormatException ex) {
        throw new DiscordGatewayConfigurationException(
            Kind.INVALID_SHARDS,
            PREFIX + "shards.total",
            "discord.gateway.shards.total must be a number or 'auto', but was '" + spec + "'");
      }
      if (total < 1) {
        throw new DiscordGatewayConfigurationException(
            Kind.INVALID_SHARDS,
            PREFIX + "shards.total",
            "discord.gateway.shards.total must be at least 1, but was " + total);
      }
    }
    // with auto the ids are checked against the total once it is known; the format is checked now
    try {
      ShardIds.parse(shards.getIds(), total != null ? total : MAX_AUTO_SHARD_ID + 1);
    } catch (IllegalArgumentException ex) {
      throw new DiscordGatewayConfigurationException(
          Kind.INVALID_SHARDS,
          PREFIX + "shards.ids",
          "discord.gateway.shards.ids is invalid: " + ex.getMessage(),
          ex);
    }
    return total;
  }

  /** Returns the shard ids this instance runs when the total is fixed, else {@code null}. */
  static List<Integer> fixedShardIds(DiscordGatewayProperties.Shards shards) {
    Integer total = totalShards(shards);
    return total == null ? null : ShardIds.parse(shards.getIds(), total);
  }

  /** Returns the largest message size in bytes. */
  static int maxFrameBytes(DiscordGatewayProperties properties) {
    var size = properties.getConnection().getMaxFrameSize();
    long bytes = size == null ? -1 : size.toBytes();
    if (bytes < 4096 || bytes > Integer.MAX_VALUE - 8) {
      throw invalid(
          "connection.max-frame-size",
          "connection.max-frame-size must be between 4KB and 2GB, but was " + size);
    }
    return (int) bytes;
  }

  /** Returns the settings builder for the properties and a token. */
  static GatewaySettings.Builder settings(DiscordGatewayProperties properties, String token) {
    if (token == null || token.isBlank()) {
      throw new DiscordGatewayConfigurationException(
          Kind.MISSING_TOKEN,
          PREFIX + "token",
          "No bot token is configured (discord.gateway.token is empty)");
    }
    Matcher placeholder = PLACEHOLDER.matcher(token);
    if (placeholder.find()) {
      // Boot leaves a placeholder it cannot resolve as it is: the variable is not set
      String name = placeholder.group(1);
      throw new DiscordGatewayConfigurationException(
          Kind.MISSING_TOKEN,
          PREFIX + "token",
          "No bot token is configured: discord.gateway.token is the unresolved placeholder ${"
              + name
              + "} (no property or environment variable '"
              + name
              + "' is set)");
    }
    GatewaySettings.Builder builder =
        GatewaySettings.builder(token)
            .intents(intents(properties.getIntents()))
            .compression(compression(properties.getCompression()))
            .encoding(properties.getEncoding())
            .largeThreshold(properties.getLargeThreshold())
            .properties(connectionProperties(properties.getConnection()));
    UpdatePresence presence = presence(properties.getPresence());
    if (presence != null) {
      builder.presence(presence);
    }
    return builder;
  }

  /** Returns the shard options for the properties. */
  static ShardOptions shardOptions(DiscordGatewayProperties properties) {
    DiscordGatewayProperties.Connection connection = properties.getConnection();
    DiscordGatewayProperties.Events events = properties.getEvents();
    return new ShardOptions(
        connection.getConnectTimeout(),
        connection.getHelloTimeout(),
        backoff(properties.getReconnect()),
        events.getQueueCapacity(),
        events.getBatchSize(),
        maxFrameBytes(properties),
        properties.getStopTimeout());
  }

  static BackoffPolicy backoff(DiscordGatewayProperties.Reconnect reconnect) {
    positive("reconnect.initial-backoff", reconnect.getInitialBackoff());
    positive("reconnect.max-backoff", reconnect.getMaxBackoff());
    positive("reconnect.reset-after", reconnect.getResetAfter());
    try {
      return new BackoffPolicy(
          reconnect.getInitialBackoff(),
          reconnect.getMaxBackoff(),
          reconnect.getMultiplier(),
          reconnect.getResetAfter());
    } catch (IllegalArgumentException ex) {
      throw invalid("reconnect", "discord.gateway.reconnect is invalid: " + ex.getMessage());
    }
  }

  static UpdatePresence presence(DiscordGatewayProperties.Presence presence) {
    DiscordGatewayProperties.Activity activity = presence.getActivity();
    boolean hasActivity = activity.getName() != null && !activity.getName().isBlank();
    if (presence.getStatus() == null && !hasActivity && !presence.isAfk()) {
      return null;
    }
    try {
      List<BotActivity> activities =
          hasActivity
              ? List.of(
                  new BotActivity(
                      activity.getName(),
                      activity.getType(),
                      activity.getState(),
                      activity.getUrl()))
              : List.of();
      PresenceStatus status =
          presence.getStatus() != null ? presence.getStatus() : PresenceStatus.ONLINE;
      return new UpdatePresence(null, activities, status, presence.isAfk());
    } catch (GatewayException | NullPointerException ex) {
      throw invalid("presence", "discord.gateway.presence is invalid: " + ex.getMessage());
    }
  }

  static ConnectionProperties connectionProperties(DiscordGatewayProperties.Connection connection) {
    try {
      return new ConnectionProperties(
          connection.getOs(), connection.getBrowser(), connection.getDevice());
    } catch (GatewayException ex) {
      throw invalid("connection", "discord.gateway.connection is invalid: " + ex.getMessage());
    }
  }

  private static void positive(String property, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw invalid(property, property + " must be a positive duration, but was " + value);
    }
  }

  /** A value error; a message that starts with the short property name gets the full name. */
  private static DiscordGatewayConfigurationException invalid(String property, String message) {
    String full = message.startsWith(property) ? PREFIX + message : message;
    return new DiscordGatewayConfigurationException(Kind.INVALID_VALUE, PREFIX + property, full);
  }
}
