require "yaml"
require "json"

def load_session(blob, text)
  # ruleid: ruby-unsafe-deserialization
  session = Marshal.load(Base64.decode64(blob))
  # ruleid: ruby-unsafe-deserialization
  config = YAML.unsafe_load(text)
  # ruleid: ruby-unsafe-deserialization
  legacy = YAML.load(text)
  # ok: ruby-unsafe-deserialization
  config = YAML.safe_load(text, permitted_classes: [Date])
  # ok: ruby-unsafe-deserialization
  session = JSON.parse(text)
  # ok: ruby-unsafe-deserialization
  dumped = Marshal.dump(session)
end
