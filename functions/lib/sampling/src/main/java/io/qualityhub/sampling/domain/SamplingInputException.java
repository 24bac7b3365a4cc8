package io.qualityhub.sampling.domain;

/** The population handed to sampling cannot be sampled as it is; the message names the record and the fix. */
public class SamplingInputException extends RuntimeException {

    public SamplingInputException(String message) {
        super(message);
    }

    public SamplingInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
