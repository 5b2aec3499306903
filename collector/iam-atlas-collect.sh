#!/usr/bin/env bash
# iam-atlas-collect.sh: writes an IAM Atlas collection (the verbatim JSON output of read-only
# AWS CLI calls, laid out as described in collector/README.md) for a whole AWS organization or
# for one account, with a manifest (_collection.json) saying what was covered and what failed.
# Needs only bash (3.2 or later) and the AWS CLI (v2 recommended, v1 works): no jq, no node.
# Every AWS call is read-only. See collector/README.md for the exact IAM permissions.
set -u
set -f # no globbing: names and ARNs are used unquoted in word lists

COLLECTOR_VERSION="2.0.0"

usage() {
	cat <<'EOF'
usage: iam-atlas-collect.sh [options]

Writes an IAM Atlas collection (AWS CLI JSON outputs and a _collection.json manifest) of your
AWS organization, or of one account, into a folder that IAM Atlas imports as is. Only
read-only AWS calls are made.

  --out DIR            output folder (default: iam-atlas-collection-<UTC time>); must be new or
                       empty, unless --resume
  --role NAME          role assumed in each member account (default: OrganizationAccountAccessRole)
  --external-id ID     external id to pass when assuming that role
  --account-only       collect only the account of the current credentials (no Organizations data)
  --regions LIST       comma-separated regions to collect (default: every region enabled in each
                       account, from ec2 describe-regions run in that account); regions not
                       enabled in an account are skipped there and recorded in the manifest
  --parallel N         accounts collected at the same time (default 4)
  --resume             continue an interrupted collection in --out: accounts the manifest records
                       as complete are skipped, the others are collected again
  --no-last-accessed   skip the IAM service-last-accessed jobs (2 calls per user and role)
  --profile NAME       AWS CLI profile for the starting credentials
  --zip                also write DIR.zip (needs the zip command)
  -h, --help           this help

Run it in the management account (or an Organizations delegated administrator) to collect the
whole organization. Exit status: 0 all collected; 1 collected, but some calls failed (listed on
stderr and in DIR/_collection.json); 2 usage error; 130 interrupted (resume with --resume).
EOF
}

OUT=""
ROLE="OrganizationAccountAccessRole"
EXTERNAL_ID=""
ACCOUNT_ONLY=0
REGIONS=""
PARALLEL=4
RESUME=0
LAST_ACCESSED=1
ZIP=0
SESSION_NAME="iam-atlas-collect"
export AWS_PAGER=""
# Adaptive client-side retries (throttling) unless the user chose otherwise; regional STS.
export AWS_RETRY_MODE="${AWS_RETRY_MODE:-adaptive}"
export AWS_MAX_ATTEMPTS="${AWS_MAX_ATTEMPTS:-10}"
export AWS_STS_REGIONAL_ENDPOINTS="${AWS_STS_REGIONAL_ENDPOINTS:-regional}"

usage_error() {
	printf 'iam-atlas-collect: %s\n\n' "$1" >&2
	usage >&2
	exit 2
}
value() { [ -n "${2:-}" ] || usage_error "$1 needs a value"; }

while [ $# -gt 0 ]; do
	case "$1" in
		--out) value "$@"; OUT="$2"; shift 2 ;;
		--role) value "$@"; ROLE="$2"; shift 2 ;;
		--external-id) value "$@"; EXTERNAL_ID="$2"; shift 2 ;;
		--account-only) ACCOUNT_ONLY=1; shift ;;
		--regions) value "$@"; REGIONS="$(printf '%s' "$2" | tr ',' ' ')"; shift 2 ;;
		--parallel) value "$@"; PARALLEL="$2"; shift 2 ;;
		--resume) RESUME=1; shift ;;
		--no-last-accessed) LAST_ACCESSED=0; shift ;;
		--profile) value "$@"; export AWS_PROFILE="$2"; shift 2 ;;
		--zip) ZIP=1; shift ;;
		-h | --help) usage; exit 0 ;;
		*) usage_error "unknown option $1" ;;
	esac
done
case "$PARALLEL" in '' | *[!0-9]* | 0) usage_error "--parallel needs a whole number of 1 or more" ;; esac
for r in $REGIONS; do
	case "$r" in *[!a-z0-9-]*) usage_error "--regions: \"$r\" is not a region name" ;; esac
done

if ! command -v aws >/dev/null 2>&1; then
	echo "iam-atlas-collect: the AWS CLI ('aws') is not on PATH" >&2
	exit 2
fi
OUT="${OUT:-iam-atlas-collection-$(date -u +%Y%m%dT%H%M%SZ)}"
MANIFEST="$OUT/_collection.json"
if [ "$RESUME" = 1 ]; then
	[ -f "$MANIFEST" ] || { echo "iam-atlas-collect: --resume: $MANIFEST not found" >&2; exit 2; }
