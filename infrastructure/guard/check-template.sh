#!/usr/bin/env bash
#
# Template security as tests: proves that template.yaml is secure by construction.
#
#   infrastructure/guard/check-template.sh [TEMPLATE]      (default: template.yaml at the repo root)
#
# 1. cfn-lint: no error, no warning.
# 2. The template is translated from SAM to CloudFormation JSON (translate.py), so the rules
#    see what CloudFormation will create.
# 3. cfn-guard checks it against every AWS Control Tower proactive control shipped in the npm
#    package @cdklabs/cdk-validator-cfnguard (pinned in package.json / package-lock.json),
#    except those in the suppression lists below, each with its reason.
# 4. cfn-guard checks it against our own rules, rules/qualityhub.guard.
# 5. sam build's view (sam_build.py): every function has a CodeUri sam build accepts, and the
#    template expands; each tests/sam-build/*.yaml must FAIL that check.
# 6. Each own rule is proved to bite: tests/<rule>[--case].yaml must FAIL that rule, and
#    tests/compliant/<rule>.yaml, where present, must PASS it.
#
# Anything unexpected fails the run: a new violation, a suppressed control that no longer
# fails (remove its suppression), a test template that passes its rule, a rule without a test.
# The last line is "template-guard: N passed, N failed".
#
set -euo pipefail

GUARD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$GUARD_DIR/../.." && pwd)
TEMPLATE=${1:-$REPO_ROOT/template.yaml}
VALIDATOR_DIR=$GUARD_DIR/node_modules/@cdklabs/cdk-validator-cfnguard
CONTROL_TOWER_RULES=$VALIDATOR_DIR/rules/control-tower/cfn-guard
OWN_RULES=$GUARD_DIR/rules/qualityhub.guard
TESTS_DIR=$GUARD_DIR/tests

# ---------------------------------------------------------------------------------------------
# Control Tower controls that this template does not follow at all, by rule file name.
# ---------------------------------------------------------------------------------------------
SUPPRESSED_CONTROLS=(
  # CT.LAMBDA.PR.3 (function in a VPC): the functions reach only AWS APIs (S3, SQS, DynamoDB,
  # KMS, CloudWatch), over TLS and authorised by IAM; what each may touch is fixed by its role,
  # not by the network. A VPC would add a NAT gateway or five interface endpoints and ENI cold
  # starts without narrowing that. Revisit if the company mandates VPC-only Lambda, with
  # endpoint policies.
  ct-lambda-pr-3
  # CT.S3.PR.9 (S3 Object Lock): elective control. Object Lock can never be turned off, S3
  # access-log delivery does not support a default retention on its target bucket, and intake
  # objects are inputs a branch legitimately replaces: the record of truth is RecordsTable
  # (point-in-time recovery, deletion protection), and raw uploads (customer values in clear)
  # expire after RawUploadRetentionDays on purpose. ReportsBucket, where WORM retention is required, has Object Lock
  # (compliance mode, ReportRetentionYears).
  ct-s3-pr-9
)

