require "open3"

class ToolsController < ApplicationController
  def ping
    host = params[:host]
    # ruleid: ruby-command-injection-taint
    output = `ping -c 1 #{host}`
    # ok: ruby-command-injection-taint
    output, _status = Open3.capture2("ping", "-c", "1", host)
    # ok: ruby-command-injection-taint
    uptime = `uptime`
    render plain: output + uptime
  end

  def convert
    file = params[:file]
    # ruleid: ruby-command-injection-taint
    system("convert #{file} /tmp/out.png")
    # ok: ruby-command-injection-taint
    system("convert", file, "/tmp/out.png")
    # ruleid: ruby-command-injection-taint
    IO.popen("identify " + file) { |io| io.read }
    # ok: ruby-command-injection-taint
    IO.popen(["identify", file]) { |io| io.read }
    # ruleid: ruby-command-injection-taint
    stdout, _status = Open3.capture2("file #{params[:path]}")
    # ok: ruby-command-injection-taint
    stdout, _status = Open3.capture2("file #{Shellwords.escape(params[:path])}")
    head :ok
  end
end
