package io.qualityhub.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One small file per record type whose sensitive columns hold recognisable planted values: a good
 * row, and a bad row (a broken date) that intake must reject without echoing anything of it.
 */
final class PlantedFiles {

  static final String MARK = "PLANTED";

  private PlantedFiles() {}

  /** File name -> CSV content, for branch PLT-01 (findings: QA). */
  static Map<String, String> csvByType() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("sales", csv(
        "record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,product_code,product_line,channel,premium,currency,"
            + "customer_name,customer_id_no,customer_phone,terms_given,risk_notice_given,customer_signed,recording_id",
        "S-1,P-1,2026-11-20T10:00:00+08:00,E-1,2025-01-01,AUT-1,auto,agent,1200.00,TWD,PLANTED-sales-name,PLANTED-sales-idno,PLANTED-sales-phone,Y,Y,Y,",
        "S-2,P-2,2026-13-20T10:00:00+08:00,E-1,2025-01-01,AUT-1,auto,agent,1200.00,TWD,PLANTED-sales-name2,PLANTED-sales-idno2,PLANTED-sales-phone2,Y,Y,Y,"));
    files.put("underwriting", csv(
        "record_id,application_id,underwriter_id,product_code,product_line,received_at,decision,risk_level,medical_exam,"
            + "standard_exception,customer_name,customer_id_no,occupation,health_notes",
        "U-1,A-1,UW-1,HLT-1,health,2026-11-20T10:00:00+08:00,accept,low,N,N,PLANTED-uw-name,PLANTED-uw-idno,PLANTED-uw-occupation,PLANTED-uw-health",
        "U-2,A-2,UW-1,HLT-1,health,not-a-time,accept,low,N,N,PLANTED-uw-name2,PLANTED-uw-idno2,PLANTED-uw-occupation2,PLANTED-uw-health2"));
    files.put("followups", csv(
        "record_id,policy_id,visited_on,visitor_id,outcome,issue_notes",
        "F-1,P-1,2026-11-20,V-1,issue_raised,PLANTED-followup-notes",
        "F-2,P-1,2026-11-40,V-1,issue_raised,PLANTED-followup-notes2"));
    files.put("claims", csv(
        "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,amount_claimed,currency,"
            + "handler_id,updated_at,customer_name,customer_id_no,customer_phone,diagnosis",
        "C-1,P-1,HLT-1,health,simple,N,reported,2026-11-20T10:00:00+08:00,5000,TWD,H-1,2026-11-20T11:00:00+08:00,"
            + "PLANTED-claim-name,PLANTED-claim-idno,PLANTED-claim-phone,PLANTED-claim-diagnosis",
        "C-2,P-1,HLT-1,health,simple,N,reported,yesterday,5000,TWD,H-1,2026-11-20T11:00:00+08:00,"
            + "PLANTED-claim-name2,PLANTED-claim-idno2,PLANTED-claim-phone2,PLANTED-claim-diagnosis2"));
    files.put("complaints", csv(
        "complaint_id,received_at,channel,category,severity,status,updated_at,customer_name,customer_phone,description",
        "K-1,2026-11-20T10:00:00+08:00,phone,billing,general,open,2026-11-20T10:00:00+08:00,PLANTED-complaint-name,PLANTED-complaint-phone,PLANTED-complaint-description",
        "K-2,2026-11-20T10:00:00+08:00,fax,billing,general,open,2026-11-20T10:00:00+08:00,PLANTED-complaint-name2,PLANTED-complaint-phone2,PLANTED-complaint-description2"));
    files.put("surveys", csv(
        "survey_id,surveyed_on,overall_score,comment",
        "V-1,2026-11-20,4,PLANTED-survey-comment",
        "V-2,2026-11-20,7,PLANTED-survey-comment2"));
    return files;
  }

  private static String csv(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
