package io.qualityhub.reports.aggregate;

/** What an inspector spot-checked, one per sampled population. */
public enum InspectionType {
    SALES_RECORDING("sales_recording", "Sales recordings", "銷售錄音錄影"),
    UNDERWRITING_FILE("underwriting_file", "Underwriting files", "核保檔案"),
    CLAIM_FILE("claim_file", "Claim files", "理賠檔案"),
    COMPLAINT("complaint", "Complaints", "投訴案件");

    private final String code;
    private final String nameEn;
    private final String nameZh;

    InspectionType(String code, String nameEn, String nameZh) {
        this.code = code;
        this.nameEn = nameEn;
        this.nameZh = nameZh;
    }

    public String code() {
        return code;
    }

    public String nameEn() {
        return nameEn;
    }

    public String nameZh() {
        return nameZh;
    }
}
