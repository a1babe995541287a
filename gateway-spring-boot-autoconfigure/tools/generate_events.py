#!/usr/bin/env python3
"""Generates the typed dispatch event classes of io.github.discordgateway.autoconfigure.event.

Reads the EventType enum and the DispatchPayloads mapping of gateway-core, the payload records and
the table of event descriptions next to this script (dispatch-events.tsv); writes one
<CamelCase>Event class per dispatch name plus DispatchEvents (the factory indexed by EventType
ordinal), and the lazy views of the records in VIEWS (package ...autoconfigure.event.view). Needs only the Python 3 standard library. The output is committed and formatted by
spotless; regenerate and format it with

    ./mvnw -B -ntp -Pgenerate -pl gateway-spring-boot-autoconfigure -am -DskipTests test-compile

CI runs that and fails if the committed classes differ. The script can also be run alone, from any
directory: python3 gateway-spring-boot-autoconfigure/tools/generate_events.py
"""
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORE = os.path.join(ROOT, "gateway-core/src/main/java/io/github/discordgateway/core")
OUT = os.path.join(
    ROOT,
    "gateway-spring-boot-autoconfigure/src/main/java/io/github/discordgateway/autoconfigure/event")
DESCRIPTIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dispatch-events.tsv")
PKG = "io.github.discordgateway.autoconfigure.event"

# accessor name for events whose payload is a plain object record of core.model
OBJECT_ACCESSORS = {
    "APPLICATION_COMMAND_PERMISSIONS_UPDATE": "permissions",
    "AUTO_MODERATION_RULE_": "rule",
    "CHANNEL_CREATE": "channel",
    "CHANNEL_UPDATE": "channel",
    "CHANNEL_DELETE": "channel",
    "THREAD_UPDATE": "thread",
    "THREAD_DELETE": "thread",
    "ENTITLEMENT_": "entitlement",
    "GUILD_UPDATE": "guild",
    "GUILD_DELETE": "guild",
    "GUILD_SCHEDULED_EVENT_CREATE": "scheduledEvent",
    "GUILD_SCHEDULED_EVENT_UPDATE": "scheduledEvent",
    "GUILD_SCHEDULED_EVENT_DELETE": "scheduledEvent",
    "GUILD_SOUNDBOARD_SOUND_CREATE": "sound",
    "GUILD_SOUNDBOARD_SOUND_UPDATE": "sound",
    "INTERACTION_CREATE": "interaction",
    "PRESENCE_UPDATE": "presence",
    "STAGE_INSTANCE_": "stageInstance",
    "SUBSCRIPTION_": "subscription",
    "USER_UPDATE": "user",
    "VOICE_STATE_UPDATE": "voiceState",
}
# methods of DispatchEvent / TypedDispatchEvent / ApplicationEvent a component must not hide
RESERVED = {"shardId", "sequence", "type", "eventType", "known", "raw", "json", "tree", "payload",
            "payloadType", "getSource", "getTimestamp", "toString", "hashCode", "getClass"}
RENAMES = {("MessageReactionAdd", "type"): "reactionType",
           ("MessageReactionRemove", "type"): "reactionType"}
# records that get a generated lazy view (package VIEW_PKG): an event returns the view for its payload
# when the payload is one of them, and for a @JsonUnwrapped component of one of them
VIEWS = ["Message", "Presence", "Interaction"]
VIEW_PKG = PKG + ".view"
VIEW_OUT = os.path.join(OUT, "view")
# derived (non-component) methods re-implemented on views and events from their lazy accessors; any
# other derived method delegates to the whole record. Values: (expression, imports).
DERIVED = {
    ("Message", "messageType"): ("MessageType.of(type())", ["io.github.discordgateway.core.model.MessageType"]),
    ("Message", "mentionedUsers"): ("mentions().stream().map(UserMention::user).toList()",
                                    ["io.github.discordgateway.core.model.UserMention"]),
    ("Message", "fromWebhook"): ("webhookId() != null", []),
    ("Presence", "userId"): ("user() == null ? 0L : user().id()", []),
    ("Interaction", "interactionType"): ("InteractionType.of(type())",
                                         ["io.github.discordgateway.core.model.InteractionType"]),
    ("Interaction", "invoker"): (
        "member() != null && member().user() != null\n"
        "        ? Optional.of(member().user())\n"
        "        : Optional.ofNullable(user())", []),
    ("MessageCreate", "channelId"): ("message().channelId()", []),
    ("MessageCreate", "author"): ("message().author()", []),
    ("MessageUpdate", "channelId"): ("message().channelId()", []),
    ("MessageUpdate", "author"): ("message().author()", []),
    ("TypingStart", "startedAt"): ("Instant.ofEpochSecond(timestamp())", []),
    ("GuildMemberUpdate", "userId"): ("user() == null ? 0L : user().id()", []),
}
BOXES = {"long": "Long", "int": "Integer", "boolean": "Boolean", "double": "Double",
         "float": "Float", "short": "Short", "byte": "Byte", "char": "Character"}
