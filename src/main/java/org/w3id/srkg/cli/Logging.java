package org.w3id.srkg.cli;

/**
 * Switches slf4j-simple to detailed output. slf4j-simple reads its settings once, when the first logger
 * is made, and system properties win over simplelogger.properties; so this must run before any Jena class
 * logs, which is why the CLI calls it right after parsing the command line.
 */
final class Logging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    static void verbose() {
        System.setProperty(PREFIX + "defaultLogLevel", "info");
        System.setProperty(PREFIX + "log.org.w3id.srkg", "debug");
        System.setProperty(PREFIX + "log.org.apache.jena.fuseki.Fuseki", "info");
        System.setProperty(PREFIX + "log.org.apache.jena.fuseki.Request", "info");
        System.setProperty(PREFIX + "log.org.eclipse.jetty", "info");
        System.setProperty(PREFIX + "showLogName", "true");
    }
}
