package io.qualityhub.reports.render;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * Noto Sans TC Regular (SIL Open Font License 1.1), as TrueType with glyf outlines so PDFBox can
 * embed a subset holding only the glyphs a report uses. Headings are the same font stroked
 * ({@link Typeface}): Noto Sans TC Bold would add 7 MB to the report function (decision 0033).
 * The build brings the font from the npm registry into the jar, gzipped (see functions/lib/reports-pdf/pom.xml);
 * it is never committed. The licence travels beside the font as {@code OFL-NotoSansTC.txt}.
 */
final class CjkFonts {

    static final String REGULAR = "/io/qualityhub/reports/render/fonts/NotoSansTC-Regular.ttf.gz";

    private CjkFonts() {
    }

    /** The font embedded as a subset in {@code document}, and the character map to check glyphs. */
    record Loaded(PDType0Font font, CmapLookup characterMap) {

        /** True when the font has a glyph for this code point, so it can be drawn. */
        boolean canDraw(int codePoint) {
            return characterMap.getGlyphId(codePoint) > 0;
        }
    }

    static Loaded loadInto(PDDocument document) throws IOException {
        TrueTypeFont regular = parse(Bytes.REGULAR);
        return new Loaded(PDType0Font.load(document, regular, true), regular.getUnicodeCmapLookup());
    }

    private static TrueTypeFont parse(byte[] bytes) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }

    /** Read and unpacked once per process (about 7 MB); every document parses its own view of it. */
    private static final class Bytes {
        static final byte[] REGULAR = read(CjkFonts.REGULAR);

        private static byte[] read(String resource) {
            InputStream packed = CjkFonts.class.getResourceAsStream(resource);
            if (packed == null) {
                throw new IllegalStateException("font " + resource + " is missing from the package; build "
                        + "functions/lib/reports-pdf with Maven, which fetches it (npm must be on the PATH)");
            }
            try (packed; InputStream in = new GZIPInputStream(packed, 64 * 1024)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read font " + resource, e);
            }
        }
    }
}
