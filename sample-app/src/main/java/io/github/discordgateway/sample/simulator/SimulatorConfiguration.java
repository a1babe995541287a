package io.github.discordgateway.sample.simulator;

import io.github.discordgateway.autoconfigure.DiscordConnectionDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the bot on the embedded {@link DiscordSimulator} when no token is set. The simulator starts
 * when the starter asks for its {@link DiscordConnectionDetails}, so it listens before the shards
 * connect; the starter's own details back off because this bean exists. On shutdown the shards
 * disconnect first (they depend on these details), then the simulator closes.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorModeCondition.class)
@EnableConfigurationProperties(SimulatorProperties.class)
public class SimulatorConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

  @Bean(destroyMethod = "close")
  DiscordSimulator discordSimulator(SimulatorProperties properties) {
    DiscordSimulator simulator = DiscordSimulator.start(properties);
    log.info(
        "No DISCORD_TOKEN set: running on the embedded Discord simulator at {} ({} guilds, {}"
            + " shards, {} events/s). Set DISCORD_TOKEN to connect to Discord.",
        simulator.gateway().gatewayUrl(),
        simulator.guilds().size(),
        properties.shards(),
        properties.eventsPerSecond());
    return simulator;
  }

  @Bean
  DiscordConnectionDetails discordConnectionDetails(DiscordSimulator simulator) {
    return simulator.connectionDetails();
  }
}
