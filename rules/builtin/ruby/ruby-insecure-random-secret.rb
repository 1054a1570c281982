CHARS = [*"a".."z", *"0".."9"].freeze

def tokens
  # ruleid: ruby-insecure-random-secret
  reset_code = rand(100_000..999_999)
  # ruleid: ruby-insecure-random-secret
  token = Array.new(32) { CHARS.sample }.join
  # ok: ruby-insecure-random-secret
  reset_code = SecureRandom.random_number(100_000..999_999)
  # ok: ruby-insecure-random-secret
  token = SecureRandom.urlsafe_base64(32)
  # ok: ruby-insecure-random-secret
  delay = rand(1..5)
end