# ---------------------------------------------------------------------------------------------
# Control Tower controls that only the named resources may fail ("<rule file> <resources...>").
# ---------------------------------------------------------------------------------------------
RESOURCE_EXCEPTIONS=(
  # CT.S3.PR.2 (server access logging): AccessLogBucket is the access-log target; logging it
  # into itself would log every log delivery, without end.
  "ct-s3-pr-2 AccessLogBucket"
  # CT.S3.PR.4 (event notifications): nothing consumes access-log objects as they arrive.
  # ReportsBucket: the report function writes each report's index entry itself, and nothing
  # else reacts to a report or digest arriving.
  # PortalCdnLogBucket (issue 18) holds CloudFront's logs: nothing reacts to them either.
  "ct-s3-pr-4 AccessLogBucket ReportsBucket PortalBucket PortalCdnLogBucket"
  # CT.S3.PR.10 (SSE-KMS): S3 server access log delivery supports only SSE-S3 on the target
  # bucket. The logs hold object keys and requester ids, never record content.
  # PortalCdnLogBucket: CloudFront's standard log delivery, like S3's, writes without a grant on a key of ours.
  "ct-s3-pr-10 AccessLogBucket PortalBucket PortalCdnLogBucket"
  # CT.SQS.PR.1 (dead-letter queue): the scheduled functions' dead-letter queues (monitor,
  # sampling, report, audit digest) are themselves the dead-letter queues of their schedules and of
  # their functions' failed asynchronous runs, which the control does not recognise as sources;
  # RedriveAllowPolicy denyAll keeps SQS queues from parking messages there. Our own rule QH.SQS.2
  # knows schedule dead-letter queues.
  "ct-sqs-pr-1 MonitorDeadLetterQueue SamplingDeadLetterQueue ReportDeadLetterQueue AuditDigestDeadLetterQueue"
  # CT.LAMBDA.PR.2 (no public invoke): SAM generates this permission for the HttpApi event with
  # principal apigateway.amazonaws.com and a SourceArn naming our own API in this account
  # (arn:...:execute-api:<region>:<account>:<api id>/*/GET/reports/*), written as Fn::Sub, which
  # the control does not read, and without aws:SourceAccount, which SAM cannot add. The account
  # in the SourceArn already rules out another account's API.
  # CustomerLookupFunctionLookUpCustomerPermission (issue 18 item 3) is the same for POST /customers/lookup.
  "ct-lambda-pr-2 ReportAccessFunctionGetReportPermission ReportListFunctionListReportsPermission InspectionTasksFunctionListTasksPermission CustomerLookupFunctionLookUpCustomerPermission"
  # Issue 18, the portal: PortalBucket holds the page's own files (no data), so nothing reacts to
  # them arriving (CT.S3.PR.4, above), and SSE-S3 (CT.S3.PR.10, above) lets CloudFront's origin
  # access control read them without a grant on a key of ours; ReportListFunctionListReportsPermission
  # and InspectionTasksFunctionListTasksPermission are as ReportAccessFunctionGetReportPermission
  # (CT.LAMBDA.PR.2, above) for GET /reports and GET /samples/{period}.
  # CT.CLOUDFRONT.PR.6, .7, .9 (custom certificate, SNI, TLS 1.2 minimum): PortalDistribution
  # serves on its *.cloudfront.net name with CloudFront's certificate until the company names a
  # domain and an ACM certificate (docs/portal.md); CloudFront's own certificate negotiates TLS
  # 1.2+ with modern browsers but the policy cannot be set on it. CT.CLOUDFRONT.PR.4 (origin
  # failover): the page and the API live in one region with the stack; a failover origin would
  # be a second stack.
  "ct-cloudfront-pr-4 PortalDistribution"
  "ct-cloudfront-pr-6 PortalDistribution"
  "ct-cloudfront-pr-7 PortalDistribution"
  "ct-cloudfront-pr-9 PortalDistribution"
)

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS  $*"; }
fail() { failed=$((failed + 1)); echo "FAIL  $*"; }

die() {
  echo "check-template: $*" >&2
  exit 2
}

cfn_guard_binary() {
  local os arch
  case "$(uname -s)" in
    Linux) os=ubuntu ;;
    Darwin) os=macos ;;
    *) die "no cfn-guard binary in @cdklabs/cdk-validator-cfnguard for $(uname -s)" ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) die "no cfn-guard binary in @cdklabs/cdk-validator-cfnguard for $(uname -m)" ;;
  esac
  echo "$VALIDATOR_DIR/bin/$os/$arch/cfn-guard"
}

install_validator_if_missing() {
  if [[ ! -d $CONTROL_TOWER_RULES ]]; then
    echo "Installing the pinned cfn-guard rules package (npm ci --prefix $GUARD_DIR) ..."
    npm ci --prefix "$GUARD_DIR" --no-audit --no-fund >/dev/null \
      || die "npm ci failed: the npm registry must be reachable once to install $VALIDATOR_DIR"
  fi
}

# Rule names (not_compliant) and resource names (paths) that a structured cfn-guard report
# lists as failing; one per line, prefixed "rule " or "resource ".
failures_in_report() {
  python3 - "$1" <<'PY'
import json, re, sys
with open(sys.argv[1], encoding="utf-8") as handle:
    reports = json.load(handle)
rules, resources = set(), set()
for report in reports:
    for entry in report.get("not_compliant", []):
        rules.add(entry["Rule"]["name"])
        resources.update(re.findall(r'"/Resources/([A-Za-z0-9]+)', json.dumps(entry)))
for name in sorted(rules):
    print("rule", name)
for name in sorted(resources):
    print("resource", name)
PY
}

