package io.github.discordgateway.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link io.github.discordgateway.test.FakeDiscordGateway} for the Spring test context,
 * registers it as a bean of that type, points the gateway properties at it and closes it with the
 * context:
 *
 * <ul>
 *   <li>{@code discord.gateway.url} = {@code ws://127.0.0.1:PORT}
 *   <li>{@code discord.gateway.api-url} = {@code http://127.0.0.1:PORT/api/v10}
 *   <li>{@code discord.gateway.token} = the fake's token
 * </ul>
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureFakeDiscordGateway(heartbeatIntervalMillis = 200)
 * class BotIntegrationTest {
 *   @Autowired FakeDiscordGateway gateway;
 * }
 * }</pre>
 *
 * Test classes with the same attributes share one cached context and so one gateway.
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

  /** Recommended shard count returned by {@code /gateway/bot}. */
  int shards() default 1;

  /** {@code max_concurrency} returned by {@code /gateway/bot}. */
  int maxConcurrency() default 1;
}
