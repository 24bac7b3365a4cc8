package io.qualityhub.deadlines;

import io.qualityhub.core.format.WireNamed;
import java.util.List;

/**
 * The languages a recipient reads digests in, as the recipients directory's {@code languages} names them. Managers
 * read Traditional Chinese; the default puts English beside it for those who do not.
 */
public enum DigestLanguage implements WireNamed {
    ZH_HANT_AND_EN("zh-Hant+en", List.of(DigestWording.ZH_HANT, DigestWording.EN)),
    ZH_HANT("zh-Hant", List.of(DigestWording.ZH_HANT)),
    EN("en", List.of(DigestWording.EN));

    private final String wireName;
    private final List<DigestWording> wordings;

    DigestLanguage(String wireName, List<DigestWording> wordings) {
        this.wireName = wireName;
        this.wordings = wordings;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The wordings a digest is written in, first the one read first. */
    List<DigestWording> wordings() {
        return wordings;
    }

    public static DigestLanguage fromWire(String value) {
        return WireNamed.parse(DigestLanguage.class, "digest language", value);
    }
}
