package se.samverkansvaven.analysis.web;

import java.util.List;
import org.springframework.stereotype.Component;
import se.samverkansvaven.analysis.EgoWebAnalysis.Edge;
import se.samverkansvaven.analysis.EgoWebAnalysis.Element;
import se.samverkansvaven.analysis.EgoWebAnalysis.Node;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The Cytoscape.js elements of the ego and federation webs, written field by field. An ego web of depth 2 is
 * hundreds of nodes and thousands of edges, and writing them through Jackson's bean serializer (a method handle and a
 * property writer per field) was the largest part of a request that misses the response cache. The bytes are
 * the bean serializer's, field for field in the records' order with nulls written; {@code WebElementsJsonTest} holds
 * the two equal. A bean: Spring Boot registers every {@code JacksonModule} bean with the application's JSON mapper.
 */
@Component
final class WebElementsJson extends SimpleModule {

    private static final SerializableString DATA = new SerializedString("data");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString LABEL = new SerializedString("label");
    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString FORM = new SerializedString("form");
    private static final SerializableString HOST = new SerializedString("host");
    private static final SerializableString AREAS = new SerializedString("areas");
    private static final SerializableString ILLUSTRATIVE = new SerializedString("illustrative");
    private static final SerializableString DISTANCE = new SerializedString("distance");
    private static final SerializableString SOURCE = new SerializedString("source");
    private static final SerializableString TARGET = new SerializedString("target");
    private static final SerializableString ROLE = new SerializedString("role");

    WebElementsJson() {
        super("web-elements");
        @SuppressWarnings("unchecked")
        Class<Element<?>> element = (Class<Element<?>>) (Class<?>) Element.class;
        addSerializer(element, new ElementSerializer());
    }

    private static final class ElementSerializer extends ValueSerializer<Element<?>> {
        @Override
        public void serialize(Element<?> element, JsonGenerator gen, SerializationContext context) {
            gen.writeStartObject(element);
            gen.writeName(DATA);
            switch (element.data()) {
                case Node node -> write(node, gen);
                case Edge edge -> write(edge, gen);
                case null -> gen.writeNull();
                default -> context.writeValue(gen, element.data());
            }
            gen.writeEndObject();
        }
    }

    private static void write(Node node, JsonGenerator gen) {
        gen.writeStartObject(node);
        gen.writeName(ID);
        string(gen, node.id());
        gen.writeName(LABEL);
        string(gen, node.label());
        gen.writeName(TYPE);
        string(gen, node.type());
        gen.writeName(FORM);
        string(gen, node.form() == null ? null : node.form().name());
        gen.writeName(HOST);
        gen.writeBoolean(node.host());
        gen.writeName(AREAS);
        strings(gen, node.areas());
        gen.writeName(ILLUSTRATIVE);
        gen.writeBoolean(node.illustrative());
        gen.writeName(DISTANCE);
        gen.writeNumber(node.distance());
        gen.writeEndObject();
    }

    private static void write(Edge edge, JsonGenerator gen) {
        gen.writeStartObject(edge);
        gen.writeName(ID);
        string(gen, edge.id());
        gen.writeName(SOURCE);
        string(gen, edge.source());
        gen.writeName(TARGET);
        string(gen, edge.target());
        gen.writeName(ROLE);
        string(gen, edge.role() == null ? null : edge.role().name());
        gen.writeName(ILLUSTRATIVE);
        gen.writeBoolean(edge.illustrative());
        gen.writeEndObject();
    }

    private static void string(JsonGenerator gen, String value) {
        if (value == null) {
            gen.writeNull();
        } else {
            gen.writeString(value);
        }
    }

    private static void strings(JsonGenerator gen, List<String> values) {
        if (values == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartArray(values, values.size());
        for (String value : values) {
            string(gen, value);
        }
        gen.writeEndArray();
    }
}
