# ruleid: secret-slack-token
client = WebClient(token="%%fake:slack-token%%")
# ok: secret-slack-token
client = WebClient(token=os.environ["SLACK_BOT_TOKEN"])
# ok: secret-slack-token
client = WebClient(token="xoxb-your-bot-token")
