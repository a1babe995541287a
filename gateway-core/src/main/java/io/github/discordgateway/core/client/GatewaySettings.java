package io.github.discordgateway.core.client;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.internal.GatewayUris;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.codec.Encoding;
import io.github.discordgateway.core.protocol.ConnectionProperties;
import io.github.discordgateway.core.protocol.Identify;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.protocol.ShardInfo;
import io.github.discordgateway.core.protocol.UpdatePresence;
import java.util.Collection;
import java.util.Objects;

/**
 * What a shard identifies with, the same for every connection of that shard. {@link #toString()}
 * never shows the token.
 *
 * <pre>{@code
 * GatewaySettings settings = GatewaySettings.builder(token)
 *     .intents(EnumSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES))
 *     .shard(0, 2)
 *     .compression(Compression.ZLIB_STREAM)
 *     .build();
 * }</pre>
 *
 * @param token the bot token, without the {@code Bot } prefix
 * @param intents the intents bit set
 * @param shard the shard, or {@code null} to send none
 * @param largeThreshold 50 to 250, or {@code null} for Discord's default
 * @param presence the initial presence, or {@code null}
 * @param properties the connection properties
 * @param compression the transport compression
 * @param encoding the payload encoding ({@code json} unless set)
 */
public record GatewaySettings(
    String token,
    long intents,
    ShardInfo shard,
    Integer largeThreshold,
    UpdatePresence presence,
    ConnectionProperties properties,
    Compression compression,
    Encoding encoding) {

  /** Validates the fields. */
  public GatewaySettings {
    if (token == null || token.isBlank()) {
      throw new GatewayException(GatewayException.Kind.INVALID_COMMAND, "A bot token is required");
    }
    if (token.regionMatches(true, 0, "Bot ", 0, 4)) {
      token = token.substring(4).trim();
    }
    if (intents < 0) {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND, "intents must not be negative");
    }
    if (largeThreshold != null
        && (largeThreshold < Identify.MIN_LARGE_THRESHOLD
            || largeThreshold > Identify.MAX_LARGE_THRESHOLD)) {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND,
          "large_threshold must be between 50 and 250, got " + largeThreshold);
    }
    properties = properties == null ? ConnectionProperties.defaults() : properties;
    compression = compression == null ? Compression.NONE : compression;
    encoding = encoding == null ? Encoding.JSON : encoding;
  }

  /**
   * Settings with the JSON encoding (the constructor before {@code encoding} existed).
   *
   * @param token the bot token
   * @param intents the intents bitmask
   * @param shard the shard, or {@code null}
   * @param largeThreshold the large threshold, or {@code null}
   * @param presence the initial presence, or {@code null}
   * @param properties the connection properties
   * @param compression the transport compression
   */
  public GatewaySettings(
      String token,
      long intents,
      ShardInfo shard,
      Integer largeThreshold,
      UpdatePresence presence,
      ConnectionProperties properties,
      Compression compression) {
    this(token, intents, shard, largeThreshold, presence, properties, compression, Encoding.JSON);
  }

  /** Returns the shard id (0 when no shard is set). */
  public int shardId() {
    return shard == null ? 0 : shard.id();
  }

  /** Returns the shard count (1 when no shard is set). */
  public int shardCount() {
    return shard == null ? 1 : shard.count();
  }

  /** Returns the Identify payload for these settings. */
  public Identify toIdentify() {
    return new Identify(token, properties, null, largeThreshold, shard, presence, intents);
  }

  /**
   * Returns a copy for another shard.
   *
   * @param shardId the shard id
   * @param shardCount the shard count
   * @return the copy
   */
  public GatewaySettings withShard(int shardId, int shardCount) {
    return new GatewaySettings(
        token,
        intents,
        new ShardInfo(shardId, shardCount),
        largeThreshold,
        presence,
        properties,
        compression,
        encoding);
  }

  /**
   * Returns the URL a client with these settings connects to: {@code baseUrl} (the discovered or
   * resume URL) with the API version, this encoding and this compression as query parameters.
   *
   * @param baseUrl the gateway URL, e.g. {@code wss://gateway.discord.gg}
   * @return the full URL
   * @throws IllegalArgumentException when {@code baseUrl} is not a URL
   */
  public java.net.URI connectUri(String baseUrl) {
    return GatewayUris.connectUri(baseUrl, compression, encoding);
  }

  @Override
  public String toString() {
    return "GatewaySettings[token=<redacted>, intents="
        + intents
        + ", shard="
        + shard
        + ", largeThreshold="
        + largeThreshold
        + ", presence="
        + presence
        + ", properties="
        + properties
        + ", compression="
        + compression
        + ", encoding="
        + encoding
        + "]";
  }

  /**
   * Starts settings for {@code token}.
   *
   * @param token the bot token
   * @return a builder
   */
  public static Builder builder(String token) {
    return new Builder(token);
  }

  /** Builds {@link GatewaySettings}. */
  public static final class Builder {
    private final String token;
    private long intents;
    private ShardInfo shard;
    private Integer largeThreshold;
    private UpdatePresence presence;
    private ConnectionProperties properties;
    private Compression compression = Compression.NONE;
    private Encoding encoding = Encoding.JSON;

    private Builder(String token) {
      this.token = Objects.requireNonNull(token, "token");
    }

    /**
     * Sets the intents bit set.
     *
     * @param intents the bits
     * @return this
     */
    public Builder intents(long intents) {
      this.intents = intents;
      return this;
    }

    /**
     * Sets the intents.
     *
     * @param intents the intents
     * @return this
     */
    public Builder intents(Collection<Intent> intents) {
      this.intents = Intent.toBitmask(intents);
      return this;
    }

    /**
     * Sets the shard.
     *
     * @param id the shard id
     * @param count the shard count
     * @return this
     */
    public Builder shard(int id, int count) {
      this.shard = new ShardInfo(id, count);
      return this;
    }

    /**
     * Sets {@code large_threshold}.
     *
     * @param largeThreshold 50 to 250
     * @return this
     */
    public Builder largeThreshold(int largeThreshold) {
      this.largeThreshold = largeThreshold;
      return this;
    }

    /**
     * Sets the initial presence.
     *
     * @param presence the presence
     * @return this
     */
    public Builder presence(UpdatePresence presence) {
      this.presence = presence;
      return this;
    }

    /**
     * Sets the connection properties.
     *
     * @param properties the properties
     * @return this
     */
    public Builder properties(ConnectionProperties properties) {
      this.properties = properties;
      return this;
    }

    /**
     * Sets the payload encoding (default {@link Encoding#JSON}).
     *
     * @param encoding the encoding
     * @return this
     */
    public Builder encoding(Encoding encoding) {
      this.encoding = encoding;
      return this;
    }

    /**
     * Sets the transport compression.
     *
     * @param compression the compression
     * @return this builder
     */
    public Builder compression(Compression compression) {
      this.compression = compression;
      return this;
    }

    /** Returns the settings. */
    public GatewaySettings build() {
      return new GatewaySettings(
          token, intents, shard, largeThreshold, presence, properties, compression, encoding);
    }

    @Override
    public String toString() {
      return "GatewaySettings.Builder[token=<redacted>]";
    }
  }
}