elif [ -e "$OUT" ] && [ -n "$(ls -A "$OUT" 2>/dev/null)" ]; then
	echo "iam-atlas-collect: $OUT exists and is not empty; choose a new --out (or --resume)" >&2
	exit 2
fi
mkdir -p "$OUT" || exit 2
WORK="$(mktemp -d)" || exit 2
mkdir -p "$WORK/accounts" "$WORK/org"
: >"$WORK/org/errors"
: >"$WORK/org/refused"

now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
progress() { printf '%s\n' "$*" >&2; }

# A JSON string literal of one value (control characters dropped).
json_str() {
	printf '"%s"' "$(printf '%s' "$1" | tr -d '\000-\010\013-\037' | tr '\t\n' '  ' | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}
# A JSON array of strings from a whitespace-separated list.
json_list() {
	local out="" v
	for v in $1; do out="$out${out:+,}$(json_str "$v")"; done
	printf '[%s]' "$out"
}

# The first lines of the AWS CLI's error text, and the error code in it.
error_text() { grep -v '^[[:space:]]*$' "$1" | head -n 3 | tr '\n' ' ' | sed 's/ *$//'; }
error_code() { sed -nE 's/.*An error occurred \(([A-Za-z0-9._-]+)\).*/\1/p' "$1" | head -n 1; }

# Per-scope state (an account's subshell or the organization step): where its records go.
SCOPE_DIR="$WORK/org"
CALLS=0

# record KIND CALL CODE MESSAGE: append an error or a refusal of this scope (JSON, one a line).
record() {
	printf '{"call":%s,"code":%s,"message":%s}\n' "$(json_str "$2")" "$(json_str "$3")" "$(json_str "$4")" >>"$SCOPE_DIR/$1"
	if [ "$1" = errors ]; then progress "error: $2: $4"; fi
}

sha256() {
	if command -v sha256sum >/dev/null 2>&1; then printf '%s' "$1" | sha256sum | cut -c1-64
	else printf '%s' "$1" | shasum -a 256 | cut -c1-64; fi
}

# target FILE: the path a call's output is written to (STORED), its folder made. A file name over
# the 255-byte limit of common file systems is replaced by its SHA-256 (the content names the
# resource). Names are ASCII here (URL-encoded), so ${#base} counts bytes.
target() {
	local dir="${1%/*}" base="${1##*/}"
	if [ "${#base}" -gt 250 ]; then base="sha256-$(sha256 "$base").json"; fi
	STORED="$dir/$base"
	[ -d "$dir" ] || mkdir -p "$dir" 2>"$SCOPE_DIR/mv-err"
}

# store SRC FILE CALL: move a call's output (written elsewhere) into the collection.
store() {
	target "$2"
	if mv "$1" "$STORED" 2>"$SCOPE_DIR/mv-err"; then return 0; fi
	record errors "$3" "WriteFailed" "cannot write $STORED: $(error_text "$SCOPE_DIR/mv-err")"
	return 2
}

# Answers that mean "there is none" (quiet), and refusals that are expected where they happen.
absent_code() {
	case "$1" in
		NoSuchBucketPolicy | ResourceNotFoundException | RepositoryPolicyNotFoundException | \
			NoSuchPublicAccessBlockConfiguration | OwnershipControlsNotFoundError) return 0 ;;
	esac
	return 1
}
expected_refusal() {
	local code="$1" call="$2"
	case "$code:$call" in
		AccessDenied*:"kms get-key-policy "*) return 0 ;; # the key policy does not delegate to IAM
		NoSuchBucket:"s3api "*) return 0 ;;                # deleted between list and get
		NoSuchKey:* | NotFoundException:"kms "*) return 0 ;;
	esac
	return 1
}

# call FILE ARGS...: run `aws ARGS --output json`, keep its output verbatim in FILE.
# Returns 0 when written, 1 for a quiet "none" answer, 3 for an expected refusal, 2 for an error.
call() {
	local file="$1" code text
	shift
	CALLS=$((CALLS + 1))
	[ "$CRED_EXPIRES" -gt 0 ] && refresh_credentials
	target "$file"
	# Written in place: no temporary file and no move per call (the collector's own cost per call).
	if aws "$@" --output json >"$STORED" 2>"$SCOPE_DIR/err"; then
		# The CLI prints nothing for an empty answer (sqs list-queues with no queues): kept as {}.
		[ -s "$STORED" ] || printf '{}\n' >"$STORED"
		return 0
	fi
	if [ ! -e "$STORED" ]; then
		record errors "aws $*" "WriteFailed" "cannot write $STORED: $(error_text "$SCOPE_DIR/mv-err")"
		return 2
	fi
	rm -f "$STORED"
	code="$(error_code "$SCOPE_DIR/err")"
	text="$(error_text "$SCOPE_DIR/err")"
	if absent_code "$code"; then return 1; fi
	if expected_refusal "$code" "$*"; then
		record refused "aws $*" "$code" "$text"
		return 3
	fi
	record errors "aws $*" "${code:-CliError}" "$text"
	return 2
}

