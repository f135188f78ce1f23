package org.olistdw.runner;

import picocli.CommandLine;

/** Reports the version from the jar manifest, with the Java runtime. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = OlistCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "olist " + (version == null ? "development build" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
