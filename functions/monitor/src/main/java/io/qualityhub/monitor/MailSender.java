package io.qualityhub.monitor;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Hands a digest's MIME message to SES for one recipient. */
final class MailSender {

  private final SesV2Client ses;
  private final String sender;

  MailSender(SesV2Client ses, String sender) {
    this.ses = ses;
    this.sender = sender;
  }

  /** Returns once SES has accepted the message; throws {@link MessageNotAcceptedException} when it has not. */
  void send(String recipient, byte[] mime) {
    try {
      ses.sendEmail(request -> request
          .fromEmailAddress(sender)
          .destination(destination -> destination.toAddresses(recipient))
          .content(content -> content.raw(raw -> raw.data(SdkBytes.fromByteArray(mime)))));
    } catch (SdkException notAccepted) {
      throw new MessageNotAcceptedException("SES", notAccepted);
    }
  }
}
