package io.qualityhub.reports.render;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A4 pages written top to bottom: a cursor that moves down, page breaks when space runs out, and
 * text that wraps (between words for Latin text, between characters for Chinese).
 */
final class PdfCanvas implements AutoCloseable {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 48;
    static final float FOOTER = 28;
    static final Color TEXT = new Color(0x21, 0x21, 0x21);
    static final Color MUTED = new Color(0x61, 0x61, 0x61);
    static final Color RULE = new Color(0xBD, 0xBD, 0xBD);

    private final PDDocument document;
    private final CjkFonts.Loaded fonts;
    private PDPageContentStream stream;
    private float y;

    PdfCanvas(PDDocument document, CjkFonts.Loaded fonts) {
        this.document = document;
        this.fonts = fonts;
    }

    Typeface regular() {
        return new Typeface(fonts.font(), false);
    }

    Typeface bold() {
        return new Typeface(fonts.font(), true);
    }

    PDPageContentStream stream() {
        return stream;
    }

    float y() {
        return y;
    }

    void moveDown(float amount) {
        y -= amount;
    }

    static float left() {
        return MARGIN;
    }

    static float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /** Starts a new page unless {@code height} still fits above the footer. */
    void ensureSpace(float height) throws IOException {
        if (stream == null || y - height < MARGIN + FOOTER) {
            newPage();
        }
    }

    /** Replaces characters the font cannot draw, so one odd character never fails a report. */
    String drawable(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                safe.append(' ');
            } else if (fonts.canDraw(cp)) {
                safe.appendCodePoint(cp);
            } else {
                safe.append('?');
            }
        });
        return safe.toString();
    }

    float textWidth(String text, Typeface face, float size) throws IOException {
        return face.font().getStringWidth(drawable(text)) / 1000f * size;
    }

    /** The text cut to {@code maxWidth}, ending in an ellipsis when cut, so a table cell never runs into the next. */
    String fitted(String text, Typeface face, float size, float maxWidth) throws IOException {
        String drawn = drawable(text);
        if (textWidth(drawn, face, size) <= maxWidth) {
            return drawn;
        }
        int end = drawn.length();
        while (end > 0 && textWidth(drawn.substring(0, end) + "…", face, size) > maxWidth) {
            end = drawn.offsetByCodePoints(end, -1);
        }
        return drawn.substring(0, end) + "…";
    }

    void text(float x, float baseline, String text, Typeface face, float size, Color color) throws IOException {
        // The bold stroke's width, colour and rendering mode live in the graphics state: restored after the text.
        stream.saveGraphicsState();
        stream.beginText();
        stream.setFont(face.font(), size);
        stream.setNonStrokingColor(color);
        if (face.bold()) {
            stream.setStrokingColor(color);
            stream.setLineWidth(size * Typeface.BOLD_STROKE_PER_POINT);
            stream.setRenderingMode(RenderingMode.FILL_STROKE);
        }
        stream.newLineAtOffset(x, baseline);
        stream.showText(drawable(text));
        stream.endText();
        stream.restoreGraphicsState();
    }

    /** Wrapped text at the cursor, breaking pages as needed; the cursor ends below it. */
    void paragraph(String text, Typeface face, float size, Color color, float indent) throws IOException {
        float leading = size * 1.45f;
        for (String line : wrap(text, face, size, width() - indent)) {
            ensureSpace(leading);
            y -= leading;
            text(left() + indent, y + size * 0.3f, line, face, size, color);
        }
    }

    List<String> wrap(String text, Typeface face, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : tokens(drawable(text))) {
            for (String token : pieces(word, face, size, maxWidth)) {
                String candidate = line + token;
                if (line.length() > 0 && textWidth(candidate.stripTrailing(), face, size) > maxWidth) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    if (token.isBlank()) {
                        continue;
                    }
                }
                line.append(token);
            }
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** A word wider than a line (a long record id) broken between characters, so no line runs off the page. */
    private List<String> pieces(String word, Typeface face, float size, float maxWidth) throws IOException {
        if (textWidth(word.stripTrailing(), face, size) <= maxWidth) {
            return List.of(word);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < word.length(); ) {
            String character = new String(Character.toChars(word.codePointAt(i)));
            if (piece.length() > 0 && textWidth(piece + character, face, size) > maxWidth) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.append(character);
            i += character.length();
        }
        if (piece.length() > 0) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    /** Latin words (with their trailing space) stay whole; each CJK character is its own token. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (isWide(cp)) {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                tokens.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
                if (cp == ' ') {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
            }
        });
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    private static boolean isWide(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || (codePoint >= 0x3000 && codePoint <= 0x303F)
                || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);
    }

    void fillRect(float x, float bottom, float w, float h, Color color) throws IOException {
        stream.setNonStrokingColor(color);
        stream.addRect(x, bottom, w, h);
        stream.fill();
    }

    void line(float x1, float y1, float x2, float y2, float lineWidth, Color color, boolean dashed) throws IOException {
        stream.setStrokingColor(color);
        stream.setLineWidth(lineWidth);
        stream.setLineDashPattern(dashed ? new float[] {3, 2} : new float[0], 0);
        stream.moveTo(x1, y1);
        stream.lineTo(x2, y2);
        stream.stroke();
        stream.setLineDashPattern(new float[0], 0);
    }

    void rule() throws IOException {
        line(left(), y, left() + width(), y, 0.5f, RULE, false);
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
