package io.github.discordgateway.core.model.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/** Writes a snowflake as its unsigned decimal string, the way Discord sends ids. */
public final class SnowflakeSerializer extends ValueSerializer<Long> {

  @Override
  public void serialize(Long value, JsonGenerator gen, SerializationContext ctxt) {
    gen.writeString(Long.toUnsignedString(value));
  }

  @Override
  public Class<?> handledType() {
    return Long.class;
  }
}
