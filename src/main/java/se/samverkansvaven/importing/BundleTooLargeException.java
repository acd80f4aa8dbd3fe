package se.samverkansvaven.importing;

import java.util.List;

/** A zipped bundle over a size limit (InputLimits: entries or unzipped bytes): 413, nothing was written. */
public class BundleTooLargeException extends BundleRejectedException {

    BundleTooLargeException(String file, String message) {
        super(List.of(new BundleError(file, 0, null, message)));
    }
}
