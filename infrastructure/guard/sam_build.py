"""Checks a SAM template as `sam build` sees it, then translates it as `sam deploy` does.

Usage: python3 sam_build.py TEMPLATE.yaml [--base-dir DIR]

`sam build` builds every AWS::Serverless::Function from its CodeUri with the runtime's own workflow
(for java21: Maven, in a directory holding pom.xml), unless the function's Metadata says
`SkipBuild: true` (the artifact is copied as it is: our jars, which `mvn package` builds) or
`BuildMethod: makefile` (a Makefile with a build-<LogicalId> target in CodeUri). A jar as CodeUri
without SkipBuild is what SAM's Maven workflow refuses. This script checks, for every function:

- CodeUri (its own or Globals.Function's) is set;
- with SkipBuild, CodeUri names a .jar or .zip that the repository's Maven build produces:
  <module>/target/<finalName>.jar where <module>/pom.xml declares that finalName;
- with BuildMethod makefile, CodeUri is a directory whose Makefile has the build target;
- otherwise CodeUri is a directory with a pom.xml (SAM's Maven workflow);

and then that samtranslator (the library sam build and CloudFormation's transform run) expands the
template without error. Prints one PASS or FAIL line per check; exit status 1 on any FAIL.
Relative paths are taken from --base-dir, default the template's directory, as sam build takes them.
"""

import copy
import os
import re
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

FUNCTION = "AWS::Serverless::Function"


class NoManagedPolicies:
    def load(self):
        return {}


def maven_artifact_problem(base_dir, code_uri):
    """Why CodeUri is not an artifact `mvn package` builds, or None when it is."""
    match = re.fullmatch(r"(?P<module>.+)/target/(?P<name>[^/]+)\.(?:jar|zip)", code_uri)
    if not match:
        return f"{code_uri} is not <module>/target/<name>.jar"
    pom = os.path.join(base_dir, match["module"], "pom.xml")
    if not os.path.isfile(pom):
        return f"{match['module']} has no pom.xml, so no Maven build makes {code_uri}"
    with open(pom, encoding="utf-8") as handle:
        if f"<finalName>{match['name']}</finalName>" not in handle.read():
            return f"{match['module']}/pom.xml declares no <finalName>{match['name']}</finalName>, so mvn package does not make {code_uri}"
    return None


def function_problems(logical_id, resource, globals_function, base_dir):
    properties = resource.get("Properties", {})
    metadata = resource.get("Metadata", {}) or {}
    code_uri = properties.get("CodeUri", globals_function.get("CodeUri"))
    if not isinstance(code_uri, str) or not code_uri:
        return [f"{logical_id}: no CodeUri that sam build can read (a local path)"]
    if code_uri.startswith("s3://"):
        return []
    if metadata.get("SkipBuild") in (True, "true", "True"):
        problem = maven_artifact_problem(base_dir, code_uri)
        return [f"{logical_id}: SkipBuild copies {code_uri} as it is, but {problem}"] if problem else []
    if metadata.get("BuildMethod") == "makefile":
        makefile = os.path.join(base_dir, code_uri, "Makefile")
        if not os.path.isfile(makefile):
            return [f"{logical_id}: BuildMethod makefile needs {code_uri}/Makefile"]
        with open(makefile, encoding="utf-8") as handle:
            if not re.search(rf"^build-{logical_id}:", handle.read(), re.MULTILINE):
                return [f"{logical_id}: {code_uri}/Makefile has no build-{logical_id} target"]
        return []
    directory = os.path.join(base_dir, code_uri)
    if not os.path.isfile(os.path.join(directory, "pom.xml")):
        return [f"{logical_id}: sam build runs Maven in CodeUri {code_uri}, which is no directory with a pom.xml;"
                " for a jar that mvn package builds, add Metadata: SkipBuild: true"]
    return []


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--base-dir"):
        sys.stderr.write("usage: sam_build.py TEMPLATE.yaml [--base-dir DIR]\n")
        return 2
    source = argv[1]
    base_dir = argv[3] if len(argv) == 4 else os.path.dirname(os.path.abspath(source))
    with open(source, encoding="utf-8") as handle:
        template = yaml_parse(handle.read())
    globals_function = template.get("Globals", {}).get("Function", {})
    failures = 0
    functions = {name: resource for name, resource in template.get("Resources", {}).items() if resource.get("Type") == FUNCTION}
    for logical_id, resource in functions.items():
        problems = function_problems(logical_id, resource, globals_function, base_dir)
        for problem in problems:
            print(f"FAIL  sam build: {problem}")
        failures += len(problems)
        if not problems:
            print(f"PASS  sam build: {logical_id} ({resource.get('Properties', {}).get('CodeUri', globals_function.get('CodeUri'))})")
    built = copy.deepcopy(template)
    for resource in built.get("Resources", {}).values():
        if resource.get("Type") == FUNCTION:
            # sam build rewrites CodeUri to its build directory, sam package to an S3 location.
            resource.setdefault("Properties", {})["CodeUri"] = "s3://placeholder-bucket/" + str(resource["Properties"].get("CodeUri"))
    try:
        transform(built, {}, NoManagedPolicies())
        print(f"PASS  sam build: samtranslator expands the template ({len(functions)} functions)")
    except Exception as error:  # noqa: BLE001 - every translation failure is a finding, with its message
        print(f"FAIL  sam build: samtranslator refuses the template: {error}")
        failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
