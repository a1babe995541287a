package io.github.discordgateway.test;

import io.github.discordgateway.core.protocol.Intent;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Options of a {@link FakeDiscordGateway}. Build with {@link #builder()}; every option has a
 * test-friendly default, and time windows that Discord fixes (identify concurrency, send rate,
 * member-request limit) default to Discord's values but can be shortened or driven by an injected
 * {@link InstantSource}.
 *
 * <pre>{@code
 * FakeGatewayConfig config = FakeGatewayConfig.builder()
 *     .token("test-token")
 *     .heartbeatInterval(Duration.ofMillis(200))
 *     .shards(2)
 *     .maxConcurrency(2)
 *     .build();
 * }</pre>
 *
 * @param token the bot token the fake accepts (never printed by {@link #toString()}); by default a
 *     token shaped like Discord's for {@code botUser} (see {@link #botToken(String)})
 * @param heartbeatInterval the {@code heartbeat_interval} sent in Hello
 * @param shards the recommended shard count returned by {@code GET /gateway/bot}
 * @param maxConcurrency {@code session_start_limit.max_concurrency}: number of identify buckets
 * @param sessionStartTotal {@code session_start_limit.total}
 * @param sessionStartRemaining initial {@code session_start_limit.remaining}; each accepted
 *     Identify decrements it, and at 0 Identify is answered with op 9
 * @param sessionStartResetAfter {@code session_start_limit.reset_after}
 * @param identifyWindow the window per identify bucket (Discord: 5 s)
 * @param guilds the guilds of the bot
 * @param botUser the bot's own user (READY {@code user}, {@code /users/@me})
 * @param applicationFlags READY {@code application.flags}
 * @param allowedPrivilegedIntents privileged intents enabled for the fake application; others get
 *     close 4014
 * @param compressedFrameSize maximum size of one binary frame with {@code compress=zlib-stream}; a
 *     larger compressed payload is split across several frames; 0 sends each payload in one frame
 * @param maxPayloadBytes maximum size of a client payload (Discord: 4096), else close 4002
 * @param rateLimitCount payloads allowed per {@code rateLimitWindow} per connection (Discord: 120)
 * @param rateLimitWindow the send-rate window (Discord: 60 s), else close 4008
 * @param memberChunkSize members per GUILD_MEMBERS_CHUNK (Discord: up to 1000)
 * @param memberRequestWindow minimum time between two all-member requests for one guild (Discord:
 *     30 s), else a RATE_LIMITED dispatch
 * @param filterByIntents whether dispatches are only delivered to sessions whose intents enable the
 *     event type, as Discord does
 * @param clock the time source of the rate-limit, identify and member-request windows
 * @param workerThreads Netty worker threads
 * @param seed seed of the traffic generator
 * @param port the port to listen on, 0 for an ephemeral one
 * @param advertisedGatewayUrl the gateway URL returned by discovery, or {@code null} for {@code
 *     ws://127.0.0.1:PORT} (set it when a proxy stands in front of the fake)
 * @param advertisedResumeUrl the {@code resume_gateway_url} sent in READY, or {@code null} for the
 *     gateway URL followed by {@code /resume}
 * @param advertisedApiUrl the REST base URL returned by {@link FakeDiscordGateway#apiBaseUrl()}, or
 *     {@code null} for {@code http://127.0.0.1:PORT/api/v10}
 */
public record FakeGatewayConfig(
    String token,
    Duration heartbeatInterval,
    int shards,
    int maxConcurrency,
    int sessionStartTotal,
    int sessionStartRemaining,
    Duration sessionStartResetAfter,
    Duration identifyWindow,
    List<FakeGuild> guilds,
    FakeUser botUser,
    long applicationFlags,
    Set<Intent> allowedPrivilegedIntents,
    int compressedFrameSize,
    int maxPayloadBytes,
    int rateLimitCount,
    Duration rateLimitWindow,
    int memberChunkSize,
    Duration memberRequestWindow,
    boolean filterByIntents,
    InstantSource clock,
    int workerThreads,
    long seed,
    int port,
    String advertisedGatewayUrl,
    String advertisedResumeUrl,
    String advertisedApiUrl) {

  /** The default bot user. */
  public static final FakeUser DEFAULT_BOT =
      new FakeUser("1085128370007572480", "Snowflake Relay", null, true);

  /** The default token: {@link #botToken(String)} of {@link #DEFAULT_BOT}. */
  public static final String DEFAULT_TOKEN = botToken(DEFAULT_BOT.id());

  /** The default guild: 8 members, two text channels and a voice channel. */
  public static final FakeGuild DEFAULT_GUILD =
      FakeGuild.generated("573544236423708672", "Maple Street Makers", 8);

  /** Validates the options. */
  public FakeGatewayConfig {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(botUser, "botUser");
    Objects.requireNonNull(clock, "clock");
    requirePositive(heartbeatInterval, "heartbeatInterval");
    requirePositive(sessionStartResetAfter, "sessionStartResetAfter");
    requirePositive(identifyWindow, "identifyWindow");
    requirePositive(rateLimitWindow, "rateLimitWindow");
    requirePositive(memberRequestWindow, "memberRequestWindow");
    if (shards < 1 || maxConcurrency < 1 || memberChunkSize < 1 || workerThreads < 1) {
      throw new IllegalArgumentException(
          "shards, maxConcurrency, memberChunkSize and workerThreads must be at least 1");
    }
    if (sessionStartTotal < 0 || sessionStartRemaining < 0 || compressedFrameSize < 0) {
      throw new IllegalArgumentException(
          "sessionStartTotal, sessionStartRemaining and compressedFrameSize must not be negative");
    }
    if (maxPayloadBytes < 1 || rateLimitCount < 1) {
      throw new IllegalArgumentException("maxPayloadBytes and rateLimitCount must be positive");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535");
    }
    guilds = List.copyOf(guilds);
    allowedPrivilegedIntents =
        allowedPrivilegedIntents.isEmpty()
            ? Set.of()
            : Set.copyOf(EnumSet.copyOf(allowedPrivilegedIntents));
  }

  /**
   * Returns a token shaped like the ones Discord issues to the bot {@code botId}: the id in
   * unpadded base64, a timestamp part and a signature part, separated by dots. Clients that read
   * the bot id from the token's first part (as some libraries do) get {@code botId}. The token is
   * deterministic and grants nothing anywhere but in the fake.
   *
   * @throws IllegalArgumentException when {@code botId} is not a snowflake
   */
  public static String botToken(String botId) {
    long id;
    try {
      id = Long.parseUnsignedLong(botId);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a snowflake: " + botId, e);
    }
    java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String idPart =
        java.util.Base64.getEncoder()
            .withoutPadding()
            .encodeToString(botId.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    long created = (id >>> 22) / 1000 + Snowflakes.DISCORD_EPOCH_MS / 1000;
    byte[] time = java.nio.ByteBuffer.allocate(4).putInt((int) created).array();
    byte[] signature = new byte[27];
    java.util.SplittableRandom random = new java.util.SplittableRandom(id ^ 0x5DEECE66DL);
    for (int i = 0; i < signature.length; i++) {
      signature[i] = (byte) random.nextInt(256);
    }
    return idPart + "." + base64.encodeToString(time) + "." + base64.encodeToString(signature);
  }

  /** Returns the default options. */
  public static FakeGatewayConfig defaults() {
    return builder().build();
  }

  /** Returns a builder with the default options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder preset with these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Prints the options without the token. */
  @Override
  public String toString() {
    return "FakeGatewayConfig[token=<redacted>, heartbeatInterval="
        + heartbeatInterval
        + ", shards="
        + shards
        + ", maxConcurrency="
        + maxConcurrency
        + ", sessionStartLimit="
        + sessionStartRemaining
        + "/"
        + sessionStartTotal
        + ", guilds="
        + guilds.size()
        + ", allowedPrivilegedIntents="
        + allowedPrivilegedIntents
        + ", compressedFrameSize="
        + compressedFrameSize
        + ", port="
        + port
        + "]";
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /** Builder of {@link FakeGatewayConfig}. */
  public static final class Builder {
    private String token;
    private Duration heartbeatInterval = Duration.ofSeconds(2);
    private int shards = 1;
    private int maxConcurrency = 1;
    private int sessionStartTotal = 1000;
    private int sessionStartRemaining = 1000;
    private Duration sessionStartResetAfter = Duration.ofHours(24);
    private Duration identifyWindow = Duration.ofSeconds(5);
    private List<FakeGuild> guilds = List.of(DEFAULT_GUILD);
    private FakeUser botUser = DEFAULT_BOT;
    private long applicationFlags = 8_945_664L;
    private Set<Intent> allowedPrivilegedIntents = Intent.privilegedIntents();
    private int compressedFrameSize;
    private int maxPayloadBytes = 4096;
    private int rateLimitCount = 120;
    private Duration rateLimitWindow = Duration.ofSeconds(60);
    private int memberChunkSize = 1000;
    private Duration memberRequestWindow = Duration.ofSeconds(30);
    private boolean filterByIntents = true;
    private InstantSource clock = InstantSource.system();
    private int workerThreads = 2;
    private long seed = 42L;
    private int port;
    private String advertisedGatewayUrl;
    private String advertisedResumeUrl;
    private String advertisedApiUrl;

    private Builder() {}

    private Builder(FakeGatewayConfig c) {
      token = c.token;
      heartbeatInterval = c.heartbeatInterval;
      shards = c.shards;
      maxConcurrency = c.maxConcurrency;
      sessionStartTotal = c.sessionStartTotal;
      sessionStartRemaining = c.sessionStartRemaining;
      sessionStartResetAfter = c.sessionStartResetAfter;
      identifyWindow = c.identifyWindow;
      guilds = c.guilds;
      botUser = c.botUser;
      applicationFlags = c.applicationFlags;
      allowedPrivilegedIntents = c.allowedPrivilegedIntents;
      compressedFrameSize = c.compressedFrameSize;
      maxPayloadBytes = c.maxPayloadBytes;
      rateLimitCount = c.rateLimitCount;
      rateLimitWindow = c.rateLimitWindow;
      memberChunkSize = c.memberChunkSize;
      memberRequestWindow = c.memberRequestWindow;
      filterByIntents = c.filterByIntents;
      clock = c.clock;
      workerThreads = c.workerThreads;
      seed = c.seed;
      port = c.port;
      advertisedGatewayUrl = c.advertisedGatewayUrl;
      advertisedResumeUrl = c.advertisedResumeUrl;
      advertisedApiUrl = c.advertisedApiUrl;
    }

    /**
     * Sets the accepted bot token (default: {@link FakeGatewayConfig#botToken(String)} of the bot
     * user).
     */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /** Sets the heartbeat interval sent in Hello (default 2 s). */
    public Builder heartbeatInterval(Duration heartbeatInterval) {
      this.heartbeatInterval = heartbeatInterval;
      return this;
    }

    /** Sets the recommended shard count of {@code /gateway/bot} (default 1). */
    public Builder shards(int shards) {
      this.shards = shards;
      return this;
    }

    /** Sets {@code max_concurrency} (default 1). */
    public Builder maxConcurrency(int maxConcurrency) {
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /** Sets {@code session_start_limit.total} and {@code remaining} (default 1000 / 1000). */
    public Builder sessionStartLimit(int total, int remaining) {
      this.sessionStartTotal = total;
      this.sessionStartRemaining = remaining;
      return this;
    }

    /** Sets {@code session_start_limit.reset_after} (default 24 h). */
    public Builder sessionStartResetAfter(Duration resetAfter) {
      this.sessionStartResetAfter = resetAfter;
      return this;
    }

    /** Sets the identify window per bucket (default 5 s, as Discord). */
    public Builder identifyWindow(Duration identifyWindow) {
      this.identifyWindow = identifyWindow;
      return this;
    }

    /** Sets the guilds of the bot (default: {@link #DEFAULT_GUILD}). */
    public Builder guilds(List<FakeGuild> guilds) {
      this.guilds = guilds;
      return this;
    }

    /** Sets the guilds of the bot. */
    public Builder guilds(FakeGuild... guilds) {
      return guilds(List.of(guilds));
    }

    /** Sets the bot's own user. */
    public Builder botUser(FakeUser botUser) {
      this.botUser = botUser;
      return this;
    }

    /** Sets READY {@code application.flags}. */
    public Builder applicationFlags(long applicationFlags) {
      this.applicationFlags = applicationFlags;
      return this;
    }

    /** Sets the privileged intents the fake application may use (default: all three). */
    public Builder allowedPrivilegedIntents(Set<Intent> allowed) {
      this.allowedPrivilegedIntents = allowed;
      return this;
    }

    /** Sets the maximum binary frame size for zlib-stream (default 0: one frame per payload). */
    public Builder compressedFrameSize(int compressedFrameSize) {
      this.compressedFrameSize = compressedFrameSize;
      return this;
    }

    /** Sets the maximum client payload size (default 4096). */
    public Builder maxPayloadBytes(int maxPayloadBytes) {
      this.maxPayloadBytes = maxPayloadBytes;
      return this;
    }

    /** Sets the client send-rate limit (default 120 per 60 s). */
    public Builder rateLimit(int count, Duration window) {
      this.rateLimitCount = count;
      this.rateLimitWindow = window;
      return this;
    }

    /** Sets the members per GUILD_MEMBERS_CHUNK (default 1000). */
    public Builder memberChunkSize(int memberChunkSize) {
      this.memberChunkSize = memberChunkSize;
      return this;
    }

    /** Sets the all-member request window per guild (default 30 s). */
    public Builder memberRequestWindow(Duration memberRequestWindow) {
      this.memberRequestWindow = memberRequestWindow;
      return this;
    }

    /** Sets whether dispatches are filtered by the session's intents (default true). */
    public Builder filterByIntents(boolean filterByIntents) {
      this.filterByIntents = filterByIntents;
      return this;
    }

    /** Sets the time source of the protocol windows (default: the system clock). */
    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    /** Sets the number of Netty worker threads (default 2). */
    public Builder workerThreads(int workerThreads) {
      this.workerThreads = workerThreads;
      return this;
    }

    /** Sets the seed of the traffic generator (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets the port to listen on (default 0: an ephemeral port). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Sets the gateway URL that discovery returns (default {@code ws://127.0.0.1:PORT}), for a
     * proxy in front of the fake.
     */
    public Builder advertisedGatewayUrl(String url) {
      this.advertisedGatewayUrl = url;
      return this;
    }

    /**
     * Sets the {@code resume_gateway_url} sent in READY (default: the advertised gateway URL
     * followed by {@code /resume}).
     */
    public Builder advertisedResumeUrl(String url) {
      this.advertisedResumeUrl = url;
      return this;
    }

    /**
     * Sets the REST base URL the gateway reports (default {@code http://127.0.0.1:PORT/api/v10}).
     */
    public Builder advertisedApiUrl(String url) {
      this.advertisedApiUrl = url;
      return this;
    }

    /** Builds the options. */
    public FakeGatewayConfig build() {
      return new FakeGatewayConfig(
          token == null && botUser != null ? botToken(botUser.id()) : token,
          heartbeatInterval,
          shards,
          maxConcurrency,
          sessionStartTotal,
          sessionStartRemaining,
          sessionStartResetAfter,
          identifyWindow,
          guilds,
          botUser,
          applicationFlags,
          allowedPrivilegedIntents,
          compressedFrameSize,
          maxPayloadBytes,
          rateLimitCount,
          rateLimitWindow,
          memberChunkSize,
          memberRequestWindow,
          filterByIntents,
          clock,
          workerThreads,
          seed,
          port,
          advertisedGatewayUrl,
          advertisedResumeUrl,
          advertisedApiUrl);
    }

    /**
     * Builds the options and starts a gateway with them.
     *
     * @throws java.io.UncheckedIOException when the server cannot bind
     */
    public FakeDiscordGateway start() {
      return FakeDiscordGateway.start(build());
    }
  }
}