# Runs cfn-guard with structured output into $1; returns cfn-guard's exit code
# (0 compliant, 19 not compliant, anything else an error).
guard_structured() {
  local report=$1
  shift
  local status=0
  "$CFN_GUARD" validate --structured --output-format json --show-summary none "$@" >"$report" 2>"$report.err" || status=$?
  return "$status"
}

is_suppressed() {
  local rule_file=$1 suppressed
  for suppressed in "${SUPPRESSED_CONTROLS[@]}" "${RESOURCE_EXCEPTIONS[@]%% *}"; do
    [[ $rule_file == "$suppressed" ]] && return 0
  done
  return 1
}

check_lint() {
  local status=0
  cfn-lint -- "$TEMPLATE" || status=$?
  # cfn-lint exit codes are bit flags: 2 error, 4 warning, 8 informational.
  if ((status & 6)); then
    fail "cfn-lint reports errors or warnings in $TEMPLATE"
  else
    pass "cfn-lint: no error, no warning"
  fi
}

check_control_tower() {
  local data=$1 rule_file name rule_args=() count=0 status

  for name in "${SUPPRESSED_CONTROLS[@]}" "${RESOURCE_EXCEPTIONS[@]%% *}"; do
    if ! find "$CONTROL_TOWER_RULES" -name "$name.guard" | grep -q .; then
      fail "suppression $name names no Control Tower rule file: fix or remove it"
    fi
  done

  while IFS= read -r rule_file; do
    is_suppressed "$(basename "$rule_file" .guard)" && continue
    rule_args+=(--rules "$rule_file")
    count=$((count + 1))
  done < <(find "$CONTROL_TOWER_RULES" -name '*.guard' | sort)

  status=0
  "$CFN_GUARD" validate "${rule_args[@]}" --data "$data" --show-summary fail >"$WORK/control-tower.txt" 2>&1 || status=$?
  if ((status == 0)); then
    pass "Control Tower: $count controls, all compliant or not applicable"
  else
    cat "$WORK/control-tower.txt"
    fail "Control Tower: the template violates the controls listed above (cfn-guard exit $status)"
  fi

  for name in "${SUPPRESSED_CONTROLS[@]}"; do
    rule_file=$(find "$CONTROL_TOWER_RULES" -name "$name.guard" | head -n 1)
    [[ -n $rule_file ]] || continue
    status=0
    guard_structured "$WORK/$name.json" --rules "$rule_file" --data "$data" || status=$?
    if ((status == 19)); then
      pass "$name suppressed, still fails as its reason says"
    else
      fail "$name is suppressed but no longer fails (cfn-guard exit $status): remove its suppression"
    fi
  done

  local exception expected actual
  for exception in "${RESOURCE_EXCEPTIONS[@]}"; do
    name=${exception%% *}
    expected=$(tr ' ' '\n' <<<"${exception#* }" | sort | paste -sd' ')
    rule_file=$(find "$CONTROL_TOWER_RULES" -name "$name.guard" | head -n 1)
    [[ -n $rule_file ]] || continue
    status=0
    guard_structured "$WORK/$name.json" --rules "$rule_file" --data "$data" || status=$?
    if ((status != 0 && status != 19)); then
      cat "$WORK/$name.json.err"
      fail "$name: cfn-guard exit $status"
      continue
    fi
    actual=$(failures_in_report "$WORK/$name.json" | sed -n 's/^resource //p' | sort | paste -sd' ')
    if [[ $actual == "$expected" ]]; then
      pass "$name fails only for its excepted resources ($expected)"
    else
      fail "$name: failing resources are [${actual}], the exception allows exactly [$expected]"
    fi
  done
}

check_own_rules_on_template() {
  local data=$1 status=0
  "$CFN_GUARD" validate --rules "$OWN_RULES" --data "$data" --show-summary all >"$WORK/own.txt" 2>&1 || status=$?
  if ((status == 0)); then
    pass "qualityhub.guard: template compliant ($(grep -c ' PASS$' "$WORK/own.txt") rules pass, $(grep -c ' SKIP$' "$WORK/own.txt") not applicable)"
  else
    cat "$WORK/own.txt"
    fail "qualityhub.guard: the template violates the rules listed above (cfn-guard exit $status)"
  fi
}

