package io.qualityhub.deadlines;

import io.qualityhub.core.format.ComplaintSeverity;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ProductLine;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every word a deadline digest prints, in each language it is written in: one table, so a label is changed in one
 * place and both languages say the same thing. Values (ids, assignees) are never translated.
 */
enum DigestWording {

    ZH_HANT {
        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
        /** The calculator's category words, keyed by the format's wire names: a value added to a set must be worded. */
        private static final Map<String, String> CATEGORY_WORDS = categoryWords();

        private static Map<String, String> categoryWords() {
            Map<String, String> words = new HashMap<>();
            for (ProductLine line : ProductLine.values()) {
                words.put(line.wireName(), switch (line) {
                    case LIFE -> "壽險";
                    case HEALTH -> "健康險";
                    case ACCIDENT -> "傷害險";
                    case PROPERTY -> "財產險";
                    case AUTO -> "汽車險";
                });
            }
            for (Complexity complexity : Complexity.values()) {
                words.put(complexity.wireName(), switch (complexity) {
                    case SIMPLE -> "簡易案件";
                    case COMPLEX -> "複雜案件";
                });
            }
            for (ComplaintSeverity severity : ComplaintSeverity.values()) {
                words.put(severity.wireName(), switch (severity) {
                    case GENERAL -> "一般";
                    case MAJOR -> "重大";
                });
            }
            words.put(DeadlineCalculator.GREEN_CHANNEL, "綠色通道");
            return Map.copyOf(words);
        }

        @Override String subject(LocalDate day, String counts) {
            return "QualityHub 期限提醒 " + date(day) + "：" + counts;
        }

        @Override String heading(String recipient) {
            return "QualityHub 期限提醒：" + recipient;
        }

        @Override String runLine(LocalDateTime run, ZoneId zone, int alerts, String counts) {
            return "執行時間 " + date(run.toLocalDate()) + " " + TIME.format(run) + "（" + zone.getId() + "），共 "
                    + alerts + " 件提醒：" + counts + "。";
        }

        @Override String note() {
            return "每件案件於每個等級只提醒一次；編號依分公司上傳原樣列出。";
        }

        @Override String level(AlertLevel level) {
            return switch (level) {
                case APPROACHING -> "即將到期";
                case DUE -> "到期";
                case OVERDUE -> "逾期";
                case SEVERELY_OVERDUE -> "嚴重逾期";
            };
        }

        @Override String levelCount(AlertLevel level, int count) {
            return level(level) + " " + count + " 件";
        }

        @Override String countSeparator() {
            return "、";
        }

        @Override String levelLine(AlertLevel level, int count) {
            return level(level) + "：" + count + " 件";
        }

        @Override String branchLine(String branch, BranchDirectory names, int count) {
            return branch(branch, names) + "：" + count + " 件";
        }

        @Override String branch(String branch, BranchDirectory names) {
            return names.nameOf(branch).map(name -> branch + " " + name.zh()).orElse("分公司 " + branch);
        }

        @Override String itemType(ItemType type) {
            return switch (type) {
                case CLAIM -> "理賠";
                case COMPLAINT -> "申訴";
                case ACTION -> "整改措施";
                case UPLOAD -> "上傳檔案";
            };
        }

        @Override String clock(DeadlineClockName clock) {
            String name = switch (clock) {
                case DOCUMENTS -> "理賠文件齊備";
                case DECISION -> "理賠核定";
                case DENIAL_NOTICE -> "拒賠通知";
                case PAYMENT -> "理賠給付";
                case ADVANCE_PAYMENT -> "先行給付";
                case FIRST_RESPONSE -> "申訴首次回覆";
                case RESOLUTION -> "申訴處理完成";
                case ACTION -> "整改期限";
                case UPLOAD -> "上傳截止";
                case EFFECTIVENESS_CHECK -> "整改成效複查";
            };
            return name + "（" + clock.policyId() + "）";
        }

        /** Category words of the calculator ("health, simple", "inspection INS-8", "claims file") in Chinese. */
        @Override String category(String category) {
            if (category.startsWith("inspection ")) {
                return "抽查 " + category.substring("inspection ".length());
            }
            if (category.endsWith(" file")) {
                return category.substring(0, category.length() - " file".length()) + " 檔案";
            }
            return Arrays.stream(category.split(", "))
                    .map(word -> CATEGORY_WORDS.getOrDefault(word, word))
                    .collect(Collectors.joining("、"));
        }

        @Override String dueByEndOf(LocalDate day) {
            return "期限 " + date(day) + "當日結束";
        }

        @Override String dueAt(LocalDateTime due) {
            return "期限 " + date(due.toLocalDate()) + " " + TIME.format(due);
        }

        @Override String used(long used, DeadlineLimit limit, long late) {
            return "時限 " + amount(limit.amount(), limit.unit()) + "，已用 " + amount(used, limit.unit())
                    + (late > 0 ? "，已逾 " + amount(late, limit.unit()) : "");
        }

        private String amount(long count, LimitUnit unit) {
            return count + switch (unit) {
                case CALENDAR_DAYS -> " 個日曆日";
                case BUSINESS_DAYS -> " 個營業日";
                case HOURS -> " 小時";
            };
        }

        @Override String assignee(ItemType type, String assignee) {
            if (assignee == null) {
                return "未指派";
            }
            return switch (type) {
                case CLAIM -> "承辦人 ";
                case COMPLAINT -> "處理人員 ";
                case ACTION -> "負責人 ";
                case UPLOAD -> "上傳人員 ";
            } + assignee;
        }

        @Override List<String> columns() {
            return List.of("類別", "編號", "時限", "險種/類型", "期限", "已用時間", "負責人");
        }

        @Override String date(LocalDate day) {
            return DAY.format(day);
        }

        @Override String languageTag() {
            return "zh-Hant";
        }
    },

