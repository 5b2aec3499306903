#!/usr/bin/env bash
# iam-atlas-collect.sh: writes an IAM Atlas collection (the verbatim JSON output of read-only
# AWS CLI v2 calls, laid out as docs/collection layout in collector/README.md) for a whole AWS
# organization or for one account. Needs only bash (3.2 or later) and the AWS CLI v2: no jq, no node.
# Every call is read-only. See collector/README.md for the exact IAM permissions.
set -u
set -f # no globbing: names and ARNs are used unquoted in word lists

usage() {
	cat <<'EOF'
usage: iam-atlas-collect.sh [options]

Writes an IAM Atlas collection (AWS CLI v2 JSON outputs) of your AWS organization, or of one
account, into a folder that IAM Atlas imports as is. Only read-only AWS calls are made.

  --out DIR          output folder (default: iam-atlas-collection-<UTC time>); must be new or empty
  --role NAME        role assumed in each member account (default: OrganizationAccountAccessRole)
  --account-only     collect only the account of the current credentials (no Organizations data)
  --regions LIST     comma-separated regions for KMS, SQS, SNS, Lambda, Secrets Manager and ECR
                     (default: the regions a region-guard SCP approves, else every region
                     enabled for the account, from ec2 describe-regions)
  --profile NAME     AWS CLI profile for the starting credentials
  --zip              also write DIR.zip (needs the zip command)
  -h, --help         this help

Run it in the management account (or an Organizations delegated administrator) to collect the
whole organization. Exit status: 0 all collected; 1 collected, but some calls failed (listed on
stderr); 2 usage error.
EOF
}

OUT=""
ROLE="OrganizationAccountAccessRole"
ACCOUNT_ONLY=0
REGIONS=""
ZIP=0
SESSION_NAME="iam-atlas-collect"
export AWS_PAGER=""

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
		--account-only) ACCOUNT_ONLY=1; shift ;;
		--regions) value "$@"; REGIONS="$(printf '%s' "$2" | tr ',' ' ')"; shift 2 ;;
		--profile) value "$@"; export AWS_PROFILE="$2"; shift 2 ;;
		--zip) ZIP=1; shift ;;
		-h | --help) usage; exit 0 ;;
		*) usage_error "unknown option $1" ;;
	esac
done

if ! command -v aws >/dev/null 2>&1; then
	echo "iam-atlas-collect: the AWS CLI v2 ('aws') is not on PATH" >&2
	exit 2
fi
OUT="${OUT:-iam-atlas-collection-$(date -u +%Y%m%dT%H%M%SZ)}"
if [ -e "$OUT" ] && [ -n "$(ls -A "$OUT" 2>/dev/null)" ]; then
	echo "iam-atlas-collect: $OUT exists and is not empty; choose a new --out" >&2
	exit 2
fi
mkdir -p "$OUT" || exit 2
WORK="$(mktemp -d)" || exit 2
trap 'rm -rf "$WORK"' EXIT
: >"$WORK/errors"

progress() { printf '%s\n' "$*" >&2; }
report() {
	printf '%s\n' "$*" >>"$WORK/errors"
	printf 'error: %s\n' "$*" >&2
}

# The first line of the AWS CLI's error text, without the blank line it starts with.
error_text() { grep -v '^[[:space:]]*$' "$1" | head -n 3 | tr '\n' ' ' | sed 's/ *$//'; }

# aws_to_file FILE ARGS...: run `aws ARGS --output json` and keep its output verbatim in FILE.
# Returns 0 when written, 1 for a quiet "no policy" answer, 2 for an error (reported).
aws_to_file() {
	local file="$1"
	shift
	if aws "$@" --output json >"$WORK/out" 2>"$WORK/err"; then
		mkdir -p "$(dirname "$file")" && mv "$WORK/out" "$file"
		return 0
	fi
	if grep -Eq 'NoSuchBucketPolicy|ResourceNotFoundException|RepositoryPolicyNotFoundException' "$WORK/err"; then
		return 1
	fi
	report "aws $*: $(error_text "$WORK/err")"
	return 2
}

# aws_list ARGS...: the values printed by `aws ARGS --output text` (used with --query), one a line.
aws_list() {
	local out
	if ! out="$(aws "$@" --output text 2>"$WORK/err-list")"; then
		report "aws $*: $(error_text "$WORK/err-list")"
		return 0
	fi
	for value in $out; do
		[ "$value" = "None" ] || printf '%s\n' "$value"
	done
}

