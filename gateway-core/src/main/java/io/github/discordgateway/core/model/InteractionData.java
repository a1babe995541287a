package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The data of an interaction. One record covers the three shapes; fields of the other shapes are
 * {@code null} (or empty):
 *
 * <ul>
 *   <li>application command / autocomplete: {@link #id()}, {@link #name()}, {@link #type()}, {@link
 *       #options()}, {@link #guildId()}, {@link #targetId()}, {@link #resolved()};
 *   <li>message component: {@link #customId()}, {@link #componentType()}, {@link #values()};
 *   <li>modal submit: {@link #customId()}, {@link #components()} (raw JSON).
 * </ul>
 *
 * @param type command type: 1 CHAT_INPUT, 2 USER, 3 MESSAGE, 4 PRIMARY_ENTRY_POINT; {@code 0} if
 *     absent
 * @param resolved users, members, roles, channels, messages and attachments referenced by options
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionData(
    @Snowflake Long id,
    String name,
    @OrDefault int type,
    ResolvedData resolved,
    List<CommandOption> options,
    @Snowflake Long guildId,
    @Snowflake Long targetId,
    String customId,
    Integer componentType,
    List<String> values,
    List<JsonNode> components) {

  /** Normalises absent collections to empty ones. */
  public InteractionData {
    options = Lists.of(options);
    values = Lists.of(values);
    components = Lists.of(components);
  }

  /** Returns the top-level option named {@code name}. */
  public Optional<CommandOption> option(String name) {
    return CommandOption.find(options, name);
  }
}