    EN {
        @Override String subject(LocalDate day, String counts) {
            return "QualityHub deadlines " + date(day) + ": " + counts;
        }

        @Override String heading(String recipient) {
            return "QualityHub deadline digest for " + recipient;
        }

        @Override String runLine(LocalDateTime run, ZoneId zone, int alerts, String counts) {
            return "Run " + date(run.toLocalDate()) + " " + TIME.format(run) + " (" + zone.getId() + "), " + alerts
                    + (alerts == 1 ? " alert: " : " alerts: ") + counts + ".";
        }

        @Override String note() {
            return "Each item is reported once per level; ids are as the branch sent them.";
        }

        @Override String level(AlertLevel level) {
            return level.wireName().replace('_', ' ');
        }

        @Override String levelCount(AlertLevel level, int count) {
            return count + " " + level(level);
        }

        @Override String countSeparator() {
            return ", ";
        }

        @Override String levelLine(AlertLevel level, int count) {
            return level(level).toUpperCase(Locale.ROOT) + ": " + count;
        }

        @Override String branchLine(String branch, BranchDirectory names, int count) {
            return branch(branch, names) + ": " + count;
        }

        @Override String branch(String branch, BranchDirectory names) {
            return names.nameOf(branch).map(name -> branch + " " + name.en()).orElse("Branch " + branch);
        }

        @Override String itemType(ItemType type) {
            return type.wireName();
        }

        @Override String clock(DeadlineClockName clock) {
            return clock.policyId();
        }

        @Override String category(String category) {
            return category;
        }

        @Override String dueByEndOf(LocalDate day) {
            return "due by end of " + date(day);
        }

        @Override String dueAt(LocalDateTime due) {
            return "due " + date(due.toLocalDate()) + " " + TIME.format(due);
        }

        /** "2 calendar days used of 1 allowed, 1 calendar day late": each count with its own singular or plural. */
        @Override String used(long used, DeadlineLimit limit, long late) {
            return amount(used, limit.unit()) + " used of " + limit.amount() + " allowed"
                    + (late > 0 ? ", " + amount(late, limit.unit()) + " late" : "");
        }

        private String amount(long count, LimitUnit unit) {
            String plural = switch (unit) {
                case CALENDAR_DAYS -> "calendar days";
                case BUSINESS_DAYS -> "business days";
                case HOURS -> "hours";
            };
            return count + " " + (count == 1 ? plural.substring(0, plural.length() - 1) : plural);
        }

        @Override String assignee(ItemType type, String assignee) {
            if (assignee == null) {
                return "unassigned";
            }
            return switch (type) {
                case CLAIM -> "handler ";
                case COMPLAINT -> "staff ";
                case ACTION -> "owner ";
                case UPLOAD -> "uploader ";
            } + assignee;
        }

        @Override List<String> columns() {
            return List.of("Item", "Id", "Clock", "Product / kind", "Due", "Used", "Assignee");
        }

        @Override String date(LocalDate day) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(day);
        }

        @Override String languageTag() {
            return "en";
        }
    };

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    abstract String subject(LocalDate day, String counts);

    abstract String heading(String recipient);

    abstract String runLine(LocalDateTime run, ZoneId zone, int alerts, String counts);

    abstract String note();

    abstract String level(AlertLevel level);

    /** "嚴重逾期 1 件" or "1 severely overdue", for the subject and the run line. */
    abstract String levelCount(AlertLevel level, int count);

    abstract String countSeparator();

    /** The heading of a level's section in the text body. */
    abstract String levelLine(AlertLevel level, int count);

    abstract String branchLine(String branch, BranchDirectory names, int count);

    /** The branch's code with its name when the directory has one, e.g. "TPE-01 台北一分公司". */
    abstract String branch(String branch, BranchDirectory names);

    abstract String itemType(ItemType type);

    abstract String clock(DeadlineClockName clock);

    abstract String category(String category);

    abstract String dueByEndOf(LocalDate day);

    abstract String dueAt(LocalDateTime due);

    abstract String used(long used, DeadlineLimit limit, long late);

    abstract String assignee(ItemType type, String assignee);

    /** The HTML table's column headings, in the order of the line's cells. */
    abstract List<String> columns();

    abstract String date(LocalDate day);

    /** The BCP 47 tag of the language, for the HTML body's {@code lang}. */
    abstract String languageTag();
}
