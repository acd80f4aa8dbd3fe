package se.samverkansvaven.analysis.data;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import se.samverkansvaven.database.CacheProperties;
import se.samverkansvaven.database.GraphRevisions;

/**
 * Keeps the analysis input of recently asked dates, what is derived from it (P for a set of forms) and results,
 * until the graph changes. Every write increments the graph's revision; {@link GraphRevisions#current()} knows this
 * instance's writes at once and another instance's within the revision check interval, without a database round
 * trip per request.
 *
 * <p>What scenarios compute (a scenario's data, every value derived from it, and the comparison's values, both
 * sides) is kept in a room of its own with its own bound ({@value #MAX_SCENARIO_ENTRIES} entries, least recently
 * used first out), so that no burst of scenarios can push out the graph of record's dates, P or results; it is
 * dropped with the revision and with its date like the rest.
 */
@Component
public class AnalysisCache {

    private static final int MAX_ENTRIES = 64;
    /** Entries kept for scenarios, apart from the graph of record's (a comparison keeps about a dozen). */
    static final int MAX_SCENARIO_ENTRIES = 64;

    private final CooperationDataReader reader;
    private final GraphRevisions revisions;
    /** The graph of record's dates, derived values and results. */
    private final Map<Object, Object> entries = leastRecentlyUsed(MAX_ENTRIES);
    /** What scenarios compute, every key a {@link DerivedKey} of its date. */
    private final Map<Object, Object> scenarioEntries = leastRecentlyUsed(MAX_SCENARIO_ENTRIES);
    private long revision = -1;
    /** Reads of a date in progress, by date; guarded by this. */
    private final Map<LocalDate, Reading> reading = new java.util.HashMap<>();
    /**
     * Counts every time the entries were dropped or a date's data was read but not kept (issue 18): a value built
     * while it changed may come from data of another revision, so it is returned but not kept.
     */
    private long generation;
    private final int maxDates;

    AnalysisCache(CooperationDataReader reader, GraphRevisions revisions, CacheProperties properties) {
        this.reader = reader;
        this.revisions = revisions;
        this.maxDates = properties.dates();
    }

    /**
     * The date's data, kept under the graph revision it was read at (read in the same transaction, issue 18): a
     * revision that this instance did not know yet (another instance's write, or one between the revision check
     * and this read) is taken at once, by this cache and by {@link GraphRevisions}, so nothing older stays cached
     * beside it; data read at a revision older than the one known (a lagging cluster member) is returned but not
     * kept.
     */
    public CooperationData data(LocalDate asOf) {
        DataKey key = new DataKey(asOf);
        long current = revisions.current();
        Reading joined;
        Reading mine = null;
        synchronized (this) {
            moveTo(current);
            if (entries.get(key) instanceof CooperationData held) {
                return held;
            }
            // Requests for a date that is being read wait for that read rather than read it again (after a write
            // every request of a busy server missed at once, and each read the date): only a read that started
            // when this request's revision was already known, so it sees every write this request must see.
            joined = reading.get(asOf);
            if (joined == null || joined.revision() != current) {
                mine = new Reading(current, new CompletableFuture<>());
                reading.put(asOf, mine);
                joined = null;
            }
        }
        if (joined != null) {
            return awaitRead(joined);
        }
        try {
            CooperationData data = read(key);
            mine.read().complete(data);
            return data;
        } catch (RuntimeException | Error e) {
            mine.read().completeExceptionally(e);
            throw e;
        } finally {
            synchronized (this) {
                reading.remove(asOf, mine);
            }
        }
    }

    private CooperationData read(DataKey key) {
        CooperationDataReader.Read read = reader.readWithRevision(key.asOf());
        revisions.observed(read.revision());
        synchronized (this) {
            if (read.revision() > revision) {
                moveTo(read.revision());
            }
            if (read.revision() == revision) {
                entries.put(key, read.data());
                forgetLeastRecentDates();
            } else {
                generation++;
            }
        }
        return read.data();
    }

