require "net/http"

def client(uri)
  http = Net::HTTP.new(uri.host, uri.port)
  http.use_ssl = true
  # ruleid: ruby-tls-verify-none
  http.verify_mode = OpenSSL::SSL::VERIFY_NONE
  # ruleid: ruby-tls-verify-none
  conn = Faraday.new(url: "https://api.example.com", ssl: { verify: false })
  # ok: ruby-tls-verify-none
  http.verify_mode = OpenSSL::SSL::VERIFY_PEER
  # ok: ruby-tls-verify-none
  conn = Faraday.new(url: "https://api.example.com", ssl: { ca_file: "/etc/ssl/certs/ca.pem" })
end