JAVA_LANG = {"String", "Long", "Integer", "Boolean", "Double", "Float", "Short", "Byte", "Object",
             "Character", "Void"}
PRIMITIVES = {"long", "int", "boolean", "double", "float", "short", "byte", "char"}


def camel(name):
    return "".join(p.capitalize() for p in name.lower().split("_"))


def lower_camel(name):
    return name[0].lower() + name[1:]


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def event_types():
    src = read(os.path.join(CORE, "protocol/EventType.java"))
    body = src[src.index("public enum EventType {") :]
    body = body[: body.index(";")]
    return re.findall(r"^\s+([A-Z][A-Z_]+)\b", body, re.M)


def payload_mapping():
    src = read(os.path.join(CORE, "model/event/DispatchPayloads.java"))
    body = src[src.index("return switch (type) {") :]
    mapping = {}
    for names, cls in re.findall(r"case\s+([A-Z_,\s]+?)\s*->\s*(\w+)\.class;", body, re.S):
        for n in re.split(r"[,\s]+", names.strip()):
            if n:
                mapping[n] = cls
    return mapping


def event_descriptions():
    result = {}
    for line in read(DESCRIPTIONS).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, desc = line.split("\t", 1)
        result[name.strip()] = desc.strip()
    return result


def javadoc_text(text):
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("*/", "*&#47;").replace("@", "&#64;")
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"`([^`]+)`", lambda m: "{@code " + m.group(1) + "}", text)
    return text


def find_payload_file(cls):
    for sub in ("model/event", "model"):
        path = os.path.join(CORE, sub, cls + ".java")
        if os.path.exists(path):
            pkg = "io.github.discordgateway.core." + sub.replace("/", ".")
            return path, pkg
    raise SystemExit("payload class not found: " + cls)


def split_top(text):
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "<(":
            depth += 1
        elif ch in ">)":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur)
    return parts


ANNOTATION = re.compile(r"@[\w.]+(\((?:[^()]|\([^()]*\))*\))?\s*")


def parse_record(cls):
    path, pkg = find_payload_file(cls)
    src = read(path)
    imports = dict(
        (m.split(".")[-1], m) for m in re.findall(r"^import\s+([\w.]+);", src, re.M))
    start = src.index("public record " + cls + "(")
    doc_end = src.rfind("*/", 0, start)
    doc_start = src.rfind("/**", 0, doc_end)
    doc = src[doc_start:doc_end] if doc_start >= 0 else ""
    params = {}
    for name, text in re.findall(r"@param\s+(\w+)\s+(.*?)(?=\n\s*\*\s*@|\Z)", doc, re.S):
        params[name] = " ".join(l.strip().lstrip("*").strip() for l in text.splitlines()).strip()
    i = start + len("public record " + cls + "(")
    depth, j = 1, i
    while depth:
        if src[j] == "(":
            depth += 1
        elif src[j] == ")":
            depth -= 1
        j += 1
    comps_src = src[i : j - 1]
    nested = set(re.findall(r"public\s+(?:record|enum|interface)\s+(\w+)", src[j:]))
    # public no-argument convenience methods of the record itself (not static, not nested types)
    extras = []
    body = src[j:]
    depth = 0
    for line in body.splitlines():
        m = re.match(r"\s*public\s+(?!static)([\w.<>, ?]+?)\s+(\w+)\(\)\s*\{", line)
        if depth == 1 and m:
            extras.append((m.group(1).strip(), m.group(2)))
        depth += line.count("{") - line.count("}")
    components = []
    unwrapped = set()
    for part in split_top(comps_src):
        part = part.strip()
        is_unwrapped = "@JsonUnwrapped" in part
        part = ANNOTATION.sub("", part).strip()
        if not part:
            continue
        typ, name = part.rsplit(None, 1)
        components.append((typ.strip(), name.strip()))
        if is_unwrapped:
            unwrapped.add(name.strip())
    return pkg, imports, nested, components, params, extras, unwrapped


