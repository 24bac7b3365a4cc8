package io.qualityhub.local.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Fictitious but realistic Taiwanese values: names, national ID numbers, phones, Traditional Chinese free
 * text, and timestamps in Taiwan time. Some texts hold commas, quotes and line breaks on purpose, so that
 * CSV quoting and line counting are exercised.
 */
final class Fakes {

    static final ZoneOffset TAIWAN = ZoneOffset.ofHours(8);
    static final long HOUR = 3_600L;
    static final long DAY = 86_400L;

    private static final String[] SURNAMES = {"陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭",
        "謝", "洪", "郭", "邱", "曾", "廖", "賴", "徐", "周", "葉", "蘇", "莊", "呂", "江", "何", "蕭", "羅", "高", "潘",
        "簡", "朱", "鍾", "彭", "游", "詹", "胡", "施", "沈"};
    private static final String[] GIVEN_NAMES = {"美玲", "志明", "淑芬", "家豪", "雅婷", "建宏", "宗翰", "文彬", "怡君",
        "俊傑", "雅雯", "家瑜", "明哲", "俊賢", "淑惠", "志偉", "雅琪", "國榮", "美君", "振宇", "怡婷", "建志", "佳穎",
        "宗憲", "淑娟", "冠宇", "秀蘭", "柏翰", "佩珊", "文傑", "心怡", "志豪", "麗華", "家銘", "金水", "秀英"};
    private static final String ID_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String[] OCCUPATIONS = {"國小教師", "會計師", "工程師", "護理師", "貨運司機", "外送員", "餐廳主廚",
        "公務員", "家管", "計程車司機", "營造工地主任", "美髮師", "退休", "銀行行員", "漁船船員", "大學生", "農夫", "醫師"};
    private static final String[] DIAGNOSES = {"急性腸胃炎住院三日", "右手腕遠端橈骨骨折", "乳癌第二期,住院化療",
        "急性心肌梗塞", "白內障手術", "機車事故,左小腿擦挫傷", "腦中風,加護病房", "頸部挫傷\n門診兩次", "痔瘡手術",
        "肺腺癌標靶治療", "左腳踝扭傷", "車禍身故,警方筆錄待補"};
    private static final String[] HEALTH_NOTES = {"高血壓病史五年，規律服藥", "糖尿病合併腎病變", "BMI 34，睡眠呼吸中止症",
        "甲狀腺結節,穿刺結果良性\n追蹤中", "B型肝炎帶原", "氣喘", "腰椎椎間盤突出,曾手術"};
    private static final String[] FOLLOWUP_NOTES = {"客戶表示業務員未說明解約費用,要求書面說明",
        "客戶不清楚等待期,已重新說明並寄送條款", "地址變更未生效,客戶說：\"上個月就申請了\"",
        "年長客戶不了解保單價值準備金\n建議家屬陪同再訪", "要求取消附約，已轉保全部門", "受益人資料有誤"};
    private static final String[] COMPLAINT_CATEGORIES = {"理賠延遲", "理賠金額", "保費扣款", "銷售爭議", "服務態度",
        "契約變更", "網路投保", "保單貸款", "繳費通知"};
    private static final String[] COMPLAINT_TEXTS = {"信用卡重複扣款兩次", "身故理賠申請近兩個月仍未結案,家屬要求說明進度",
        "客戶來電表示:\n\"住院七天卻只賠三天\",要求書面說明", "業務員以「保本、穩賺」話術銷售投資型保單",
        "付款後未收到電子保單", "受益人變更申請未處理", "櫃台人員態度不佳", "保單借款利率與網站公告不一致"};
    private static final String[] SURVEY_COMMENTS = {"業務員說明清楚", "解約費用沒講清楚,很失望", "理賠很快,謝謝",
        "客服說\"會處理\",結果等了三天", "定損速度慢,但金額合理", "銀行理專很專業", "回覆慢，但有解決"};
    private static final String[] VIOLATION_TYPES = {"未提供重要事項告知書", "招攬未具登錄資格", "理賠文件未依規定保存",
        "未依核保手冊要求體檢", "洩漏客戶資料予第三人,違反個資法", "代客戶簽名", "電銷錄音未完整保存", "誇大保單收益"};
    private static final String[] FINDINGS = {"電銷錄音未完整告知\"等待期\"", "要保書筆跡不符,疑似代簽", "理賠文件未掃描歸檔",
        "核保例外未附主管核准", "新人未完成教育訓練即招攬", "客訴回覆逾期"};
    private static final String[] CORRECTIVE_ACTIONS = {"補錄並重新告知客戶", "撤銷契約並懲處", "補掃描歸檔", "補簽核准",
        "停止招攬並完成訓練", "建立逾期提醒"};
    private static final String[] EXCEPTION_REASONS = {"高空作業職業等級六級，經主管核准加費承保", "既往症除外,轉醫務顧問",
        "體檢BMI超出標準體位,加費承保"};
    private static final String LONG_LETTER_LINE =
            "The claim has been delayed again, the branch asked for the same hospital records three times. ";