# json_values KEY FILE: the string values of `"KEY": "..."` lines in a file the AWS CLI wrote.
json_values() { sed -nE 's/^[[:space:]]*"'"$1"'": "([^"]*)",?[[:space:]]*$/\1/p' "$2"; }
# json_items FILE PREFIX: the string items of arrays (lines holding only "…"), starting with PREFIX.
json_items() { sed -nE 's|^[[:space:]]*"('"$2"'[^"]*)",?[[:space:]]*$|\1|p' "$1"; }

# RFC 3986 percent-encoding of one value (for file names made of URLs and ARNs), into ENCODED
# (no subshell: it runs once per resource).
urlencode() {
	local LC_ALL=C s="$1" c i hex
	ENCODED=""
	for ((i = 0; i < ${#s}; i++)); do
		c="${s:i:1}"
		case "$c" in
			[A-Za-z0-9._~-]) ENCODED="$ENCODED$c" ;;
			*)
				printf -v hex '%%%02X' "'$c"
				ENCODED="$ENCODED$hex"
				;;
		esac
	done
}

# The ACTIVE account ids of list-accounts-for-parent files (State, falling back to the retired Status).
active_accounts() {
	local key value id="" state="" status=""
	flush() { [ -n "$id" ] && [ "${state:-${status:-ACTIVE}}" = "ACTIVE" ] && printf '%s\n' "$id"; }
	while IFS='|' read -r key value; do
		case "$key" in
			Id) flush; id="$value"; state=""; status="" ;;
			State) state="$value" ;;
			Status) status="$value" ;;
		esac
	done < <(cat "$@" | sed -nE 's/^[[:space:]]*"(Id|State|Status)": "([^"]*)",?[[:space:]]*$/\1|\2/p')
	flush
}

# The region every account has enabled in a partition (for global services and describe-regions).
partition_region() {
	case "$1" in
		aws-cn) echo cn-north-1 ;;
		aws-us-gov) echo us-gov-west-1 ;;
		aws-iso) echo us-iso-east-1 ;;
		aws-iso-b) echo us-isob-east-1 ;;
		*) echo us-east-1 ;;
	esac
}

collect_organization() {
	local parent queue policy type b="$BASE_REGION"
	progress "organization: describe-organization, roots"
	if ! aws organizations describe-organization --region "$b" --output json >"$SCOPE_DIR/out" 2>"$SCOPE_DIR/err"; then
		if grep -q 'AWSOrganizationsNotInUseException' "$SCOPE_DIR/err"; then
			progress "this account is not in an organization: collecting it alone"
			ORG_STATUS="not-in-organization"
		else
			record errors "aws organizations describe-organization" "$(error_code "$SCOPE_DIR/err")" "$(error_text "$SCOPE_DIR/err") (collecting this account alone)"
			ORG_STATUS="failed"
		fi
		return 1
	fi
	store "$SCOPE_DIR/out" "$OUT/organizations-describe-organization.json" "aws organizations describe-organization"
	# list-roots answers only in the management account or a delegated administrator.
	call "$OUT/organizations-list-roots.json" organizations list-roots --region "$b"
	case $? in
		0) ;;
		*)
			ORG_STATUS="not-management"
			progress "organization: list-roots refused (not the management account or a delegated administrator): collecting this account alone"
			return 1
			;;
	esac
	queue="$(json_values Id "$OUT/organizations-list-roots.json")"
	while [ -n "$queue" ]; do
		set -- $queue
		parent="$1"
		shift
		queue="$*"
		progress "organization: children of $parent"
		call "$OUT/organizations-list-accounts-for-parent/$parent.json" organizations list-accounts-for-parent --parent-id "$parent" --region "$b"
		if call "$OUT/organizations-list-organizational-units-for-parent/$parent.json" organizations list-organizational-units-for-parent --parent-id "$parent" --region "$b"; then
			queue="$queue $(json_values Id "$STORED" | tr '\n' ' ')"
			queue="$(printf '%s' "$queue" | sed -E 's/^ +//; s/ +$//')"
		fi
	done
	for type in SERVICE_CONTROL_POLICY RESOURCE_CONTROL_POLICY; do
		progress "organization: $type policies"
		call "$OUT/organizations-list-policies/$type.json" organizations list-policies --filter "$type" --region "$b" || continue
		for policy in $(json_values Id "$STORED"); do
			call "$OUT/organizations-describe-policy/$policy.json" organizations describe-policy --policy-id "$policy" --region "$b"
			call "$OUT/organizations-list-targets-for-policy/$policy.json" organizations list-targets-for-policy --policy-id "$policy" --region "$b"
		done
	done
	ORG_STATUS="collected"
	return 0
}

