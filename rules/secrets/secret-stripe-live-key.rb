# ruleid: secret-stripe-live-key
Stripe.api_key = "%%fake:stripe-live%%"
# ok: secret-stripe-live-key
Stripe.api_key = "%%fake:stripe-test%%"
# ok: secret-stripe-live-key
Stripe.api_key = ENV.fetch("STRIPE_SECRET_KEY")