def resolve_type(typ, owner, pkg, imports, nested, needed):
    def repl(m):
        simple = m.group(0)
        if simple in PRIMITIVES or simple in JAVA_LANG:
            return simple
        if simple in nested:
            needed.add(pkg + "." + owner)
            return owner + "." + simple
        if simple in imports:
            needed.add(imports[simple])
            return simple
        candidate = os.path.join(CORE, pkg.replace("io.github.discordgateway.core.", "").replace(".", "/"), simple + ".java")
        if os.path.exists(candidate):
            needed.add(pkg + "." + simple)
            return simple
        raise SystemExit("cannot resolve type %s in %s" % (simple, owner))

    return re.sub(r"\b[A-Za-z_]\w*\b", repl, typ)


def object_accessor(event):
    for key, name in OBJECT_ACCESSORS.items():
        if event == key or (key.endswith("_") and event.startswith(key)):
            return name
    return None


HEADER = "// Generated by gateway-spring-boot-autoconfigure/tools/generate_events.py; do not edit.\n"


def constant(name):
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).upper()


def component_constant(owner, typ, comp, jtype):
    boxed = BOXES.get(typ, jtype)
    return (
        "  private static final LazyRecord.Component<%s, %s> %s =\n"
        "      LazyRecord.Component.of(%s.class, \"%s\");\n" % (owner, boxed, constant(comp), owner, comp))


def derived_method(owner, extra, jtype, target, whole, needed):
    """A derived method of `owner` on a view or an event: re-implemented, or the whole record's."""
    if (owner, extra) in DERIVED:
        expr, imports = DERIVED[(owner, extra)]
        needed.update(imports)
        doc = "Returns what {@link %s#%s()} returns, computed from the fields it needs." % (owner, extra)
    else:
        expr = "%s.%s()" % (whole, extra)
        doc = "Returns {@link %s#%s()} of the whole %s (decoded whole)." % (owner, extra, target)
    return "  /** %s */\n  public %s %s() {\n    return %s;\n  }\n" % (doc, jtype, extra, expr)


def generate_event(event, cls, description):
    pkg, imports, nested, components, params, extras, unwrapped = parse_record(cls)
    needed = {pkg + "." + cls, "io.github.discordgateway.core.codec.RawJson",
              "io.github.discordgateway.core.protocol.EventType"}
    name = camel(event) + "Event"
    methods = []
    constants = []
    lazy_doc = ("decoded from the raw JSON when a listener first reads it")
    if pkg.endswith(".core.model"):
        accessor = object_accessor(event) or lower_camel(cls)
        if cls in VIEWS:
            needed.add(VIEW_PKG + "." + cls + "View")
            methods.append(
                "  /**\n   * Returns the {@link %s} of the dispatch as a lazy view: each of its accessors decodes\n"
                "   * only its own field, on first use; {@link %sView#to%s()} returns the whole record.\n   */\n"
                "  public %sView %s() {\n    return new %sView(fields());\n  }\n"
                % (cls, cls, cls, cls, accessor, cls))
            lazy_doc = ("read field by field from the raw JSON when a listener reads its fields")
        else:
            methods.append(
                "  /** Returns the {@link %s} of the dispatch, decoded on first use. */\n"
                "  public %s %s() {\n    return payload();\n  }\n" % (cls, cls, accessor))
    else:
        lazy_doc = ("read field by field from the raw JSON: each accessor decodes only its own field, on\n"
                    " * first use")
        for typ, comp in components:
            method = RENAMES.get((cls, comp), comp)
            if method in RESERVED:
                continue
            jtype = resolve_type(typ, cls, pkg, imports, nested, needed)
            needed.add("io.github.discordgateway.core.codec.LazyRecord")
            constants.append(component_constant(cls, typ, comp, jtype))
            text = params.get(comp)
            doc = "Returns the payload's {@code %s}" % comp
            if text:
                text = text.rstrip(".")
                doc += ": " + text
            doc += "."
            if comp in unwrapped and jtype in VIEWS:
                needed.add(VIEW_PKG + "." + jtype + "View")
                doc += (" A lazy view: each of its accessors decodes only its own field;"
                        " {@link %sView#to%s()} returns the whole record." % (jtype, jtype))
                methods.append(
                    "  /** %s */\n  public %sView %s() {\n    return new %sView(fields().unwrapped(%s));\n  }\n"
                    % (doc, jtype, method, jtype, constant(comp)))
            else:
                methods.append(
                    "  /** %s */\n  public %s %s() {\n    return field(%s);\n  }\n"
                    % (doc, jtype, method, constant(comp)))
        names = {RENAMES.get((cls, c), c) for _, c in components}
        for typ, extra in extras:
            if extra in RESERVED or extra in names or extra in ("toString", "hashCode"):
                continue
            jtype = resolve_type(typ, cls, pkg, imports, nested, needed)
            methods.append(derived_method(cls, extra, jtype, "payload", "payload()", needed))
    imports_src = "\n".join("import %s;" % i for i in sorted(needed)) + "\n"
    body = (
        HEADER
        + "package %s;\n\n" % PKG
        + imports_src
        + "\n/**\n"
        + " * Published for each {@code %s} dispatch. Its payload, {@link %s}, is %s.\n" % (event, cls, lazy_doc)
        + " * Discord sends: %s.\n" % javadoc_text(description)
        + " */\n"
        + "public final class %s extends TypedDispatchEvent<%s> {\n\n" % (name, cls)
        + "  private static final long serialVersionUID = 1L;\n\n"
        + "".join(c + "\n" for c in constants)
        + "  /**\n   * Creates the event.\n   *\n"
        + "   * @param source the object that published the event\n"
        + "   * @param shardId the shard that received the dispatch\n"
        + "   * @param sequence its sequence number\n"
        + "   * @param raw the {@code d} of the dispatch\n   */\n"
        + "  public %s(Object source, int shardId, long sequence, RawJson raw) {\n" % name
        + "    super(source, shardId, sequence, EventType.%s, %s.class, raw);\n  }\n" % (event, cls)
        + "".join("\n" + m for m in methods)
        + "}\n"
    )
    with open(os.path.join(OUT, name + ".java"), "w", encoding="utf-8") as f:
        f.write(body)
    return name