# ---- credentials of one account (inside its subshell) ----
CRED_EXPIRES=0 # $SECONDS after which the role session is renewed (0: own credentials)
assume_role() {
	local acct="$1" creds key secret token
	local args="--role-arn arn:$PARTITION:iam::$acct:role/$ROLE --role-session-name $SESSION_NAME --region $BASE_REGION --duration-seconds 3600"
	[ -n "$EXTERNAL_ID" ] && args="$args --external-id $EXTERNAL_ID"
	CALLS=$((CALLS + 1))
	# The starting credentials assume the role (never a previous role session).
	if ! creds="$(as_starter aws sts assume-role $args --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text 2>"$SCOPE_DIR/err")"; then
		record errors "aws sts assume-role --role-arn arn:$PARTITION:iam::$acct:role/$ROLE" "$(error_code "$SCOPE_DIR/err")" "$(error_text "$SCOPE_DIR/err")"
		return 1
	fi
	read -r key secret token <<<"$creds"
	export AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" AWS_SESSION_TOKEN="$token"
	unset AWS_PROFILE # environment credentials only; the profile's own would take over otherwise
	CRED_EXPIRES=$((SECONDS + 3000)) # renewed 10 minutes before the hour is up
	return 0
}
refresh_credentials() {
	if [ "$CRED_EXPIRES" -gt 0 ] && [ "$SECONDS" -ge "$CRED_EXPIRES" ]; then
		progress "$ACCT: renewing the role session"
		assume_role "$ACCT" || true
	fi
}

# ---- what one account holds ----
collect_region() {
	local dir="$1" r="$2" v
	if call "$dir/kms-list-keys.json" kms list-keys --region "$r"; then
		for v in $(json_values KeyId "$STORED"); do
			call "$dir/kms-get-key-policy/$v.json" kms get-key-policy --key-id "$v" --policy-name default --region "$r"
		done
	fi
	# --page-size makes the CLI send MaxResults, without which SQS stops at 1,000 queues silently.
	if call "$dir/sqs-list-queues.json" sqs list-queues --page-size 1000 --region "$r"; then
		for v in $(json_items "$STORED" 'https?://'); do
			urlencode "$v"
			call "$dir/sqs-get-queue-attributes/$ENCODED.json" sqs get-queue-attributes --queue-url "$v" --attribute-names Policy QueueArn --region "$r"
		done
	fi
	if call "$dir/sns-list-topics.json" sns list-topics --region "$r"; then
		for v in $(json_values TopicArn "$STORED"); do
			urlencode "$v"
			call "$dir/sns-get-topic-attributes/$ENCODED.json" sns get-topic-attributes --topic-arn "$v" --region "$r"
		done
	fi
	if call "$dir/lambda-list-functions.json" lambda list-functions --region "$r"; then
		for v in $(json_values FunctionName "$STORED"); do
			call "$dir/lambda-get-policy/$v.json" lambda get-policy --function-name "$v" --region "$r"
		done
	fi
	if call "$dir/secretsmanager-list-secrets.json" secretsmanager list-secrets --region "$r"; then
		for v in $(json_values ARN "$STORED"); do
			urlencode "$v"
			call "$dir/secretsmanager-get-resource-policy/$ENCODED.json" secretsmanager get-resource-policy --secret-id "$v" --region "$r"
		done
	fi
	if call "$dir/ecr-describe-repositories.json" ecr describe-repositories --region "$r"; then
		for v in $(json_values repositoryName "$STORED"); do
			# Repository names may hold '/', which would make a folder: it is encoded in the file name.
			call "$dir/ecr-get-repository-policy/$(printf '%s' "$v" | sed 's|/|%2F|g').json" ecr get-repository-policy --repository-name "$v" --region "$r"
		done
	fi
	if [ "$ACCT" = "$SELF" ]; then collect_identity_center "$dir" "$r"; fi
}

