class Thumbs
  def make(file, params)
    # ruleid: ruby-command-injection
    `convert #{file} thumb.png`
    # ruleid: ruby-command-injection
    system("gzip -k #{file}")
    # ruleid: ruby-command-injection
    data = open(params[:url]).read
    # ok: ruby-command-injection
    system("convert", file, "thumb.png")
    # ok: ruby-command-injection
    out, status = Open3.capture2("gzip", "-k", file)
    # ok: ruby-command-injection
    data = File.open(file).read
    # ok: ruby-command-injection
    uptime = `uptime`
  end
end
