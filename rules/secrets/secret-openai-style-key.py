# ruleid: secret-openai-style-key
client = OpenAI(api_key="%%fake:openai-key%%")
# ok: secret-openai-style-key
client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
# ok: secret-openai-style-key
client = OpenAI(api_key="sk-...")
# ok: secret-openai-style-key
task = "risk-assessment-for-the-quarterly-report-of-2024"
