package io.qualityhub.sampling.function;

/**
 * Where a sample's frozen population lies and the SHA-256 of its bytes as stored at the draw
 * ({@link FrozenPopulations#put}), as the sample's header records it. A type of its own so that reading samples
 * needs no part of the S3 store: the inspection-tasks function ships without S3 (decision 0019).
 */
public record FrozenPopulationReference(String key, String versionId, String sha256) {}
