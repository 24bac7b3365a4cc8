"""Turns a SAM or CloudFormation template into the CloudFormation JSON that cfn-guard checks.

Usage: python3 translate.py TEMPLATE.yaml OUTPUT.json [TEMPLATE.yaml OUTPUT.json ...]

Several pairs are translated in one run: importing samtranslator costs more than a translation.

- SAM templates (Transform: AWS::Serverless-2016-10-31) are expanded with the samtranslator
  package that cfn-lint installs, so guard rules see the resources CloudFormation will create
  (the Lambda function, its event source mapping, its URL ...).
- A `Ref` to a template parameter is replaced by the parameter's Default: the template is
  checked as deployed with its defaults. Rules comparing numbers (log retention) cannot
  read a Ref; AllowedValues in the template keep every other deployable value compliant.
- A local CodeUri is replaced by a placeholder S3 location, as `sam package` would.
"""

import json
import os
import sys

# samtranslator builds ARNs for the partition of this region; any commercial region will do.
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

SAM_TRANSFORM = "AWS::Serverless-2016-10-31"


class NoManagedPolicies:
    """The template names no AWS managed policies; translating must not call IAM to list them."""

    def load(self):
        return {}


def uses_sam(template):
    transforms = template.get("Transform", [])
    if isinstance(transforms, str):
        transforms = [transforms]
    return SAM_TRANSFORM in transforms


def point_code_at_placeholder_bucket(template):
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") != "AWS::Serverless::Function":
            continue
        properties = resource.setdefault("Properties", {})
        code_uri = properties.get("CodeUri")
        if isinstance(code_uri, str) and not code_uri.startswith("s3://"):
            properties["CodeUri"] = "s3://placeholder-bucket/" + code_uri


def resolve_parameter_defaults(node, defaults):
    if isinstance(node, dict):
        if set(node) == {"Ref"} and node["Ref"] in defaults:
            return defaults[node["Ref"]]
        return {key: resolve_parameter_defaults(value, defaults) for key, value in node.items()}
    if isinstance(node, list):
        return [resolve_parameter_defaults(item, defaults) for item in node]
    return node


def translate(template):
    if uses_sam(template):
        point_code_at_placeholder_bucket(template)
        template = transform(template, {}, NoManagedPolicies())
    defaults = {
        name: parameter["Default"]
        for name, parameter in template.get("Parameters", {}).items()
        if "Default" in parameter
    }
    template["Resources"] = resolve_parameter_defaults(template.get("Resources", {}), defaults)
    return template


def main(argv):
    pairs = argv[1:]
    if not pairs or len(pairs) % 2 != 0:
        sys.stderr.write("usage: translate.py TEMPLATE.yaml OUTPUT.json [TEMPLATE.yaml OUTPUT.json ...]\n")
        return 2
    for source, target in zip(pairs[0::2], pairs[1::2]):
        with open(source, encoding="utf-8") as handle:
            template = yaml_parse(handle.read())
        with open(target, "w", encoding="utf-8") as handle:
            json.dump(translate(template), handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
