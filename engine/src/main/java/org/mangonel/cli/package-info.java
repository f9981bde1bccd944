/**
 * The command line: picocli commands, option overrides and exit codes. Nothing here touches
 * sockets, YAML nodes or histograms; it parses options, calls the other packages and maps
 * outcomes to the public exit codes ({@link org.mangonel.cli.ExitCodes}).
 */
package org.mangonel.cli;