# IAM Identity Center, read where the collector starts (management or delegated administrator).
collect_identity_center() {
	local dir="$1" r="$2" inst store ps e a g
	call "$dir/sso-admin-list-instances.json" sso-admin list-instances --region "$r" || return
	for inst in $(json_values InstanceArn "$STORED"); do
		urlencode "$inst"
		e="$ENCODED"
		call "$dir/sso-admin-list-permission-sets/$e.json" sso-admin list-permission-sets --instance-arn "$inst" --region "$r" || continue
		for ps in $(json_items "$STORED" 'arn:'); do
			urlencode "$ps"
			e="$ENCODED"
			call "$dir/sso-admin-describe-permission-set/$e.json" sso-admin describe-permission-set --instance-arn "$inst" --permission-set-arn "$ps" --region "$r"
			call "$dir/sso-admin-get-inline-policy-for-permission-set/$e.json" sso-admin get-inline-policy-for-permission-set --instance-arn "$inst" --permission-set-arn "$ps" --region "$r"
			call "$dir/sso-admin-list-managed-policies-in-permission-set/$e.json" sso-admin list-managed-policies-in-permission-set --instance-arn "$inst" --permission-set-arn "$ps" --region "$r"
			call "$dir/sso-admin-list-customer-managed-policy-references-in-permission-set/$e.json" sso-admin list-customer-managed-policy-references-in-permission-set --instance-arn "$inst" --permission-set-arn "$ps" --region "$r"
			call "$dir/sso-admin-get-permissions-boundary-for-permission-set/$e.json" sso-admin get-permissions-boundary-for-permission-set --instance-arn "$inst" --permission-set-arn "$ps" --region "$r"
			if call "$dir/sso-admin-list-accounts-for-provisioned-permission-set/$e.json" sso-admin list-accounts-for-provisioned-permission-set --instance-arn "$inst" --permission-set-arn "$ps" --region "$r"; then
				for a in $(json_items "$STORED" '[0-9]'); do
					call "$dir/sso-admin-list-account-assignments/$a,$e.json" sso-admin list-account-assignments --instance-arn "$inst" --account-id "$a" --permission-set-arn "$ps" --region "$r"
				done
			fi
		done
	done
	for store in $(json_values IdentityStoreId "$dir/sso-admin-list-instances.json"); do
		call "$dir/identitystore-list-users/$store.json" identitystore list-users --identity-store-id "$store" --region "$r"
		call "$dir/identitystore-list-groups/$store.json" identitystore list-groups --identity-store-id "$store" --region "$r" || continue
		for g in $(json_values GroupId "$STORED"); do
			call "$dir/identitystore-list-group-memberships/$g.json" identitystore list-group-memberships --identity-store-id "$store" --group-id "$g" --region "$r"
		done
	done
}

# The evidence the findings read: credential report, account summary, password policy, MFA
# devices and the service-last-accessed report of every user and role.
collect_iam_evidence() {
	local dir="$1" b="$BASE_REGION" i state arn job jobs="" status
	for i in 1 2 3 4 5 6 7 8 9 10; do
		CALLS=$((CALLS + 1))
		state="$(aws iam generate-credential-report --region "$b" --query State --output text 2>"$SCOPE_DIR/err")" || {
			record errors "aws iam generate-credential-report" "$(error_code "$SCOPE_DIR/err")" "$(error_text "$SCOPE_DIR/err")"
			break
		}
		[ "$state" = COMPLETE ] && break
		sleep 2
	done
	[ "${state:-}" = COMPLETE ] && call "$dir/iam-get-credential-report.json" iam get-credential-report --region "$b"
	call "$dir/iam-get-account-summary.json" iam get-account-summary --region "$b"
	CALLS=$((CALLS + 1))
	if aws iam get-account-password-policy --region "$b" --output json >"$SCOPE_DIR/out" 2>"$SCOPE_DIR/err"; then
		store "$SCOPE_DIR/out" "$dir/iam-get-account-password-policy.json" "aws iam get-account-password-policy"
	elif [ "$(error_code "$SCOPE_DIR/err")" = NoSuchEntity ]; then
		# No password policy is itself a finding: recorded as the CLI's error, as such.
		printf '{\n    "Error": {\n        "Code": "NoSuchEntity",\n        "Message": %s\n    }\n}\n' "$(json_str "$(error_text "$SCOPE_DIR/err")")" >"$SCOPE_DIR/out"
		store "$SCOPE_DIR/out" "$dir/iam-get-account-password-policy.json" "aws iam get-account-password-policy"
	else
		record errors "aws iam get-account-password-policy" "$(error_code "$SCOPE_DIR/err")" "$(error_text "$SCOPE_DIR/err")"
	fi
	call "$dir/iam-list-virtual-mfa-devices.json" iam list-virtual-mfa-devices --region "$b"
	[ "$LAST_ACCESSED" = 1 ] && [ -f "$dir/iam-get-account-authorization-details.json" ] || return 0
	for arn in $(json_values Arn "$dir/iam-get-account-authorization-details.json" | grep -E '^arn:[^:]+:iam::[0-9]+:(user|role)/' | sort -u); do
		urlencode "$arn"
		if call "$dir/iam-generate-service-last-accessed-details/$ENCODED.json" iam generate-service-last-accessed-details --arn "$arn" --region "$b"; then
			jobs="$jobs $(json_values JobId "$STORED")"
		fi
	done
	set -- $jobs
	[ $# -gt 0 ] && progress "$ACCT: waiting for $# service-last-accessed jobs"
	for job in $jobs; do
		for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
			call "$dir/iam-get-service-last-accessed-details/$job.json" iam get-service-last-accessed-details --job-id "$job" --region "$b" || break
			status="$(json_values JobStatus "$STORED" | head -n 1)"
			[ "$status" = IN_PROGRESS ] || break
			sleep 2
		done
	done
}

# The regions to collect in the current account: those it has enabled, narrowed by --regions.
account_regions() {
	local dir="$1" r try enabled="" chosen="" skipped=""
	# Tried in the partition's first region, then elsewhere (a region guard may deny it there).
	for try in $BASE_REGION $START_REGION $REGIONS; do
		CALLS=$((CALLS + 1))
		if aws ec2 describe-regions --region "$try" --filters Name=opt-in-status,Values=opt-in-not-required,opted-in \
			--output json >"$SCOPE_DIR/out" 2>"$SCOPE_DIR/err"; then
			store "$SCOPE_DIR/out" "$dir/ec2-describe-regions.json" "aws ec2 describe-regions" &&
				enabled="$(json_values RegionName "$STORED" | sort -u | tr '\n' ' ')"
			break
		fi
	done
	if [ -z "$enabled" ]; then
		record errors "aws ec2 describe-regions --region $try" "$(error_code "$SCOPE_DIR/err")" "$(error_text "$SCOPE_DIR/err") (regions collected: ${REGIONS:-none})"
		# describe-regions failed everywhere: use --regions as given, else nothing regional.
		ACCOUNT_REGIONS="$REGIONS"
		ACCOUNT_SKIPPED=""
		return
	fi
	if [ -z "$REGIONS" ]; then chosen="$enabled"; else
		for r in $REGIONS; do
			case " $enabled " in
				*" $r "*) chosen="$chosen $r" ;;
				*) skipped="$skipped $r" ;;
			esac
		done
	fi
	ACCOUNT_REGIONS="$chosen"
	ACCOUNT_SKIPPED="$skipped"
}

