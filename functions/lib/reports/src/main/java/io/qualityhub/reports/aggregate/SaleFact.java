package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.SaleRecording;
import io.qualityhub.core.format.SalesChannel;
import io.qualityhub.core.format.ProductLine;
import java.util.Objects;

/** A policy sold, with the disclosure steps the salesperson completed. */
public record SaleFact(SalesChannel channel, ProductLine productLine, boolean termsGiven, boolean riskNoticeGiven,
                       boolean customerSigned, boolean recordingPresent) implements Fact {

    public SaleFact {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(productLine, "productLine");
    }

    /** Every disclosure step done: terms given, risk notice given, customer read and signed. */
    public boolean disclosureComplete() {
        return termsGiven && riskNoticeGiven && customerSigned;
    }

    /** Whether the upload format requires a recording of this sale ({@link SaleRecording}). */
    public boolean recordingRequired() {
        return SaleRecording.required(channel, productLine);
    }
}
