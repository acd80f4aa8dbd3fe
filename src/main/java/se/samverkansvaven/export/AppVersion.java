package se.samverkansvaven.export;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/** The app's version for export metadata: the build info, else the jar manifest, else "development". */
@Component
class AppVersion {

    private final String version;

    AppVersion(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String manifest = AppVersion.class.getPackage().getImplementationVersion();
        this.version = properties != null && properties.getVersion() != null ? properties.getVersion()
                : manifest != null ? manifest : "development";
    }

    String version() {
        return version;
    }
}