# Every own rule has a failing template; every failing template makes its rule fail; every
# compliant template passes its rule.
check_own_rules_bite() {
  local rules rule test_file rule_of_test status failures
  rules=$(sed -n 's/^rule \(qh_[a-z0-9_]*\).*/\1/p' "$OWN_RULES")

  for rule in $rules; do
    if ! compgen -G "$TESTS_DIR/$rule.yaml" >/dev/null && ! compgen -G "$TESTS_DIR/$rule--*.yaml" >/dev/null; then
      fail "$rule has no failing template tests/$rule.yaml"
    fi
  done

  # The test templates named after a rule, translated by one python: importing samtranslator costs more than a
  # translation.
  local test_files=() translations=() index=0
  for test_file in "$TESTS_DIR"/*.yaml "$TESTS_DIR"/compliant/*.yaml; do
    [[ -e $test_file ]] || continue
    rule_of_test=$(basename "$test_file" .yaml)
    rule_of_test=${rule_of_test%%--*}
    if ! grep -qx "$rule_of_test" <<<"$rules"; then
      fail "${test_file#"$GUARD_DIR"/} is named after no rule of qualityhub.guard"
      continue
    fi
    test_files+=("$test_file")
    translations+=("$test_file" "$WORK/test-${#test_files[@]}.json")
  done
  ((${#translations[@]} == 0)) || python3 "$GUARD_DIR/translate.py" "${translations[@]}"

  for test_file in "${test_files[@]}"; do
    index=$((index + 1))
    rule_of_test=$(basename "$test_file" .yaml)
    rule_of_test=${rule_of_test%%--*}
    status=0
    guard_structured "$WORK/test.json.report" --rules "$OWN_RULES" --data "$WORK/test-$index.json" || status=$?
    if ((status != 0 && status != 19)); then
      cat "$WORK/test.json.report.err"
      fail "${test_file#"$GUARD_DIR"/}: cfn-guard exit $status"
      continue
    fi
    failures=$(failures_in_report "$WORK/test.json.report" | sed -n 's/^rule //p')
    if [[ $test_file == */compliant/* ]]; then
      if grep -qx "$rule_of_test" <<<"$failures"; then
        fail "${test_file#"$GUARD_DIR"/} should pass $rule_of_test but fails it"
      else
        pass "${test_file#"$GUARD_DIR"/} passes $rule_of_test"
      fi
    elif grep -qx "$rule_of_test" <<<"$failures"; then
      pass "${test_file#"$GUARD_DIR"/} fails $rule_of_test"
    else
      fail "${test_file#"$GUARD_DIR"/} should fail $rule_of_test but passes it"
    fi
  done
}

check_sam_build() {
  local status=0 fixture
  python3 "$GUARD_DIR/sam_build.py" "$TEMPLATE" >"$WORK/sam-build.txt" 2>&1 || status=$?
  if ((status == 0)); then
    pass "sam build: every function builds ($(grep -c '^PASS  sam build: [A-Za-z]* (' "$WORK/sam-build.txt") functions) and the template expands"
  else
    grep '^FAIL' "$WORK/sam-build.txt" || cat "$WORK/sam-build.txt"
    fail "sam build would not accept $TEMPLATE (see above)"
  fi
  for fixture in "$TESTS_DIR"/sam-build/*.yaml; do
    [[ -e $fixture ]] || continue
    status=0
    python3 "$GUARD_DIR/sam_build.py" "$fixture" --base-dir "$REPO_ROOT" >"$WORK/sam-build-fixture.txt" 2>&1 || status=$?
    if ((status == 1)); then
      pass "${fixture#"$GUARD_DIR"/} fails the sam build check"
    else
      fail "${fixture#"$GUARD_DIR"/} should fail the sam build check (exit $status)"
    fi
  done
}

# Every environment of samconfig.toml builds, validates with --lint and deploys, and overrides
# only parameters the template declares.
check_samconfig() {
  local config=$REPO_ROOT/samconfig.toml status=0
  [[ $TEMPLATE == "$REPO_ROOT/template.yaml" && -f $config ]] || return 0
  python3 - "$config" "$WORK/template.json" >"$WORK/samconfig.txt" 2>&1 <<'PY' || status=$?
import json, sys, tomllib
config = tomllib.load(open(sys.argv[1], "rb"))
parameters = set(json.load(open(sys.argv[2]))["Parameters"])
problems = []
for env, commands in config.items():
    if not isinstance(commands, dict):
        continue
    for command in ("global", "build", "validate", "deploy"):
        if command not in commands:
            problems.append(f"[{env}] has no {command} section")
    deploy = commands.get("deploy", {}).get("parameters", {})
    stack = commands.get("global", {}).get("parameters", {}).get("stack_name") or deploy.get("stack_name")
    if not stack:
        problems.append(f"[{env}] names no stack_name")
    if commands.get("validate", {}).get("parameters", {}).get("lint") is not True:
        problems.append(f"[{env}] validate does not lint")
    if "CAPABILITY_IAM" not in deploy.get("capabilities", ""):
        problems.append(f"[{env}] deploy lacks CAPABILITY_IAM (the template creates roles)")
    for override in deploy.get("parameter_overrides", "").split():
        name = override.split("=", 1)[0]
        if name not in parameters:
            problems.append(f"[{env}] overrides {name}, which template.yaml does not declare")
print("\n".join(problems))
sys.exit(1 if problems else 0)
PY
  if ((status == 0)); then
    pass "samconfig.toml: every environment builds, lints and deploys with parameters the template declares"
  else
    cat "$WORK/samconfig.txt"
    fail "samconfig.toml is incomplete (see above)"
  fi
}

# Every alarm has its runbook: a section "## <alarm logical id>" in docs/operations/runbooks.md,
# and every section names an alarm of the template.
check_runbooks() {
  local runbooks=$REPO_ROOT/docs/operations/runbooks.md status=0
  [[ $TEMPLATE == "$REPO_ROOT/template.yaml" ]] || return 0
  python3 - "$WORK/template.json" "$runbooks" >"$WORK/runbooks.txt" 2>&1 <<'PY' || status=$?
import json, os, re, sys
resources = json.load(open(sys.argv[1]))["Resources"]
alarms = {name for name, resource in resources.items() if resource["Type"] == "AWS::CloudWatch::Alarm"}
sections = set(re.findall(r"^## (\w+)\s*$", open(sys.argv[2], encoding="utf-8").read(), re.MULTILINE)) if os.path.exists(sys.argv[2]) else set()
problems = [f"alarm {name} has no runbook section '## {name}'" for name in sorted(alarms - sections)]
problems += [f"runbook section '## {name}' names no alarm of the template" for name in sorted(sections - alarms)]
print("\n".join(problems) if problems else f"{len(alarms)} alarms")
sys.exit(1 if problems else 0)
PY
  if ((status == 0)); then
    pass "runbooks: every alarm has its section in docs/operations/runbooks.md ($(cat "$WORK/runbooks.txt"))"
  else
    cat "$WORK/runbooks.txt"
    fail "docs/operations/runbooks.md and the template's alarms disagree (see above)"
  fi
}

main() {
  [[ -f $TEMPLATE ]] || die "no template at $TEMPLATE"
  command -v cfn-lint >/dev/null || die "cfn-lint is not installed (it also provides samtranslator)"
  python3 -c 'import samtranslator' 2>/dev/null || die "python3 cannot import samtranslator (installed with cfn-lint)"
  install_validator_if_missing
  CFN_GUARD=$(cfn_guard_binary)
  [[ -x $CFN_GUARD ]] || die "cfn-guard binary missing at $CFN_GUARD"

  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT

  echo "== cfn-lint $(cfn-lint --version | awk '{print $2}')"
  check_lint

  echo "== sam build's view of the template"
  check_sam_build

  python3 "$GUARD_DIR/translate.py" "$TEMPLATE" "$WORK/template.json"
  check_samconfig
  check_runbooks

  echo "== $("$CFN_GUARD" --version): AWS Control Tower proactive controls"
  check_control_tower "$WORK/template.json"

  echo "== qualityhub.guard on the template"
  check_own_rules_on_template "$WORK/template.json"

  echo "== qualityhub.guard on its test templates"
  check_own_rules_bite

  echo "template-guard: $passed passed, $failed failed"
  ((failed == 0))
}

main
