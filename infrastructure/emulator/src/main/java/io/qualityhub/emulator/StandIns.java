package io.qualityhub.emulator;

import java.util.Locale;
import java.util.Map;

/**
 * Plausible names and ARNs for resources the bootstrap does not create (roles, functions, log
 * groups...), so that key policies, queue policies and function environments that mention them
 * still resolve. Nothing on the endpoint answers to these values.
 */
final class StandIns {

    /** The property that names a resource of each type, where the template may set it. */
    private static final Map<String, String> NAME_PROPERTIES = Map.ofEntries(
            Map.entry("AWS::IAM::Role", "RoleName"),
            Map.entry("AWS::IAM::ManagedPolicy", "ManagedPolicyName"),
            Map.entry("AWS::Serverless::Function", "FunctionName"),
            Map.entry("AWS::Lambda::Function", "FunctionName"),
            Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
            Map.entry("AWS::Events::Rule", "Name"),
            Map.entry("AWS::Scheduler::Schedule", "Name"),
            Map.entry("AWS::CloudWatch::Alarm", "AlarmName"),
            Map.entry("AWS::SSM::Parameter", "Name"),
            Map.entry("AWS::SES::ConfigurationSet", "Name"),
            Map.entry("AWS::StepFunctions::StateMachine", "StateMachineName"));

    private StandIns() {
    }

    static String nameProperty(String type) {
        return NAME_PROPERTIES.get(type);
    }

    static String attribute(String type, String name, String attribute, StackIdentity stack) {
        if (!attribute.equals("Arn")) {
            return name + "." + attribute;
        }
        return switch (type) {
            case "AWS::IAM::Role" -> "arn:" + StackIdentity.PARTITION + ":iam::" + stack.accountId() + ":role/" + name;
            case "AWS::IAM::ManagedPolicy" -> "arn:" + StackIdentity.PARTITION + ":iam::" + stack.accountId() + ":policy/" + name;
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> stack.arn("lambda", "function:" + name);
            case "AWS::Logs::LogGroup" -> stack.arn("logs", "log-group:" + name + ":*");
            case "AWS::Events::Rule" -> stack.arn("events", "rule/" + name);
            case "AWS::Scheduler::Schedule" -> stack.arn("scheduler", "schedule/default/" + name);
            case "AWS::CloudWatch::Alarm" -> stack.arn("cloudwatch", "alarm:" + name);
            case "AWS::StepFunctions::StateMachine" -> stack.arn("states", "stateMachine:" + name);
            default -> {
                String[] parts = type.split("::");
                String service = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "unknown";
                String kind = parts.length > 2 ? parts[2].toLowerCase(Locale.ROOT) : "resource";
                yield stack.arn(service, kind + "/" + name);
            }
        };
    }
}
