require "base64"
require "json"
require "yaml"

class ImportsController < ApplicationController
  def restore
    blob = Base64.decode64(cookies[:state])
    # ruleid: ruby-deserialization-taint
    state = Marshal.load(blob)
    # ok: ruby-deserialization-taint
    state = JSON.parse(blob)
    render json: state
  end

  def upload
    body = request.body.read
    # ruleid: ruby-deserialization-taint
    config = YAML.unsafe_load(body)
    # ok: ruby-deserialization-taint
    config = YAML.safe_load(body)
    # ruleid: ruby-deserialization-taint
    settings = Oj.load(params[:settings])
    # ok: ruby-deserialization-taint
    settings = Oj.load(params[:settings], mode: :strict)
    # ok: ruby-deserialization-taint
    defaults = Marshal.load(File.binread("config/defaults.bin"))
    render json: { config: config, settings: settings, defaults: defaults }
  end
end
