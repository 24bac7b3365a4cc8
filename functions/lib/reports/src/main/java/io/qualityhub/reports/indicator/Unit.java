package io.qualityhub.reports.indicator;

/** How an indicator's value reads, with its English and Chinese suffixes. */
public enum Unit {
    PERCENT("%", "%"),
    DAYS("days", "天"),
    COUNT("", "件"),
    PER_10K_POLICIES("per 10,000 policies", "每萬件保單"),
    SCORE("/ 5", "/ 5");

    private final String suffixEn;
    private final String suffixZh;

    Unit(String suffixEn, String suffixZh) {
        this.suffixEn = suffixEn;
        this.suffixZh = suffixZh;
    }

    public String suffixEn() {
        return suffixEn;
    }

    public String suffixZh() {
        return suffixZh;
    }
}