    private final SplittableRandom random;
    private final String idLetters;

    Fakes(SplittableRandom random, String branch) {
        this.random = random;
        this.idLetters = idLettersOf(branch);
    }

    /** National ID numbers start with the letter of the place of first registration. */
    private static String idLettersOf(String branch) {
        if (branch.startsWith("TPE")) {
            return "AF";
        }
        if (branch.startsWith("KHH")) {
            return "ES";
        }
        if (branch.startsWith("TXG")) {
            return "BL";
        }
        return ID_LETTERS;
    }

    SplittableRandom random() {
        return random;
    }

    int between(int fromInclusive, int toInclusive) {
        return random.nextInt(fromInclusive, toInclusive + 1);
    }

    long between(long fromInclusive, long toInclusive) {
        return random.nextLong(fromInclusive, toInclusive + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    String name() {
        return pick(SURNAMES) + pick(GIVEN_NAMES);
    }

    String idNumber() {
        return idLetters.charAt(random.nextInt(idLetters.length())) + String.valueOf(between(1, 2))
                + String.format("%08d", random.nextInt(100_000_000));
    }

    String mobile() {
        return String.format("09%02d-%03d-%03d", random.nextInt(100), random.nextInt(1000), random.nextInt(1000));
    }

    String occupation() {
        return pick(OCCUPATIONS);
    }

    String diagnosis() {
        return pick(DIAGNOSES);
    }

    String healthNotes() {
        return pick(HEALTH_NOTES);
    }

    String followupNotes() {
        return pick(FOLLOWUP_NOTES);
    }

    String complaintCategory() {
        return pick(COMPLAINT_CATEGORIES);
    }

    String complaintText() {
        return pick(COMPLAINT_TEXTS);
    }

    String surveyComment() {
        return pick(SURVEY_COMMENTS);
    }

    String violationType() {
        return pick(VIOLATION_TYPES);
    }

    String finding() {
        return pick(FINDINGS);
    }

    String correctiveAction() {
        return pick(CORRECTIVE_ACTIONS);
    }

    String exceptionReason() {
        return pick(EXCEPTION_REASONS);
    }

    /** An amount with at most two decimals; sometimes a JSON string rather than a number, as the format allows. */
    Object amount(long minWhole, long maxWhole) {
        BigDecimal value = random.nextInt(4) == 0
                ? BigDecimal.valueOf(between(minWhole * 100, maxWhole * 100), 2)
                : BigDecimal.valueOf(between(minWhole, maxWhole));
        return random.nextInt(5) == 0 ? value.toPlainString() : value;
    }

    /** Plain ASCII, so that its size in characters and in UTF-8 bytes agree: clearly over 64 KiB either way. */
    static String textLongerThan64KiB() {
        return LONG_LETTER_LINE.repeat(66_000 / LONG_LETTER_LINE.length() + 1);
    }

    static long startOfDay(LocalDate date) {
        return date.toEpochSecond(LocalTime.MIDNIGHT, TAIWAN);
    }

    /** {@code 2026-11-23T09:30:00+08:00}. */
    static String timestamp(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, TAIWAN);
        StringBuilder text = new StringBuilder(25);
        text.append(t.getYear()).append('-');
        twoDigits(text, t.getMonthValue()).append('-');
        twoDigits(text, t.getDayOfMonth()).append('T');
        twoDigits(text, t.getHour()).append(':');
        twoDigits(text, t.getMinute()).append(':');
        twoDigits(text, t.getSecond()).append("+08:00");
        return text.toString();
    }

    static LocalDate dateOf(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, TAIWAN).toLocalDate();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        if (value < 10) {
            text.append('0');
        }
        return text.append(value);
    }
}
