package se.samverkansvaven.export;

import java.lang.reflect.Array;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/**
 * Where the export's Cypher ({@code cypher/export/}) runs: over the {@link Driver} (any Neo4j: a server, a
 * cluster, or the embedded database over Bolt), or {@link #inProcess in this process} on the embedded database,
 * which returns the same records without Bolt's encoding, transport and decoding (the larger part of reading an
 * export at 100,000 municipalities, bench/README.md "L"). The queries are the same text either way; the records
 * are handed over with the driver's Java types (integers as {@code Long}, lists as {@code List}), so the snapshot
 * read is the same whichever runs them ({@code ExportQueriesTest}).
 */
interface ExportQueries {

    /** Runs {@code work} in one read transaction. */
    <T> T read(Function<Tx, T> work);

    /** One read transaction. */
    interface Tx {

        /** Runs {@code query} and hands each record to {@code each}, valid only during the call. */
        void forEach(String query, Map<String, Object> params, Consumer<Fields> each);

        /**
         * The records of {@code rows.cypher} (given as {@code query}) for {@code params}: by default that query;
         * in process the same rows read through the Java API (the largest query of an export).
         */
        default void partyRows(String query, Map<String, Object> params, Consumer<Fields> each) {
            forEach(query, params, each);
        }

        default <T> List<T> list(String query, Map<String, Object> params, Function<Fields, T> map) {
            List<T> list = new ArrayList<>();
            forEach(query, params, r -> list.add(map.apply(r)));
            return list;
        }

        /** The one record of {@code query}. */
        default <T> T single(String query, Map<String, Object> params, Function<Fields, T> map) {
            List<T> list = list(query, params, map);
            if (list.size() != 1) {
                throw new IllegalStateException("expected one record, got " + list.size());
            }
            return list.getFirst();
        }
    }

    /** One record's columns. */
    interface Fields {

        boolean isNull(String key);

        /** @return null for a null column */
        String string(String key);

        boolean bool(String key);

        /** @return null for a null column */
        LocalDate date(String key);

        ZonedDateTime dateTime(String key);

        List<Object> list(String key);

        Map<String, Object> map(String key);
    }

    static ExportQueries overDriver(Driver driver) {
        return new ExportQueries() {
            @Override
            public <T> T read(Function<Tx, T> work) {
                try (var session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
                    return session.executeRead(tx -> work.apply(driverTx(tx)));
                }
            }

            @Override
            public String toString() {
                return "Cypher over the driver";
            }
        };
    }

    private static Tx driverTx(TransactionContext tx) {
        return (query, params, each) -> {
            DriverFields fields = new DriverFields();
            tx.run(query, params).forEachRemaining(r -> {
                fields.record = r;
                each.accept(fields);
            });
        };
    }

    /** Reads the embedded database in this process; nothing is written, the transaction is rolled back at the end. */
    static ExportQueries inProcess(GraphDatabaseService database) {
        return new ExportQueries() {
            @Override
            public <T> T read(Function<Tx, T> work) {
                try (Transaction tx = database.beginTx()) {
                    return work.apply(embeddedTx(tx));
                }
            }

            @Override
            public String toString() {
                return "Cypher in process";
            }
        };
    }

    private static Tx embeddedTx(Transaction tx) {
        return new Tx() {
            @Override
            public void forEach(String query, Map<String, Object> params, Consumer<Fields> each) {
                EmbeddedFields fields = new EmbeddedFields();
                try (Result result = tx.execute(query, params)) {
                    result.accept(row -> {
                        fields.row = row::get;
                        each.accept(fields);
                        return true;
                    });
                }
            }

            @Override
            public void partyRows(String query, Map<String, Object> params, Consumer<Fields> each) {
                EmbeddedPartyRows.read(tx, params, each);
            }
        };
    }

    final class DriverFields implements Fields {
        private Record record;

        private Value value(String key) {
            return record.get(key);
        }

        @Override
        public boolean isNull(String key) {
            return value(key).isNull();
        }

        @Override
        public String string(String key) {
            return value(key).asString(null);
        }

        @Override
        public boolean bool(String key) {
            return value(key).asBoolean();
        }

        @Override
        public LocalDate date(String key) {
            return value(key).isNull() ? null : value(key).asLocalDate();
        }

        @Override
        public ZonedDateTime dateTime(String key) {
            return value(key).asZonedDateTime();
        }

        @Override
        public List<Object> list(String key) {
            return value(key).asList();
        }

        @Override
        public Map<String, Object> map(String key) {
            return value(key).asMap();
        }
    }

    /** A row of the embedded {@link Result}, its values turned into the types the driver gives. */
    final class EmbeddedFields implements Fields {
        /** The current record's columns by name. */
        Function<String, Object> row;

        @Override
        public boolean isNull(String key) {
            return row.apply(key) == null;
        }

        @Override
        public String string(String key) {
            return (String) row.apply(key);
        }

        @Override
        public boolean bool(String key) {
            return (Boolean) row.apply(key);
        }

        @Override
        public LocalDate date(String key) {
            return (LocalDate) row.apply(key);
        }

        @Override
        public ZonedDateTime dateTime(String key) {
            return (ZonedDateTime) row.apply(key);
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<Object> list(String key) {
            return (List<Object>) asDriverType(row.apply(key));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> map(String key) {
            return (Map<String, Object>) asDriverType(row.apply(key));
        }

        /**
         * A stored or computed value as the driver would return it: every integer a {@code Long}, every float a
         * {@code Double}, a stored array or a list a {@code List}, a map's values likewise.
         */
        static Object asDriverType(Object value) {
            return switch (value) {
                case null -> null;
                case String s -> s;
                case Boolean b -> b;
                case Long l -> l;
                case Double d -> d;
                case Integer i -> i.longValue();
                case Short s -> s.longValue();
                case Byte b -> b.longValue();
                case Float f -> f.doubleValue();
                case Character c -> c.toString();
                case List<?> list -> {
                    List<Object> copy = new ArrayList<>(list.size());
                    for (Object element : list) {
                        copy.add(asDriverType(element));
                    }
                    yield Collections.unmodifiableList(copy);
                }
                case Map<?, ?> map -> {
                    Map<String, Object> copy = new HashMap<>(map.size() * 2);
                    map.forEach((k, v) -> copy.put((String) k, asDriverType(v)));
                    yield Collections.unmodifiableMap(copy);
                }
                default -> {
                    if (!value.getClass().isArray()) {
                        yield value; // dates, times, points: the same java.time and spatial types either way
                    }
                    int length = Array.getLength(value);
                    List<Object> copy = new ArrayList<>(length);
                    for (int i = 0; i < length; i++) {
                        copy.add(asDriverType(Array.get(value, i)));
                    }
                    yield Collections.unmodifiableList(copy);
                }
            };
        }
    }
}