def generate_view(cls):
    pkg, imports, nested, components, params, extras, unwrapped = parse_record(cls)
    needed = {pkg + "." + cls, "io.github.discordgateway.core.codec.LazyRecord", "java.util.Objects"}
    name = cls + "View"
    whole = "to" + cls
    noun = lower_camel(cls)
    constants, methods = [], []
    names = set()
    for typ, comp in components:
        if comp in (whole, "equals", "hashCode", "toString", "getClass"):
            raise SystemExit("component %s of %s clashes with a view method" % (comp, cls))
        jtype = resolve_type(typ, cls, pkg, imports, nested, needed)
        constants.append(component_constant(cls, typ, comp, jtype))
        text = params.get(comp)
        doc = "Returns the %s's {@code %s}" % (noun, comp)
        if text:
            doc += ": " + text.rstrip(".")
        doc += "."
        methods.append("  /** %s */\n  public %s %s() {\n    return fields.get(%s);\n  }\n"
                       % (doc, jtype, comp, constant(comp)))
        names.add(comp)
    for typ, extra in extras:
        if extra in names or extra in ("toString", "hashCode"):
            continue
        jtype = resolve_type(typ, cls, pkg, imports, nested, needed)
        methods.append(derived_method(cls, extra, jtype, "record", whole + "()", needed))
    imports_src = "\n".join("import %s;" % i for i in sorted(needed)) + "\n"
    body = (
        HEADER
        + "package %s;\n\n" % VIEW_PKG
        + imports_src
        + "\n/**\n"
        + " * %s {@link %s} read on demand: each accessor decodes only its own field of the raw JSON, once,\n" % ("An" if cls[0] in "AEIOU" else "A", cls)
        + " * and returns exactly what the record's accessor of the same name returns (see {@link\n"
        + " * LazyRecord}). {@link #%s()} returns the whole record, decoded once.\n" % whole
        + " *\n"
        + " * <p>Equality, hash code and text are the whole record's: two views are equal when their records\n"
        + " * are, and {@code equals}, {@code hashCode} and {@code toString} decode the record whole.\n"
        + " */\n"
        + "public final class %s {\n\n" % name
        + "".join(c + "\n" for c in constants)
        + "  private final LazyRecord<%s> fields;\n\n" % cls
        + "  /**\n   * Creates a view.\n   *\n"
        + "   * @param fields the %s, read lazily\n   */\n" % noun
        + "  public %s(LazyRecord<%s> fields) {\n" % (name, cls)
        + "    this.fields = Objects.requireNonNull(fields, \"fields\");\n  }\n"
        + "".join("\n" + m for m in methods)
        + "\n  /**\n   * Returns the whole {@link %s}, decoded once.\n   *\n" % cls
        + "   * @return the record\n"
        + "   * @throws io.github.discordgateway.core.GatewayException of kind {@code DECODE_ERROR} when the\n"
        + "   *     JSON does not fit the record\n   */\n"
        + "  public %s %s() {\n    return fields.record();\n  }\n" % (cls, whole)
        + "\n  /** Returns whether {@code other} is a view of an equal record (decodes both whole). */\n"
        + "  @Override\n  public boolean equals(Object other) {\n"
        + "    return other instanceof %s view && %s().equals(view.%s());\n  }\n" % (name, whole, whole)
        + "\n  /** Returns the hash code of the whole record. */\n"
        + "  @Override\n  public int hashCode() {\n    return %s().hashCode();\n  }\n" % whole
        + "\n  /** Returns the text of the whole record. */\n"
        + "  @Override\n  public String toString() {\n    return %s().toString();\n  }\n" % whole
        + "}\n"
    )
    with open(os.path.join(VIEW_OUT, name + ".java"), "w", encoding="utf-8") as f:
        f.write(body)


