require "base64"
# ruleid: rb-decoded-eval
eval(Base64.decode64("cHV0cyAnaGkn"))
# ruleid: rb-decoded-eval
eval [PAYLOAD].pack("H*")
# ===== block =====
# ok: rb-decoded-eval
avatar = Base64.decode64(params[:avatar])
# ===== block =====
# ok: rb-decoded-eval
klass.class_eval do
  attr_accessor :name
end
# ok: rb-decoded-eval
result = eval("1 + 2")
