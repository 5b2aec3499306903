"""
Builds the test organization in the local AWS API emulator (moto's server) through the AWS API
(boto3): a management account, members in nested OUs, SCPs (one a region guard with a break-glass
exemption), resources in each member (1,001 queues in one region, a topic whose encoded ARN is
longer than a file name may be, a key whose policy does not delegate to IAM), and IAM Identity
Center data. Prints what it built as JSON.

usage: python3 build-org.py ENDPOINT MEMBERS
"""
import json
import sys

import boto3

ENDPOINT = sys.argv[1]
MEMBERS = int(sys.argv[2])
BULK_QUEUES = int(sys.argv[3]) if len(sys.argv) > 3 else 1001
ROLE = "OrganizationAccountAccessRole"
KEYS = dict(aws_access_key_id="testing", aws_secret_access_key="testing")


def client(service, region="us-east-1", creds=None):
    return boto3.client(service, region_name=region, endpoint_url=ENDPOINT, **(creds or KEYS))


def as_account(account):
    c = client("sts").assume_role(RoleArn=f"arn:aws:iam::{account}:role/{ROLE}", RoleSessionName="build")["Credentials"]
    return dict(aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"], aws_session_token=c["SessionToken"])


org = client("organizations")
org.create_organization(FeatureSet="ALL")
management = client("sts").get_caller_identity()["Account"]
root = org.list_roots()["Roots"][0]["Id"]
org.enable_policy_type(RootId=root, PolicyType="SERVICE_CONTROL_POLICY")
workloads = org.create_organizational_unit(ParentId=root, Name="Workloads")["OrganizationalUnit"]["Id"]
prod = org.create_organizational_unit(ParentId=workloads, Name="Prod")["OrganizationalUnit"]["Id"]
security = org.create_organizational_unit(ParentId=root, Name="Security")["OrganizationalUnit"]["Id"]
members = []
for i in range(MEMBERS):
    status = org.create_account(Email=f"member{i}@example.com", AccountName=f"member-{i}")["CreateAccountStatus"]
    account = status["AccountId"]
    parent = [prod, security, workloads, root][i % 4]
    if parent != root:
        org.move_account(AccountId=account, SourceParentId=root, DestinationParentId=parent)
    members.append(account)

guard = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "DenyOtherRegions",
            "Effect": "Deny",
            "NotAction": ["iam:*", "organizations:*", "sts:*", "support:*"],
            "Resource": "*",
            "Condition": {
                "StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "us-east-1"]},
                "ArnNotLike": {"aws:PrincipalARN": ["arn:aws:iam::*:role/break-glass-2"]},
            },
        }
    ],
}
p = org.create_policy(Content=json.dumps(guard), Description="region guard", Name="region-guard", Type="SERVICE_CONTROL_POLICY")
org.attach_policy(PolicyId=p["Policy"]["PolicySummary"]["Id"], TargetId=workloads)

built = {"management": management, "members": members, "root": root, "ous": [workloads, prod, security]}

# Resources: every member has a bucket, a key, a queue, a topic, a secret, a function-less region.
long_topic = "t" * 250
for n, account in enumerate(members):
    creds = as_account(account)
    s3 = client("s3", creds=creds)
    s3.create_bucket(Bucket=f"bucket-{account}")
    s3.put_bucket_policy(Bucket=f"bucket-{account}", Policy=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:root"}, "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::bucket-{account}/*"}]}))
    kms = client("kms", "eu-west-1", creds)
    kms.create_key(Description="delegating")
    if n == 0:
        # A key whose policy does not delegate to the account's IAM: GetKeyPolicy is refused (stand-in).
        closed = kms.create_key(Description="closed")["KeyMetadata"]["KeyId"]
        built["closedKey"] = closed
        sqs = client("sqs", "eu-west-1", creds)
        for q in range(BULK_QUEUES):
            sqs.create_queue(QueueName=f"bulk-{q:04d}")
        built["bulkQueues"] = BULK_QUEUES
        topic = client("sns", "eu-west-1", creds).create_topic(Name=long_topic)["TopicArn"]
        built["longTopic"] = topic
    sqs = client("sqs", "us-east-1", creds)
    sqs.create_queue(QueueName="orders", Attributes={"Policy": json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:root"}, "Action": "sqs:SendMessage", "Resource": f"arn:aws:sqs:us-east-1:{account}:orders"}]})})
    client("sns", "us-east-1", creds).create_topic(Name="alerts")
    client("secretsmanager", "us-east-1", creds).create_secret(Name="db-password", SecretString="x")
    client("ecr", "us-east-1", creds).create_repository(repositoryName="team/app")
    iam = client("iam", creds=creds)
    iam.create_user(UserName="alice")
    iam.create_role(RoleName="reader", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{management}:root"}, "Action": "sts:AssumeRole"}]}))

# IAM Identity Center in the management account.
sso = client("sso-admin")
instance = sso.list_instances()["Instances"][0]
ps = sso.create_permission_set(Name="ReadOnly", InstanceArn=instance["InstanceArn"])["PermissionSet"]["PermissionSetArn"]
sso.put_inline_policy_to_permission_set(InstanceArn=instance["InstanceArn"], PermissionSetArn=ps, InlinePolicy=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:List*", "Resource": "*"}]}))
sso.attach_managed_policy_to_permission_set(InstanceArn=instance["InstanceArn"], PermissionSetArn=ps, ManagedPolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
ids = client("identitystore")
store = instance["IdentityStoreId"]
user = ids.create_user(IdentityStoreId=store, UserName="bob", DisplayName="Bob", Name={"GivenName": "Bob", "FamilyName": "B"})["UserId"]
group = ids.create_group(IdentityStoreId=store, DisplayName="auditors")["GroupId"]
ids.create_group_membership(IdentityStoreId=store, GroupId=group, MemberId={"UserId": user})
sso.create_account_assignment(InstanceArn=instance["InstanceArn"], TargetId=members[0], TargetType="AWS_ACCOUNT", PermissionSetArn=ps, PrincipalType="GROUP", PrincipalId=group)
built["identityCenter"] = {"instance": instance["InstanceArn"], "permissionSet": ps, "store": store, "group": group}
print(json.dumps(built))
