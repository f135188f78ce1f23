package org.olistdw.pipeline.source;

/**
 * A source file that breaks its contract so badly that the run cannot go on: missing, unreadable, not
 * UTF-8, or with the wrong header. The message is one line that names the file and what is wrong.
 */
public final class SourceFileProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SourceFileProblem(String message) {
        super(message);
    }

    public SourceFileProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