def generate_factory(events):
    cases = "\n".join(
        "      case %s -> %s::new;" % (e, camel(e) + "Event") for e in events)
    src = (
        HEADER
        + "package %s;\n\n" % PKG
        + "import io.github.discordgateway.core.codec.RawJson;\n"
        + "import io.github.discordgateway.core.protocol.EventType;\n\n"
        + "/**\n * Creates the typed event of each dispatch name without reflection: a factory per\n"
        + " * {@link EventType}, looked up by ordinal.\n"
        + " *\n * <pre>{@code\n"
        + " * DispatchEvent event = DispatchEvents.create(source, shardId, sequence, \"MESSAGE_CREATE\",\n"
        + " *     EventType.MESSAGE_CREATE, raw); // a MessageCreateEvent\n"
        + " * }</pre>\n */\n"
        + "public final class DispatchEvents {\n\n"
        + "  /** Creates the event of one dispatch type. */\n"
        + "  @FunctionalInterface\n"
        + "  public interface Factory {\n\n"
        + "    /**\n     * Creates the event.\n     *\n"
        + "     * @param source the object that publishes the event\n"
        + "     * @param shardId the shard\n     * @param sequence the sequence number\n"
        + "     * @param raw the {@code d} of the dispatch\n     * @return the event\n     */\n"
        + "    TypedDispatchEvent<?> create(Object source, int shardId, long sequence, RawJson raw);\n  }\n\n"
        + "  private static final Factory[] FACTORIES;\n\n"
        + "  static {\n"
        + "    EventType[] types = EventType.values();\n"
        + "    FACTORIES = new Factory[types.length];\n"
        + "    for (EventType type : types) {\n"
        + "      FACTORIES[type.ordinal()] = factory(type);\n"
        + "    }\n  }\n\n"
        + "  private DispatchEvents() {}\n\n"
        + "  /**\n   * Returns the factory of {@code type}.\n   *\n"
        + "   * @param type the event type\n   * @return its factory\n   */\n"
        + "  public static Factory factory(EventType type) {\n"
        + "    // exhaustive: a new EventType constant fails compilation until it has an event class\n"
        + "    return switch (type) {\n" + cases + "\n    };\n  }\n\n"
        + "  /**\n   * Creates the event of a dispatch: its typed event for a known type, else a plain\n"
        + "   * {@link DispatchEvent}.\n   *\n"
        + "   * @param source the object that publishes the event\n"
        + "   * @param shardId the shard\n   * @param sequence the sequence number\n"
        + "   * @param type the event name as sent\n"
        + "   * @param eventType the known type, or {@code null}\n"
        + "   * @param raw the {@code d} of the dispatch, or {@code null}\n   * @return the event\n   */\n"
        + "  public static DispatchEvent create(\n"
        + "      Object source, int shardId, long sequence, String type, EventType eventType, RawJson raw) {\n"
        + "    if (eventType == null) {\n"
        + "      return new DispatchEvent(source, shardId, sequence, type, null, raw);\n"
        + "    }\n"
        + "    return FACTORIES[eventType.ordinal()].create(source, shardId, sequence, raw);\n"
        + "  }\n}\n"
    )
    with open(os.path.join(OUT, "DispatchEvents.java"), "w", encoding="utf-8") as f:
        f.write(src)


def main():
    events = event_types()
    mapping = payload_mapping()
    descriptions = event_descriptions()
    missing = [e for e in events if e not in mapping or e not in descriptions]
    if missing:
        raise SystemExit("no payload or description for " + ", ".join(missing))
    for event in events:
        generate_event(event, mapping[event], descriptions[event])
    generate_factory(events)
    for view in VIEWS:
        generate_view(view)
    print("generated %d event classes and %d views" % (len(events), len(VIEWS)))


if __name__ == "__main__":
    sys.exit(main())