# json_values KEY FILE: the string values of `"KEY": "..."` lines in a file the AWS CLI wrote.
json_values() { sed -nE 's/^[[:space:]]*"'"$1"'": "([^"]*)",?[[:space:]]*$/\1/p' "$2"; }

# RFC 3986 percent-encoding of one value (for file names made of URLs and ARNs).
urlencode() {
	local LC_ALL=C s="$1" out="" c i
	for ((i = 0; i < ${#s}; i++)); do
		c="${s:i:1}"
		case "$c" in
			[A-Za-z0-9._~-]) out="$out$c" ;;
			*) out="$out$(printf '%%%02X' "'$c")" ;;
		esac
	done
	printf '%s' "$out"
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

collect_organization() {
	local parent queue policy type
	progress "organization: describe-organization, roots"
	if ! aws organizations describe-organization --output json >"$WORK/out" 2>"$WORK/err"; then
		if grep -q 'AWSOrganizationsNotInUseException' "$WORK/err"; then
			progress "this account is not in an organization: collecting it alone"
		else
			report "aws organizations describe-organization: $(error_text "$WORK/err") (collecting this account alone)"
		fi
		return 1
	fi
	mv "$WORK/out" "$OUT/organizations-describe-organization.json"
	aws_to_file "$OUT/organizations-list-roots.json" organizations list-roots || return 1
	queue="$(json_values Id "$OUT/organizations-list-roots.json")"
	while [ -n "$queue" ]; do
		set -- $queue
		parent="$1"
		shift
		queue="$*"
		progress "organization: children of $parent"
		aws_to_file "$OUT/organizations-list-accounts-for-parent/$parent.json" organizations list-accounts-for-parent --parent-id "$parent"
		if aws_to_file "$OUT/organizations-list-organizational-units-for-parent/$parent.json" organizations list-organizational-units-for-parent --parent-id "$parent"; then
			queue="$queue $(json_values Id "$OUT/organizations-list-organizational-units-for-parent/$parent.json" | tr '\n' ' ')"
			queue="$(printf '%s' "$queue" | sed -E 's/^ +//; s/ +$//')"
		fi
	done
	for type in SERVICE_CONTROL_POLICY RESOURCE_CONTROL_POLICY; do
		progress "organization: $type policies"
		aws_to_file "$OUT/organizations-list-policies/$type.json" organizations list-policies --filter "$type" || continue
		for policy in $(json_values Id "$OUT/organizations-list-policies/$type.json"); do
			aws_to_file "$OUT/organizations-describe-policy/$policy.json" organizations describe-policy --policy-id "$policy"
			aws_to_file "$OUT/organizations-list-targets-for-policy/$policy.json" organizations list-targets-for-policy --policy-id "$policy"
		done
	done
	return 0
}

# The regions an SCP approves: those listed in a policy that denies on StringNotEquals aws:RequestedRegion.
scp_regions() {
	(set +f && cat "$OUT"/organizations-describe-policy/*.json 2>/dev/null) | grep '"Content"' | grep 'aws:RequestedRegion' | grep 'StringNotEquals' |
		grep -oE '[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

collect_region() {
	local dir="$1" r="$2" v
	progress "  $r: kms, sqs, sns, lambda, secretsmanager, ecr"
	if aws_to_file "$dir/kms-list-keys.json" kms list-keys --region "$r"; then
		for v in $(json_values KeyId "$dir/kms-list-keys.json"); do
			aws_to_file "$dir/kms-get-key-policy/$v.json" kms get-key-policy --key-id "$v" --policy-name default --region "$r"
		done
	fi
	for v in $(aws_list sqs list-queues --region "$r" --query 'QueueUrls'); do
		aws_to_file "$dir/sqs-get-queue-attributes/$(urlencode "$v").json" sqs get-queue-attributes --queue-url "$v" --attribute-names Policy QueueArn --region "$r"
	done
	for v in $(aws_list sns list-topics --region "$r" --query 'Topics[].TopicArn'); do
		aws_to_file "$dir/sns-get-topic-attributes/$(urlencode "$v").json" sns get-topic-attributes --topic-arn "$v" --region "$r"
	done
	for v in $(aws_list lambda list-functions --region "$r" --query 'Functions[].FunctionName'); do
		aws_to_file "$dir/lambda-get-policy/$v.json" lambda get-policy --function-name "$v" --region "$r"
	done
	for v in $(aws_list secretsmanager list-secrets --region "$r" --query 'SecretList[].ARN'); do
		aws_to_file "$dir/secretsmanager-get-resource-policy/$(urlencode "$v").json" secretsmanager get-resource-policy --secret-id "$v" --region "$r"
	done
	for v in $(aws_list ecr describe-repositories --region "$r" --query 'repositories[].repositoryName'); do
		# Repository names may hold '/', which would make a folder: it is encoded in the file name.
		aws_to_file "$dir/ecr-get-repository-policy/$(printf '%s' "$v" | sed 's|/|%2F|g').json" ecr get-repository-policy --repository-name "$v" --region "$r"
	done
}

collect_account_data() {
	local acct="$1" dir="$OUT/$1" b r
	progress "$acct: iam get-account-authorization-details"
	aws_to_file "$dir/iam-get-account-authorization-details.json" iam get-account-authorization-details
	progress "$acct: s3 buckets and bucket policies"
	if aws_to_file "$dir/s3api-list-buckets.json" s3api list-buckets; then
		for b in $(json_values Name "$dir/s3api-list-buckets.json"); do
			aws_to_file "$dir/s3api-get-bucket-policy/$b.json" s3api get-bucket-policy --bucket "$b"
		done
	fi
	for r in $REGIONS; do collect_region "$dir/$r" "$r"; done
}

collect_account() {
	local acct="$1" creds key secret token
	if [ "$acct" = "$SELF" ]; then
		collect_account_data "$acct"
		return
	fi
	progress "$acct: assuming role $ROLE"
	if ! creds="$(aws sts assume-role --role-arn "arn:$PARTITION:iam::$acct:role/$ROLE" --role-session-name "$SESSION_NAME" \
		--query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text 2>"$WORK/err")"; then
		report "$acct: cannot assume arn:$PARTITION:iam::$acct:role/$ROLE: $(error_text "$WORK/err") (account skipped)"
		return
	fi
	read -r key secret token <<<"$creds"
	(
		# Environment credentials come before any profile's in the CLI's order, and the profile
		# (kept for its region and settings) no longer supplies the credentials.
		export AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" AWS_SESSION_TOKEN="$token"
		collect_account_data "$acct"
	)
}

if ! caller="$(aws sts get-caller-identity --query '[Account,Arn]' --output text 2>"$WORK/err")"; then
	echo "iam-atlas-collect: no usable AWS credentials: $(error_text "$WORK/err")" >&2
	exit 2
fi
read -r SELF CALLER_ARN <<<"$caller"
PARTITION="$(printf '%s' "$CALLER_ARN" | cut -d: -f2)"
progress "collecting as $CALLER_ARN into $OUT"

ACCOUNTS="$SELF"
if [ "$ACCOUNT_ONLY" = 0 ] && collect_organization; then
	ACCOUNTS="$(set +f && active_accounts "$OUT"/organizations-list-accounts-for-parent/*.json | sort -u)"
	if [ -z "$REGIONS" ]; then
		REGIONS="$(scp_regions)"
		[ -n "$REGIONS" ] && progress "regions (approved by a StringNotEquals aws:RequestedRegion SCP): $REGIONS"
	fi
fi
if [ -z "$REGIONS" ]; then
	REGIONS="$(aws_list ec2 describe-regions --region "${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}" --query 'Regions[].RegionName' | tr '\n' ' ')"
	progress "regions (enabled for this account): $REGIONS"
fi
total="$(printf '%s\n' $ACCOUNTS | grep -c .)"
n=0
for acct in $ACCOUNTS; do
	n=$((n + 1))
	progress "[$n/$total] account $acct"
	collect_account "$acct"
done

if [ "$ZIP" = 1 ]; then
	if command -v zip >/dev/null 2>&1; then
		zipfile="$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT").zip"
		rm -f "$zipfile"
		(cd "$OUT" && set +f && zip -qr "$zipfile" .) && progress "wrote $zipfile" || report "zip failed"
	else
		report "--zip: the zip command is not installed (the folder $OUT is complete)"
	fi
fi

files="$(find "$OUT" -type f | grep -c .)"
errors="$(grep -c . "$WORK/errors")"
progress "done: $files files in $OUT, $errors errors"
[ "$errors" = 0 ] || exit 1
exit 0
