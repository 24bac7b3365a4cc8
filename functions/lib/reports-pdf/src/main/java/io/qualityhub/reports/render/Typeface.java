package io.qualityhub.reports.render;

import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The report's one font as drawn: filled for text, or filled and stroked for titles and headings. Stroking the
 * outline thickens every stem by the stroke's width, so headings read bold without shipping Noto Sans TC Bold,
 * a second 7 MB font (decision 0033).
 */
record Typeface(PDFont font, boolean bold) {

    /**
     * The stroke's width as a share of the font size. Noto Sans TC's stems are about 0.08 em in Regular and 0.14 em
     * in Bold; 0.04 em of stroke gives a medium-bold that stays legible at 9 points.
     */
    static final float BOLD_STROKE_PER_POINT = 0.04f;
}
