# ruleid: ruby-hardcoded-credential
API_KEY = "sk_live_51HxQ2fA9"
# ruleid: ruby-hardcoded-credential
client = Stripe::Client.new(api_key: "sk_live_51HxQ2fA9")
# ruleid: ruby-hardcoded-credential
db_password = 'Winter2024!'
# ok: ruby-hardcoded-credential
API_KEY = ENV.fetch("API_KEY")
# ok: ruby-hardcoded-credential
client = Stripe::Client.new(api_key: Rails.application.credentials.stripe[:secret_key])
# ok: ruby-hardcoded-credential
password_field = "password"
