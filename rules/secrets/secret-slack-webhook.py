# ruleid: secret-slack-webhook
WEBHOOK = "%%fake:slack-webhook%%"
# ok: secret-slack-webhook
WEBHOOK = os.environ["SLACK_WEBHOOK_URL"]
# ok: secret-slack-webhook
WEBHOOK = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
