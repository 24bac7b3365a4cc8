package io.qualityhub.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Orders resources so that each comes after the resources it refers to, as CloudFormation does. */
final class DependencyOrder {

    private DependencyOrder() {
    }

    /** The given resources of the template, each after those it refers to (template order otherwise). */
    static List<String> of(Template template, Set<String> logicalIds) {
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        for (String logicalId : template.resources().keySet()) {
            if (logicalIds.contains(logicalId)) {
                Set<String> references = references(template.resources().get(logicalId));
                references.addAll(loggingTargetPolicies(template, logicalId));
                references.retainAll(logicalIds);
                references.remove(logicalId);
                dependencies.put(logicalId, references);
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (ordered.size() < dependencies.size()) {
            String ready = dependencies.entrySet().stream()
                    .filter(entry -> !done.contains(entry.getKey()) && done.containsAll(entry.getValue()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> new TemplateException("Resources refer to each other in a cycle: "
                            + remaining(dependencies, done) + ". CloudFormation would refuse this template too."));
            ordered.add(ready);
            done.add(ready);
        }
        return ordered;
    }

    /** Every logical id a resource names through Ref, Fn::GetAtt, Fn::Sub or DependsOn. */
    static Set<String> references(Template.Resource resource) {
        Set<String> names = new LinkedHashSet<>();
        collect(resource.properties(), names);
        for (JsonNode dependsOn : Json.list(resource.definition().get("DependsOn"))) {
            names.add(dependsOn.asText());
        }
        return names;
    }

    static void collect(JsonNode node, Set<String> names) {
        if (node.isObject() && node.size() == 1) {
            Map.Entry<String, JsonNode> only = node.properties().iterator().next();
            JsonNode argument = only.getValue();
            switch (only.getKey()) {
                case "Ref" -> names.add(argument.asText());
                case "Fn::GetAtt" -> names.add(argument.isArray() ? argument.path(0).asText() : beforeDot(argument.asText()));
                case "Fn::Sub" -> subReferences(argument.isArray() ? argument.path(0).asText() : argument.asText(),
                        argument.isArray() ? argument.path(1) : null, names);
                default -> { }
            }
        }
        for (JsonNode child : node) {
            collect(child, names);
        }
    }

    /**
     * moto, like S3, refuses a logging target bucket whose policy does not yet let the logging
     * service write, so a bucket logging into another waits for that bucket's policies.
     */
    private static Set<String> loggingTargetPolicies(Template template, String logicalId) {
        Template.Resource resource = template.resources().get(logicalId);
        Set<String> policies = new LinkedHashSet<>();
        if (!resource.type().equals(S3Provisioner.BUCKET) || !resource.properties().has("LoggingConfiguration")) {
            return policies;
        }
        Set<String> targets = new LinkedHashSet<>();
        collect(resource.properties().get("LoggingConfiguration"), targets);
        for (Template.Resource candidate : template.resources().values()) {
            if (candidate.type().equals(S3Provisioner.BUCKET_POLICY)) {
                Set<String> bucket = new LinkedHashSet<>();
                collect(candidate.properties().path("Bucket"), bucket);
                if (targets.stream().anyMatch(bucket::contains)) {
                    policies.add(candidate.logicalId());
                }
            }
        }
        return policies;
    }

    private static void subReferences(String pattern, JsonNode variables, Set<String> names) {
        int position = 0;
        while (true) {
            int start = pattern.indexOf("${", position);
            int end = start < 0 ? -1 : pattern.indexOf('}', start);
            if (end < 0) {
                return;
            }
            String name = pattern.substring(start + 2, end).strip();
            boolean variable = variables != null && variables.has(name);
            if (!name.startsWith("!") && !variable) {
                names.add(beforeDot(name));
            }
            position = end + 1;
        }
    }

    private static String beforeDot(String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String remaining(Map<String, Set<String>> dependencies, Set<String> done) {
        StringBuilder out = new StringBuilder();
        dependencies.forEach((id, needs) -> {
            if (!done.contains(id)) {
                out.append(out.isEmpty() ? "" : "; ").append(id).append(" needs ").append(needs);
            }
        });
        return out.toString();
    }
}