collect_account_data() {
	local dir="$OUT/$ACCT" b="$BASE_REGION" v r n=0 total
	progress "$ACCT: regions"
	account_regions "$dir"
	[ -n "$ACCOUNT_SKIPPED" ] && progress "$ACCT: not enabled here, skipped:$ACCOUNT_SKIPPED"
	progress "$ACCT: iam"
	call "$dir/iam-get-account-authorization-details.json" iam get-account-authorization-details --region "$b"
	call "$dir/iam-list-saml-providers.json" iam list-saml-providers --region "$b"
	if call "$dir/iam-list-open-id-connect-providers.json" iam list-open-id-connect-providers --region "$b"; then
		for v in $(json_values Arn "$STORED"); do
			urlencode "$v"
			call "$dir/iam-get-open-id-connect-provider/$ENCODED.json" iam get-open-id-connect-provider --open-id-connect-provider-arn "$v" --region "$b"
		done
	fi
	collect_iam_evidence "$dir"
	progress "$ACCT: s3"
	call "$dir/s3control-get-public-access-block.json" s3control get-public-access-block --account-id "$ACCT" --region "$b"
	if call "$dir/s3api-list-buckets.json" s3api list-buckets --region "$b"; then
		for v in $(json_values Name "$STORED"); do
			call "$dir/s3api-get-bucket-policy/$v.json" s3api get-bucket-policy --bucket "$v" --region "$b"
			call "$dir/s3api-get-public-access-block/$v.json" s3api get-public-access-block --bucket "$v" --region "$b"
			call "$dir/s3api-get-bucket-acl/$v.json" s3api get-bucket-acl --bucket "$v" --region "$b"
			call "$dir/s3api-get-bucket-ownership-controls/$v.json" s3api get-bucket-ownership-controls --bucket "$v" --region "$b"
		done
	fi
	set -- $ACCOUNT_REGIONS
	total=$#
	for r in $ACCOUNT_REGIONS; do
		n=$((n + 1))
		progress "$ACCT: region $r ($n/$total)"
		collect_region "$dir/$r" "$r"
	done
}

# One account, in its own subshell: writes $WORK/accounts/<id>.json (its manifest entry).
collect_account() {
	ACCT="$1"
	SCOPE_DIR="$WORK/accounts/$ACCT.d"
	mkdir -p "$SCOPE_DIR"
	: >"$SCOPE_DIR/errors"
	: >"$SCOPE_DIR/refused"
	CALLS=0
	ACCOUNT_REGIONS=""
	ACCOUNT_SKIPPED=""
	local started status errors refused skipped="" r
	started="$(now)"
	printf '%s' "$started" >"$SCOPE_DIR/started"
	rm -rf "${OUT:?}/$ACCT"
	if [ "$ACCT" = "$SELF" ] || assume_role "$ACCT"; then
		collect_account_data
		status=complete
		[ -s "$SCOPE_DIR/errors" ] && status=errors
	else
		status=failed
	fi
	errors="$(paste -sd, "$SCOPE_DIR/errors")"
	refused="$(paste -sd, "$SCOPE_DIR/refused")"
	for r in $ACCOUNT_SKIPPED; do skipped="$skipped${skipped:+,}{\"region\":\"$r\",\"reason\":\"not enabled in this account\"}"; done
	printf '{"id":"%s","status":"%s","startedAt":"%s","endedAt":"%s","calls":%s,"regions":%s,"regionsSkipped":[%s],"errors":[%s],"refused":[%s]}\n' \
		"$ACCT" "$status" "$started" "$(now)" "$CALLS" "$(json_list "$ACCOUNT_REGIONS")" "$skipped" "$errors" "$refused" >"$WORK/accounts/$ACCT.json.tmp"
	mv "$WORK/accounts/$ACCT.json.tmp" "$WORK/accounts/$ACCT.json"
}

