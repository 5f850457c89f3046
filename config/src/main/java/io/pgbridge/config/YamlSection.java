package io.pgbridge.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping seen from the configuration's point of view: its dotted key path, the line it starts on
 * and typed access to its entries. Every problem it reports carries file, line and key path; values are
 * expanded from the environment before they are parsed.
 */
final class YamlSection {
    /** Only the standard types; explicit tags such as {@code !!java.io.File} are refused outright. */
    private static final Set<Tag> PLAIN_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);

    private final String source;
    private final Map<String, String> env;
    private final String path;
    private final int line;
    private final Map<String, NodeTuple> entries;

    private YamlSection(String source, Map<String, String> env, String path, int line, MappingNode node) {
        this.source = source;
        this.env = env;
        this.path = path;
        this.line = line;
        this.entries = node == null ? Map.of() : index(node);
    }

    /** The document's top level; a missing (empty) document is an empty section. */
    static YamlSection root(Node node, String source, Map<String, String> env) {
        if (node == null || isNull(node)) {
            return new YamlSection(source, env, "", 1, null);
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new ConfigException(source, lineOf(node), null,
                    "expected a mapping of settings (listen, backends, ...), got a " + kind(node), null);
        }
        return new YamlSection(source, env, "", lineOf(node), mapping);
    }

    String path() {
        return path;
    }

    /** Refuses keys outside {@code allowed}, suggesting the nearest allowed key. */
    void allowOnly(List<String> allowed) {
        for (String key : entries.keySet()) {
            if (!allowed.contains(key)) {
                throw error(key, "unknown key" + Suggestions.hint(key, allowed) + "; allowed keys are "
                        + String.join(", ", allowed));
            }
        }
    }

    /** The parsed value of {@code key}; empty when the key is absent or explicitly null. */
    <T> Optional<T> value(String key, Values.Parser<T> parser) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        String text = scalarText(key, tuple.getValueNode());
        try {
            return Optional.of(parser.parse(text));
        } catch (ConfigException e) {
            throw located(key, e);
        }
    }

    /** A problem with a key that must be present but is not. */
    ConfigException missing(String key, String example) {
        return new ConfigException(source, line, ConfigException.join(path, key), "required, e.g. " + example, null);
    }

    /** The nested mapping under {@code key}; absent or null gives an empty section so defaults apply. */
    YamlSection section(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return new YamlSection(source, env, ConfigException.join(path, key), line, null);
        }
        return child(key, tuple);
    }

    /** Every entry as a nested section, for maps of user-named things such as backends. */
    Map<String, YamlSection> sections() {
        Map<String, YamlSection> result = new LinkedHashMap<>();
        entries.forEach((key, tuple) -> result.put(key, child(key, tuple)));
        return result;
    }

    /** Every entry as expanded text, for maps of user-named scalars such as routes and JDBC properties. */
    Map<String, String> scalars() {
        Map<String, String> result = new LinkedHashMap<>();
        entries.forEach((key, tuple) -> {
            Node value = tuple.getValueNode();
            result.put(key, isNull(value) ? null : scalarText(key, value));
        });
        return result;
    }

    /** The items of the list under {@code key}, each parsed; absent or null gives an empty list. */
    <T> List<T> list(String key, Values.Parser<T> parser) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        checkTag(key, tuple.getValueNode());
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            throw error(key, "expected a list, got a " + kind(tuple.getValueNode()));
        }
        List<T> items = new java.util.ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            String itemKey = key + "[" + (i + 1) + "]";
            checkTag(itemKey, item);
            if (!(item instanceof ScalarNode scalar)) {
                throw new ConfigException(source, lineOf(item), ConfigException.join(path, itemKey),
                        "expected a single value, got a " + kind(item), null);
            }
            try {
                items.add(parser.parse(EnvInterpolation.expand(scalar.getValue(), env)));
            } catch (ConfigException e) {
                throw e.locatedAt(source, lineOf(item), ConfigException.join(path, itemKey));
            }
        }
        return List.copyOf(items);
    }

    /**
     * Runs a record constructor and places its validation error (whose key path is relative to this
     * section) at the right file line, so records validate once and files still get line numbers.
     */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (ConfigException e) {
            if (e.source().isPresent()) {
                throw e;
            }
            throw located(e.keyPath().orElse(""), e);
        }
    }

    private ConfigException located(String relativePath, ConfigException e) {
        return e.locatedAt(source, lineOf(relativePath), ConfigException.join(path, relativePath));
    }

    private ConfigException error(String key, String problem) {
        return new ConfigException(source, lineOf(key), ConfigException.join(path, key), problem, null);
    }

    private YamlSection child(String key, NodeTuple tuple) {
        Node value = tuple.getValueNode();
        int keyLine = lineOf(tuple.getKeyNode());
        String childPath = ConfigException.join(path, key);
        if (isNull(value)) {
            return new YamlSection(source, env, childPath, keyLine, null);
        }
        checkTag(key, value);
        if (!(value instanceof MappingNode mapping)) {
            throw error(key, "expected a mapping of settings, got a " + kind(value));
        }
        return new YamlSection(source, env, childPath, keyLine, mapping);
    }

    private String scalarText(String key, Node value) {
        checkTag(key, value);
        if (!(value instanceof ScalarNode scalar)) {
            throw error(key, "expected a single value, got a " + kind(value));
        }
        try {
            return EnvInterpolation.expand(scalar.getValue(), env);
        } catch (ConfigException e) {
            throw located(key, e);
        }
    }

    private void checkTag(String key, Node value) {
        if (!PLAIN_TAGS.contains(value.getTag())) {
            throw error(key, "explicit YAML tags such as " + value.getTag() + " are not allowed");
        }
    }

    /**
     * Line of the deepest key on {@code relativePath} that exists, so a problem found after parsing (say a
     * route naming a missing backend) still points at the right line. Tries the whole remaining path as one
     * key first because database names may contain dots.
     */
    private int lineOf(String relativePath) {
        int found = line;
        Map<String, NodeTuple> level = entries;
        String rest = relativePath;
        while (rest != null && !rest.isEmpty() && level != null) {
            NodeTuple tuple = level.get(rest);
            String remainder = null;
            if (tuple == null) {
                int dot = rest.indexOf('.');
                tuple = level.get(dot < 0 ? rest : rest.substring(0, dot));
                remainder = dot < 0 ? null : rest.substring(dot + 1);
            }
            if (tuple == null) {
                break;
            }
            found = lineOf(tuple.getKeyNode());
            level = tuple.getValueNode() instanceof MappingNode m ? indexQuietly(m) : null;
            rest = remainder;
        }
        return found;
    }

    private Map<String, NodeTuple> index(MappingNode node) {
        Map<String, NodeTuple> result = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || isNull(key)) {
                throw new ConfigException(source, lineOf(tuple.getKeyNode()), emptyToNull(path),
                        "keys must be plain names, got a " + kind(tuple.getKeyNode()), null);
            }
            if (result.putIfAbsent(key.getValue(), tuple) != null) {
                throw new ConfigException(source, lineOf(key), ConfigException.join(path, key.getValue()),
                        "duplicate key (first given on line " + lineOf(result.get(key.getValue()).getKeyNode())
                                + ")", null);
            }
        }
        return Collections.unmodifiableMap(result);
    }

    private static Map<String, NodeTuple> indexQuietly(MappingNode node) {
        Map<String, NodeTuple> result = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                result.putIfAbsent(key.getValue(), tuple);
            }
        }
        return result;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    private static int lineOf(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "mapping";
        }
        return node instanceof SequenceNode ? "list" : "single value";
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
