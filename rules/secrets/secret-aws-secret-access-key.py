# ruleid: secret-aws-secret-access-key
AWS_SECRET_ACCESS_KEY = "%%fake:aws-secret-access-key%%"
# ruleid: secret-aws-secret-access-key
config = {"aws_secret_access_key": "%%fake:aws-secret-access-key:2%%"}
# ok: secret-aws-secret-access-key
AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
# ok: secret-aws-secret-access-key
aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]
# ok: secret-aws-secret-access-key
AWS_SECRET_ACCESS_KEY = "0000000000000000000000000000000000000000"
