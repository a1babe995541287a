package io.github.discordgateway.core.model.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/** Writes a presence-encoded boolean: {@code null} when true, nothing when false. */
public final class PresenceFlagSerializer extends ValueSerializer<Boolean> {

  @Override
  public void serialize(Boolean value, JsonGenerator gen, SerializationContext ctxt) {
    gen.writeNull();
  }

  @Override
  public boolean isEmpty(SerializationContext ctxt, Boolean value) {
    return value == null || !value;
  }

  @Override
  public Class<?> handledType() {
    return Boolean.class;
  }
}