# ---- the manifest ----
write_manifest() {
	local complete="$1" ended="null" a files="" entries org_errors status started
	[ "$complete" = true ] && ended="$(json_str "$(now)")"
	# One line per account (so --resume can read them back), gathered with a single cat.
	mkdir -p "$WORK/pending"
	for a in $ACCOUNTS; do
		if [ -f "$WORK/accounts/$a.json" ]; then files="$files $WORK/accounts/$a.json"; else
			status=pending started=null
			if [ -f "$WORK/accounts/$a.d/started" ]; then
				read -r started <"$WORK/accounts/$a.d/started"
				status=interrupted started="\"$started\""
			fi
			printf '{"id":"%s","status":"%s","startedAt":%s,"endedAt":null,"calls":0,"regions":[],"regionsSkipped":[],"errors":[],"refused":[]}\n' \
				"$a" "$status" "$started" >"$WORK/pending/$a.json"
			files="$files $WORK/pending/$a.json"
		fi
	done
	entries="$(cat $files | sed -e 's/^/    /' -e '$!s/$/,/')"
	org_errors="$(paste -sd, "$WORK/org/errors" 2>/dev/null)"
	{
		printf '{\n  "format": "iam-atlas-collection",\n  "version": 1,\n'
		printf '  "collector": %s,\n  "awsCli": %s,\n' "$(json_str "iam-atlas-collect.sh $COLLECTOR_VERSION")" "$(json_str "$CLI_VERSION")"
		printf '  "caller": {"account": %s, "arn": %s, "partition": %s},\n' "$(json_str "$SELF")" "$(json_str "$CALLER_ARN")" "$(json_str "$PARTITION")"
		printf '  "options": {"role": %s, "externalId": %s, "regions": %s, "accountOnly": %s, "parallel": %s, "lastAccessed": %s},\n' \
			"$(json_str "$ROLE")" "$([ -n "$EXTERNAL_ID" ] && echo true || echo false)" "$([ -n "$REGIONS" ] && json_list "$REGIONS" || echo null)" \
			"$([ "$ACCOUNT_ONLY" = 1 ] && echo true || echo false)" "$PARALLEL" "$([ "$LAST_ACCESSED" = 1 ] && echo true || echo false)"
		printf '  "startedAt": %s,\n  "endedAt": %s,\n  "complete": %s,\n' "$(json_str "$STARTED_AT")" "$ended" "$complete"
		printf '  "organization": {"status": %s, "errors": [%s]},\n' "$(json_str "$ORG_STATUS")" "$org_errors"
		printf '  "accounts": [\n%s\n  ]\n}\n' "$entries"
	} >"$MANIFEST.tmp" && mv "$MANIFEST.tmp" "$MANIFEST"
}

# ---- main ----
CLI_VERSION="$(aws --version 2>&1 | head -n 1)"
case "$CLI_VERSION" in
	aws-cli/1.*) progress "note: $CLI_VERSION is the AWS CLI v1; it works, but v2 is recommended (v1 is in maintenance)" ;;
esac
START_REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region 2>/dev/null)}}"
caller=""
for try in $START_REGION us-east-1 cn-north-1 us-gov-west-1; do
	caller="$(aws sts get-caller-identity --region "$try" --query '[Account,Arn]' --output text 2>"$WORK/err")" && break
	caller=""
done
if [ -z "$caller" ]; then
	echo "iam-atlas-collect: no usable AWS credentials: $(error_text "$WORK/err")" >&2
	exit 2
fi
read -r SELF CALLER_ARN <<<"$caller"
PARTITION="$(printf '%s' "$CALLER_ARN" | cut -d: -f2)"
BASE_REGION="$(partition_region "$PARTITION")"
# The starting credentials' environment, so every account's role is assumed (and renewed) from
# them, never from a role session. A profile's own credentials (SSO, role) the CLI renews itself.
START_SET=""
for v in AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE; do
	eval "[ -n \"\${$v+set}\" ]" && START_SET="$START_SET $v"
