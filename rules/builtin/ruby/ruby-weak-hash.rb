require "digest"

def fingerprint(data)
  # ruleid: ruby-weak-hash
  a = Digest::MD5.hexdigest(data)
  # ruleid: ruby-weak-hash
  b = OpenSSL::Digest.new("SHA1").digest(data)
  # ok: ruby-weak-hash
  c = Digest::SHA256.hexdigest(data)
  # ok: ruby-weak-hash
  d = OpenSSL::Digest.new("SHA256").digest(data)
end
