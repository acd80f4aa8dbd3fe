package se.samverkansvaven.database;

import java.util.concurrent.CompletionStage;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.BaseSession;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.ExecutableQuery;
import org.neo4j.driver.SessionConfig;

/**
 * The app's {@link Driver}, whose every session shares one {@link BookmarkManager} (the driver's own, also used by
 * {@link Driver#executableQuery}): a session starts from the bookmarks of the transactions this instance already
 * committed or read, so on a cluster a read routed to a secondary waits until that secondary has applied them.
 * Without it, right after an import an analysis could be read from a lagging secondary and cached as current.
 * A session configured with its own bookmark manager keeps it.
 *
 * <p>Applied to every Driver bean by {@link SharedBookmarks}, so no code that opens a session has to remember it.
 * On a single server (the embedded database) the bookmarks
 * are always applied already and cost nothing.
 */
final class BookmarkSharingDriver implements Driver {

    private final Driver delegate;
    private final BookmarkManager bookmarks;

    BookmarkSharingDriver(Driver delegate) {
        this.delegate = delegate;
        this.bookmarks = delegate.executableQueryBookmarkManager();
    }

    @Override
    public <T extends BaseSession> T session(Class<T> sessionClass, SessionConfig config, AuthToken auth) {
        return delegate.session(sessionClass, withSharedBookmarks(config, bookmarks), auth);
    }

    /** The config with {@code manager}, unless it has one; every other setting as it was. */
    static SessionConfig withSharedBookmarks(SessionConfig config, BookmarkManager manager) {
        SessionConfig given = config == null ? SessionConfig.defaultConfig() : config;
        if (given.bookmarkManager().isPresent()) {
            return given;
        }
        // SessionConfig has no toBuilder(): each of its settings copied (BookmarkSharingDriverTest compares them all;
        // the notification severity and classifications are part of the notification config)
        var builder = SessionConfig.builder()
                .withBookmarks(given.bookmarks())
                .withDefaultAccessMode(given.defaultAccessMode())
                .withNotificationConfig(given.notificationConfig())
                .withAutoCommitRetriesMode(given.autoCommitRetriesMode())
                .withBookmarkManager(manager);
        given.database().ifPresent(builder::withDatabase);
        given.fetchSize().ifPresent(builder::withFetchSize);
        given.impersonatedUser().ifPresent(builder::withImpersonatedUser);
        return builder.build();
    }

    @Override
    public ExecutableQuery executableQuery(String query) {
        return delegate.executableQuery(query);
    }

    @Override
    public BookmarkManager executableQueryBookmarkManager() {
        return bookmarks;
    }

    @Override
    public boolean isEncrypted() {
        return delegate.isEncrypted();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public CompletionStage<Void> closeAsync() {
        return delegate.closeAsync();
    }

    @Override
    public void verifyConnectivity() {
        delegate.verifyConnectivity();
    }

    @Override
    public CompletionStage<Void> verifyConnectivityAsync() {
        return delegate.verifyConnectivityAsync();
    }

    @Override
    public boolean verifyAuthentication(AuthToken authToken) {
        return delegate.verifyAuthentication(authToken);
    }

    @Override
    public boolean supportsSessionAuth() {
        return delegate.supportsSessionAuth();
    }

    @Override
    public boolean supportsMultiDb() {
        return delegate.supportsMultiDb();
    }

    @Override
    public CompletionStage<Boolean> supportsMultiDbAsync() {
        return delegate.supportsMultiDbAsync();
    }
}