done
START_KEY="${AWS_ACCESS_KEY_ID-}" START_SECRET="${AWS_SECRET_ACCESS_KEY-}" START_TOKEN="${AWS_SESSION_TOKEN-}" START_PROFILE="${AWS_PROFILE-}"
as_starter() (
	unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE
	case "$START_SET" in *AWS_ACCESS_KEY_ID*) export AWS_ACCESS_KEY_ID="$START_KEY" ;; esac
	case "$START_SET" in *AWS_SECRET_ACCESS_KEY*) export AWS_SECRET_ACCESS_KEY="$START_SECRET" ;; esac
	case "$START_SET" in *AWS_SESSION_TOKEN*) export AWS_SESSION_TOKEN="$START_TOKEN" ;; esac
	case "$START_SET" in *AWS_PROFILE*) export AWS_PROFILE="$START_PROFILE" ;; esac
	"$@"
)
STARTED_AT="$(now)"
ORG_STATUS="skipped"
progress "collecting as $CALLER_ARN ($PARTITION) into $OUT with $CLI_VERSION"

if [ "$RESUME" = 1 ]; then
	# Keep the manifest lines of the accounts already complete; collect the others again.
	for a in $(sed -nE 's/^ *\{"id":"([0-9]{12})","status":"complete".*/\1/p' "$MANIFEST"); do
		grep -E "^ *\{\"id\":\"$a\"" "$MANIFEST" | sed -E 's/^ +//; s/,$//' >"$WORK/accounts/$a.json"
	done
	STARTED_AT="$(sed -nE 's/^  "startedAt": "([^"]*)",$/\1/p' "$MANIFEST")"
	progress "resuming: $(ls "$WORK/accounts" | grep -c '\.json$') accounts already complete"
fi

ACCOUNTS="$SELF"
if [ "$ACCOUNT_ONLY" = 0 ] && collect_organization; then
	ACCOUNTS="$(set +f && active_accounts "$OUT"/organizations-list-accounts-for-parent/*.json | sort -u)"
fi
[ -n "$ACCOUNTS" ] || ACCOUNTS="$SELF"

INTERRUPTED=0
PIDS=""
on_interrupt() {
	INTERRUPTED=1
	local p
	for p in $PIDS; do kill -TERM "$p" 2>/dev/null; done
	wait 2>/dev/null
	write_manifest false
	progress "interrupted: $MANIFEST records what is complete; run again with --resume"
	rm -rf "$WORK"
	exit 130
}
trap on_interrupt INT TERM
trap 'rm -rf "$WORK"' EXIT
write_manifest false

total="$(printf '%s\n' $ACCOUNTS | grep -c .)"
todo=""
for a in $ACCOUNTS; do [ -f "$WORK/accounts/$a.json" ] || todo="$todo $a"; done
set -- $todo
remaining=$#
done_count=$((total - remaining))
began=$SECONDS
finished_here=0
# Start accounts up to --parallel at a time; record each as it ends (bash 3.2: no wait -n).
while [ -n "$todo" ] || [ -n "$PIDS" ]; do
	still=""
	for p in $PIDS; do
		if kill -0 "$p" 2>/dev/null; then still="$still $p"; else
			wait "$p" 2>/dev/null
			done_count=$((done_count + 1))
			finished_here=$((finished_here + 1))
			write_manifest false
			left=$((total - done_count))
			eta=$(((SECONDS - began) * left / finished_here))
			progress "[$done_count/$total] accounts done; about $((eta / 60)) min $((eta % 60)) s left"
		fi
	done
	PIDS="$still"
	set -- $PIDS
	if [ -n "$todo" ] && [ $# -lt "$PARALLEL" ]; then
		set -- $todo
		acct="$1"
		shift
		todo="$*"
		progress "[$((total - remaining + 1))/$total] account $acct"
		remaining=$((remaining - 1))
		(
			trap - INT TERM EXIT
			trap 'exit 143' TERM
			collect_account "$acct"
		) &
		PIDS="$PIDS $!"
	else
		sleep 0.2
	fi
done
write_manifest true

if [ "$ZIP" = 1 ]; then
	if command -v zip >/dev/null 2>&1; then
		zipfile="$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT").zip"
		rm -f "$zipfile"
		(cd "$OUT" && set +f && zip -qr "$zipfile" .) && progress "wrote $zipfile" || progress "error: zip failed"
	else
		progress "error: --zip: the zip command is not installed (the folder $OUT is complete)"
	fi
fi

files="$(find "$OUT" -type f | grep -c .)"
errors="$(set +f && cat "$WORK"/org/errors "$WORK"/accounts/*.d/errors 2>/dev/null | grep -c .)"
refusals="$(set +f && cat "$WORK"/org/refused "$WORK"/accounts/*.d/refused 2>/dev/null | grep -c .)"
progress "done: $files files in $OUT, $errors errors, $refusals expected refusals (see $MANIFEST)"
if grep -qE '"errors":\[\{|"status":"(failed|errors)"' "$MANIFEST"; then exit 1; fi
exit 0
