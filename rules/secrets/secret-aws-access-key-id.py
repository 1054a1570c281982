import boto3
# ruleid: secret-aws-access-key-id
AWS_ACCESS_KEY_ID = "%%fake:aws-access-key-id%%"
# ruleid: secret-aws-access-key-id
s3 = boto3.client("s3", aws_access_key_id="%%fake:aws-access-key-id:2%%", aws_secret_access_key=secret)
# ok: secret-aws-access-key-id
AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
# ok: secret-aws-access-key-id
AWS_ACCESS_KEY_ID = "AKIAXXXXXXXXXXXXXXXX"
# ok: secret-aws-access-key-id
AWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]
