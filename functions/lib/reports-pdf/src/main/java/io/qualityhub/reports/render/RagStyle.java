package io.qualityhub.reports.render;

import io.qualityhub.reports.indicator.RagStatus;
import io.qualityhub.reports.indicator.Trend;

import java.awt.Color;

/** Colours and bilingual labels of statuses and trends as printed. */
final class RagStyle {

    static final Color GREEN = new Color(0x2E, 0x7D, 0x32);
    static final Color AMBER = new Color(0xF9, 0xA8, 0x25);
    static final Color RED = new Color(0xC6, 0x28, 0x28);
    static final Color GREY = new Color(0x9E, 0x9E, 0x9E);

    private RagStyle() {
    }

    static Color colour(RagStatus status) {
        return switch (status) {
            case GREEN -> GREEN;
            case AMBER -> AMBER;
            case RED -> RED;
            case NOT_RATED, NO_DATA -> GREY;
        };
    }

    static Color labelColour(RagStatus status) {
        return status == RagStatus.AMBER ? PdfCanvas.TEXT : Color.WHITE;
    }

    static String label(RagStatus status) {
        return switch (status) {
            case GREEN -> "綠 Green";
            case AMBER -> "黃 Amber";
            case RED -> "紅 Red";
            case NOT_RATED -> "未評 n/r";
            case NO_DATA -> "無資料";
        };
    }

    static String label(Trend trend) {
        return switch (trend) {
            case IMPROVING -> "改善 better";
            case STEADY -> "持平 steady";
            case WORSENING -> "惡化 worse";
            case NO_PREVIOUS -> "—";
        };
    }
}
