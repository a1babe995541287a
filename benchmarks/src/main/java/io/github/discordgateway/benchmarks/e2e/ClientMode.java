package io.github.discordgateway.benchmarks.e2e;

import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.transport.GatewayTransport;
import java.util.List;

/**
 * One way of receiving the gateway's events in the end-to-end benchmarks. Every mode connects one
 * or more shards to the fake over the same {@link GatewayTransport} and reports each MESSAGE_CREATE
 * to the {@link EventCounter}. Adding a mode means one class implementing this interface and one
 * line in {@link #named(String)}.
 */
interface ClientMode {

  /** Returns the name used on the command line. */
  String name();

  /**
   * Connects and returns once every shard is READY.
   *
   * @param target where and how to connect
   * @param counter receives each MESSAGE_CREATE
   * @return the connected client; closing it disconnects
   * @throws Exception when it cannot connect
   */
  Client connect(Target target, EventCounter counter) throws Exception;

  /** A connected client. */
  interface Client extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Where and how to connect.
   *
   * @param gatewayUrl the fake's gateway URL
   * @param token the fake's token
   * @param compression the transport compression
   * @param transport the transport every mode uses
   * @param totalShards the shard count
   * @param maxConcurrency {@code max_concurrency}
   * @param shardId the one shard to connect, or -1 for all of them
   */
  record Target(
      String gatewayUrl,
      String token,
      Compression compression,
      GatewayTransport transport,
      int totalShards,
      int maxConcurrency,
      int shardId) {}

  /** The modes this build knows and runs by default. */
  List<String> NAMES = List.of("bare", "core", "core-typed", "spring", "spring-typed", "jda");

  /** The modes run only when asked for: {@code core-jdk} ({@code core} over the JDK transport). */
  List<String> EXTRA_NAMES = List.of("core-jdk");

  /** Returns the mode called {@code name}. */
  static ClientMode named(String name) {
    return switch (name) {
      case "bare" -> new BareClientMode();
      case "core" -> new CoreClientMode(false, false);
      case "core-jdk" -> new CoreClientMode(false, true);
      case "core-typed" -> new CoreClientMode(true, false);
      case "spring" -> new SpringClientMode(false);
      case "spring-typed" -> new SpringClientMode(true);
      case "jda" -> new JdaClientMode();
      default ->
          throw new IllegalArgumentException(
              "Unknown client mode " + name + "; known: " + NAMES + " and " + EXTRA_NAMES);
    };
  }
}