    /** The data another request is reading; its failure is this request's (unwrapped, so errors map the same). */
    private static CooperationData awaitRead(Reading reading) {
        try {
            return reading.read().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A read of a date in progress, started when {@code revision} was the revision known. */
    private record Reading(long revision, CompletableFuture<CooperationData> read) {}

    /**
     * The date's data, or with {@code illustrative} false the same date as if the illustrative rows were not loaded
     * ({@link CooperationData#withoutIllustrative()}, issue 14): filtered here, once per date and revision, and kept
     * under its own key beside the date's data, so no analysis ever sees the switch. Values derived from it must be
     * keyed on {@link CooperationData#illustrativeIncluded()} too ({@link #ofDate(CooperationData, Object, Supplier)}).
     */
    public CooperationData data(LocalDate asOf, boolean illustrative) {
        CooperationData all = data(asOf);
        return illustrative ? all : ofDate(asOf, RealRowsOnly.KEY, all::withoutIllustrative);
    }

    private enum RealRowsOnly { KEY }

    /**
     * A value derived from a date's data as given (with or without its illustrative rows, with or without a
     * scenario's changes, {@link CooperationData#variant()}): kept with the date and dropped with it; a scenario's
     * in the scenarios' room.
     */
    public <T> T ofDate(CooperationData data, Object key, Supplier<T> compute) {
        return data.scenario() != null ? forScenario(data, key, compute)
                : ofDate(data.asOf(), List.of(data.variant(), key), compute);
    }

    /**
     * A value computed for a scenario from a date's data, the graph of record's or a scenario's (the scenario's data
     * itself, a comparison's before and after sides): kept in the scenarios' room, with the date, and dropped with it.
     */
    public <T> T forScenario(CooperationData data, Object key, Supplier<T> compute) {
        return get(scenarioEntries, new DerivedKey(data.asOf(), List.of(data.variant(), key)), compute);
    }

    /**
     * A large value derived from one date's data, such as P for a set of forms: kept with the date's data and
     * dropped with it.
     *
     * @param key what the value depends on besides the date (e.g. the forms)
     */
    public <T> T ofDate(LocalDate asOf, Object key, Supplier<T> compute) {
        return get(entries, new DerivedKey(asOf, key), compute);
    }

    /**
     * A result computed from the date's data, kept like the data until the graph changes: the API under load
     * asks the same centrality of the same scope again and again, and recomputing it each time is the cost. A
     * scenario's result is kept in the scenarios' room ({@link #forScenario}).
     *
     * @param data the data it is computed from (its date and variant are part of the key)
     * @param key  everything else the result depends on (analysis, forms, scope …)
     */
    public <T> T result(CooperationData data, Object key, Supplier<T> compute) {
        return data.scenario() != null ? forScenario(data, key, compute)
                : get(entries, new ResultKey(data.asOf(), data.variant(), key), compute);
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Map<Object, Object> room, Object key, Supplier<T> load) {
        long current = revisions.current();
        long built;
        synchronized (this) {
            moveTo(current);
            Object held = room.get(key);
            if (held != null) {
                return (T) held;
            }
            built = generation;
        }
        // Built outside the lock: two threads may build the same entry once; both results are equal. Kept only if
        // nothing moved meanwhile (the data it was built from may be of another revision).
        T value = load.get();
        synchronized (this) {
            if (generation == built) {
                room.put(key, value);
            }
        }
        return value;
    }

    /** Drops every entry when {@code next} is not the revision they were kept under. Called holding the lock. */
    private void moveTo(long next) {
        if (next != revision) {
            entries.clear();
            scenarioEntries.clear();
            revision = next;
            generation++;
        }
    }

    /**
     * A date's data and what is derived from it are by far the largest entries (about 1 GB at 100,000
     * municipalities), so their number is bounded on its own: beyond {@code maxDates} dates, the least recently
     * used date's data and derived values go, and what scenarios computed on it (its results stay until the
     * 64-entry bound; they are small).
     */
    private void forgetLeastRecentDates() {
        long dates = entries.keySet().stream().filter(DataKey.class::isInstance).count();
        for (Iterator<Object> keys = entries.keySet().iterator(); dates > maxDates && keys.hasNext(); ) {
            if (keys.next() instanceof DataKey eldest) {
                keys.remove();
                dates--;
                entries.keySet().removeIf(k -> k instanceof DerivedKey d && d.asOf().equals(eldest.asOf()));
                scenarioEntries.keySet().removeIf(k -> k instanceof DerivedKey d && d.asOf().equals(eldest.asOf()));
                keys = entries.keySet().iterator(); // removeIf changed the map under the iterator
            }
        }
    }

    private static Map<Object, Object> leastRecentlyUsed(int bound) {
        return new LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > bound;
            }
        };
    }

    private record DataKey(LocalDate asOf) {}

    private record DerivedKey(LocalDate asOf, Object key) {}

    private record ResultKey(LocalDate asOf, List<Object> variant, Object key) {}
}
