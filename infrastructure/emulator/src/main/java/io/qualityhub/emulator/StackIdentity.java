package io.qualityhub.emulator;

import java.util.Locale;

/** What the pseudo parameters (AWS::StackName, AWS::Region, AWS::AccountId...) stand for locally. */
record StackIdentity(String stackName, String region, String accountId) {

    /** moto's default account. */
    static final String MOTO_ACCOUNT_ID = "123456789012";
    static final String PARTITION = "aws";
    static final String URL_SUFFIX = "amazonaws.com";

    String stackId() {
        // Fixed rather than random so that two runs resolve every string the same way.
        return "arn:" + PARTITION + ":cloudformation:" + region + ":" + accountId + ":stack/" + stackName
                + "/00000000-0000-0000-0000-000000000000";
    }

    /** The name CloudFormation would generate, minus its random suffix, so that names stay stable between runs. */
    String generatedName(String logicalId, int maxLength) {
        String name = stackName + "-" + logicalId;
        return name.length() <= maxLength ? name : name.substring(0, maxLength);
    }

    /** A generated S3 bucket name: lower case letters, digits and hyphens only. */
    String generatedBucketName(String logicalId) {
        String name = (stackName + "-" + logicalId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        name = name.length() <= 63 ? name : name.substring(0, 63);
        return name.replaceAll("^-+|-+$", "");
    }

    String arn(String service, String resource) {
        return "arn:" + PARTITION + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}
