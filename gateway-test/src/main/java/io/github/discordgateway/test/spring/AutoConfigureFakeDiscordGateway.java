package io.github.discordgateway.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link io.github.discordgateway.test.FakeDiscordGateway} for the Spring test context,
 * registers it as a bean of that type, points the bot at it and closes it with the context:
 *
 * <ul>
 *   <li>{@code discord.gateway.url} = {@code ws://127.0.0.1:PORT}
 *   <li>{@code discord.gateway.api-url} = {@code http://127.0.0.1:PORT/api/v10}
 *   <li>{@code discord.gateway.token} = the fake's token
 *   <li>{@code discord.gateway.shards.total} = {@link #shards()}, when set
 *   <li>a primary {@code DiscordConnectionDetails} bean with the same values, so the fake wins over
 *       a {@code DiscordConnectionDetails} bean of the application (the way
 *       {@code @ServiceConnection} does): a test never reaches the real Discord.
 * </ul>
 *
 * <p>By default the context is handed to the test only once every shard of the bot has its session
 * ({@link #awaitReady()}), so a dispatch sent by the test is never sent before READY.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureFakeDiscordGateway
 * class BotIntegrationTest {
 *   @Autowired FakeDiscordGateway discord;
 * }
 * }</pre>
 *
 * Test classes with the same attributes share one cached context and so one gateway. A Spring test
 * without this annotation whose bot would connect to anything but loopback (the real Discord) fails
 * to start, with a message that says so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFakeDiscordGateway {

  /** Token the fake accepts; empty for the default token. */
  String token() default "";

  /** Heartbeat interval sent in Hello, in milliseconds; 0 for the default. */
  long heartbeatIntervalMillis() default 0;

  /**
   * Shard count of the bot: sets {@code discord.gateway.shards.total} and the count the fake
   * recommends in {@code /gateway/bot}. 0 (the default) leaves the bot's configuration alone and
   * the fake recommends 1.
   */
  int shards() default 0;

  /** {@code max_concurrency} returned by {@code /gateway/bot}. */
  int maxConcurrency() default 1;

  /**
   * Whether the context waits, when it starts, until every shard of the bot is live ({@code
   * DiscordGatewayLifecycle.ready()}), failing if that does not happen within {@link
   * #readyTimeoutSeconds()}. Nothing is awaited when the bot does not start with the context
   * ({@code discord.gateway.auto-startup=false}).
   */
  boolean awaitReady() default true;

  /** How long {@link #awaitReady()} waits, in seconds. */
  int readyTimeoutSeconds() default 30;
}
